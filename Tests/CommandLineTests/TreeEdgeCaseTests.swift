import Foundation
import XCTest

/// The cases of issue 8 that crashed, hung or lost files, end to end through the real command.
final class TreeEdgeCaseTests: XCTestCase {
    let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"

    func run(_ arguments: [String], _ workspace: Workspace, environment: [String: String] = [:]) throws -> FuzzRun.Result {
        let result = try FuzzRun.run(arguments, in: workspace.root, environment: environment, timeout: 60)
        XCTAssertFalse(result.timedOut, "chonoi \(arguments) hung")
        XCTAssertEqual(result.reason, .exit, "chonoi \(arguments) died: \(result.output)")
        return result
    }

    func testNonFinitePricesAreDiagnosedNotFatal() throws {
        for price in ["infk", "1e400k", "99999999999999999999tr"] {
            let workspace = try Workspace()
            try workspace.edit(product, replacing: "price: 85000", with: "price: \(price)")
            let result = try run(["check", "--format", "json"], workspace)
            XCTAssertEqual(result.status, 1, price)
            XCTAssertTrue(result.output.contains("\"price-not-whole\""), result.output)
        }
    }

    func testHostileSourceDateEpochFallsBackToTheClock() throws {
        let workspace = try Workspace()
        for epoch in ["inf", "nan", "1e300", "-5", "garbage"] {
            let result = try run(["build"], workspace, environment: ["SOURCE_DATE_EPOCH": epoch])
            XCTAssertEqual(result.status, 0, "\(epoch): \(result.output)")
            XCTAssertTrue(result.output.contains("bỏ qua SOURCE_DATE_EPOCH=\"\(epoch)\""), "said once: \(result.output)")
        }
        let fine = try run(["build"], workspace, environment: ["SOURCE_DATE_EPOCH": "1795132800"])
        XCTAssertFalse(fine.output.contains("SOURCE_DATE_EPOCH"), fine.output)
    }

    func testAFIFONamedSiteYmlIsRefusedWithoutHanging() throws {
        let workspace = try Workspace()
        try workspace.remove("site.yml")
        XCTAssertEqual(mkfifo(workspace.url("site.yml").path, 0o644), 0)
        let result = try run(["check"], workspace)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("content/site.yml:1:1: error:"), result.output)
    }

    func testUppercaseMarkdownExtensionNamesTheFileToUse() throws {
        let workspace = try Workspace()
        try FileManager.default.moveItem(at: workspace.url(product),
                                         to: workspace.url("businesses/banh-phong-sa-giang/products/Banh.MD"))
        let result = try run(["check", "--lang", "en"], workspace)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("products/Banh.MD:1:1: error:"), result.output)
        XCTAssertTrue(result.output.contains("rename it to \"banh.md\""), result.output)
    }

    func testImagesNamedInNFDOnDiskAreCopiedIntoTheSite() throws {
        let workspace = try Workspace()
        let folder = "businesses/banh-phong-sa-giang/products/"
        let nfc = "\u{1EA3}nh-tom.png", nfd = "a\u{0309}nh-tom.png" // "ảnh-tom.png"
        let image = try Data(contentsOf: workspace.url(folder + "banh-phong-tom.png"))
        try workspace.remove(folder + "banh-phong-tom.png")
        try image.write(to: workspace.url(folder + nfd))
        try workspace.edit(product, replacing: "images: [banh-phong-tom.png]", with: "images: [\(nfc)]")
        XCTAssertEqual(try run(["check"], workspace).status, 0)
        let result = try run(["build"], workspace)
        XCTAssertEqual(result.status, 0, result.output)
        // The site writes the photo under its NFC name, resized (`ảnh-tom.<hash>-320.jpg` and so on).
        let page = workspace.root.appendingPathComponent("public/co-so/banh-phong-sa-giang/banh-phong-tom")
        let written = try FileManager.default.contentsOfDirectory(atPath: page.path).filter { $0 != "index.html" && $0 != "qr.svg" }
        let stem = Array((String(nfc.dropLast(4)) + ".").utf8)
        XCTAssertFalse(written.isEmpty, "the photo is missing from the site")
        XCTAssertTrue(written.allSatisfy { Array($0.utf8).starts(with: stem) }, "\(written)")
        let html = try String(contentsOf: page.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("-320.jpg"), "the page shows no photo")
        XCTAssertFalse(image.isEmpty)
    }

    func testSiteYmlLinkedOutOfTheTreeIsAnError() throws {
        let workspace = try Workspace()
        let outside = workspace.root.appendingPathComponent("elsewhere.yml")
        try FileManager.default.moveItem(at: workspace.url("site.yml"), to: outside)
        try FileManager.default.createSymbolicLink(at: workspace.url("site.yml"), withDestinationURL: outside)
        let result = try run(["check", "--format", "json"], workspace)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("\"symlink-leaves-tree\""), result.output)
    }
}
