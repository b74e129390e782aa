import Foundation
import XCTest

/// `build --precompress`: a `.gz` beside each text file, the same bytes on every build.
final class PrecompressTests: XCTestCase {
    func testGzFilesDecompressToTheirFilesAndRebuildIdentically() throws {
        let workspace = try Workspace()
        XCTAssertEqual(try Chonoi.run(["build", "--precompress", "--output", "one"], in: workspace.root).status, 0)
        XCTAssertEqual(try Chonoi.run(["build", "--precompress", "--output", "two"], in: workspace.root).status, 0)
        let one = workspace.root.appendingPathComponent("one"), two = workspace.root.appendingPathComponent("two")
        let files = FileManager.default.enumerator(atPath: one.path)!.compactMap { $0 as? String }
        let compressed = files.filter { $0.hasSuffix(".gz") }
        XCTAssertTrue(compressed.contains("index.html.gz"), "\(files)")
        XCTAssertTrue(compressed.contains { $0.hasPrefix("assets/") && $0.hasSuffix(".css.gz") })
        XCTAssertFalse(compressed.contains { $0.hasSuffix(".jpg.gz") || $0.hasSuffix(".png.gz") }, "images are not text")
        for file in compressed {
            let gz = try Data(contentsOf: one.appendingPathComponent(file))
            XCTAssertEqual(Array(gz.prefix(10)), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3], "\(file): no name, no time")
            XCTAssertEqual(gz, try Data(contentsOf: two.appendingPathComponent(file)), "\(file) differs between builds")
            XCTAssertEqual(try gunzip(one.appendingPathComponent(file)), try Data(contentsOf: one.appendingPathComponent(String(file.dropLast(3)))))
        }
    }

    func testInitRefusesAFolderWithAnythingInIt() throws {
        let workspace = try Workspace()
        let before = try workspace.snapshot()
        let r = try Chonoi.run(["init", "content"], in: workspace.root)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("không thay đổi gì"), r.stderr)
        XCTAssertEqual(try workspace.snapshot(), before, "nothing was touched")
    }

    private func gunzip(_ file: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
