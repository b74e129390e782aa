import Foundation
import XCTest

/// `chonoi new` writes complete entries that pass `check`, and never overwrites one.
final class NewCommandTests: XCTestCase {
    func testNewBusinessAndProductPassCheckAsDrafts() throws {
        let w = try Workspace()
        let b = try Chonoi.run(["new", "business", "keo-dua-ut-hai"], in: w.root)
        XCTAssertEqual(b.status, 0, b.stderr)
        let index = try w.read("businesses/keo-dua-ut-hai/index.md")
        XCTAssertTrue(index.contains("# (*) người đại diện"), "fields are explained in Vietnamese")
        XCTAssertTrue(index.contains("sector: trai-cay"), "uses the catalog's first sector")
        XCTAssertTrue(index.contains("draft: true"))

        let p = try Chonoi.run(["new", "product", "keo-dua-ut-hai", "keo-dua-sua"], in: w.root)
        XCTAssertEqual(p.status, 0, p.stderr)
        XCTAssertTrue(try w.read("businesses/keo-dua-ut-hai/products/keo-dua-sua.md").contains("published: 2026-11-20"))

        let r = try w.check(["--strict"])
        XCTAssertEqual(r.status, 0, r.stdout)

        // Filled in and published, the entry still passes.
        try w.edit("businesses/keo-dua-ut-hai/index.md", replacing: "draft: true", with: "draft: false")
        XCTAssertEqual(try w.check(["--strict"]).status, 0)
    }

    func testNewRefusesToOverwriteAndToBadNames() throws {
        let w = try Workspace()
        let before = try w.snapshot()
        let exists = try Chonoi.run(["new", "business", "banh-phong-sa-giang"], in: w.root)
        XCTAssertEqual(exists.status, 1)
        XCTAssertTrue(exists.stderr.contains("đã có; không ghi đè"), exists.stderr)

        let bad = try Chonoi.run(["new", "business", "Kẹo Dừa"], in: w.root)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("hãy dùng \"keo-dua\""), bad.stderr)

        let orphan = try Chonoi.run(["new", "product", "khong-co", "keo"], in: w.root)
        XCTAssertEqual(orphan.status, 1)
        XCTAssertTrue(orphan.stderr.contains("chonoi new business khong-co"), orphan.stderr)

        let existingProduct = try Chonoi.run(["new", "product", "banh-phong-sa-giang", "banh-phong-tom"], in: w.root)
        XCTAssertEqual(existingProduct.status, 1)
        XCTAssertEqual(try w.snapshot(), before, "nothing written")
    }

    func testHelpReadsWell() throws {
        let w = try Workspace()
        for command in [["--help"], ["check", "--help"], ["new", "--help"], ["new", "business", "--help"], ["new", "product", "--help"]] {
            let r = try Chonoi.run(command, in: w.root)
            XCTAssertEqual(r.status, 0, command.joined(separator: " "))
            XCTAssertTrue(r.stdout.contains("USAGE: chonoi"), r.stdout)
        }
        let check = try Chonoi.run(["check", "--help"], in: w.root)
        XCTAssertTrue(check.stdout.contains("--format"))
        XCTAssertTrue(check.stdout.contains("--content"))
    }
}
