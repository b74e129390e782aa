import Foundation
import XCTest

/// The benchmark generator writes catalogs that are valid by construction: `check` must agree.
final class GeneratedCatalogTests: XCTestCase {
    func testGeneratedCatalogPasses() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let generator = repository.appendingPathComponent("bench/gen-catalog")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let gen = Process()
        gen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gen.arguments = ["python3", generator.path, "--businesses", "150", "--seed", "7", "--out", out.path, "--images"]
        gen.standardOutput = Pipe()
        try gen.run()
        gen.waitUntilExit()
        XCTAssertEqual(gen.terminationStatus, 0)

        let r = try Chonoi.run(["check", "--content", out.path, "--format", "json"], in: out)
        XCTAssertEqual(r.status, 0, String(r.stdout.prefix(2000)))
        // No warnings either, except that its pictures (8×8 placeholders) are too small to look good.
        let diagnostics = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        XCTAssertEqual(Set(diagnostics.compactMap { $0["code"] as? String }).subtracting(["image-too-small"]), [], String(r.stdout.prefix(2000)))
    }
}
