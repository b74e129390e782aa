@testable import Catalog
import Diagnostics
import Foundation
import XCTest

final class CatalogLoaderTests: ContentTreeTestCase {
    func testValuesKeepTheirPositionsAndTheirTextAsWritten() throws {
        try write("businesses/a/index.md", """
        ---
        name: Cơ sở A
        sector: trai-cay
        kind: ho-kinh-doanh
        representative: B
        phone: 0912345678
        tax_code: 0100233488
        founded: 2005
        draft: no
        address: { ward: Xã X, province: Đồng Tháp }
        ---
        Body
        """)
        let result = load()
        XCTAssertEqual(result.diagnostics, [])
        let b = try XCTUnwrap(result.catalog.businesses.first)
        XCTAssertEqual(b.phone, Located("0912345678", line: 6, column: 8))
        XCTAssertEqual(b.taxCode?.value, "0100233488")
        XCTAssertEqual(b.founded?.value, 2005)
        XCTAssertEqual(b.draft, false)
        XCTAssertEqual(b.address?.ward?.value, "Xã X")
        XCTAssertEqual(b.body, "Body")
        XCTAssertEqual(b.bodyLine, 12)
    }

    func testTextAndFileNamesAreNormalisedToNFC() throws {
        let nfd = "Tra\u{0300}i cây"  // "Trài cây" written with a combining grave accent
        try write("businesses/b/index.md", "---\nname: \(nfd)\n---\nBa\u{0301}nh\n")
        try write("businesses/b/lo\u{0302}go.jpg", "x")
        let b = try XCTUnwrap(load().catalog.businesses.first)
        XCTAssertEqual(Array(b.name!.value.utf8), Array("Trài cây".utf8))
        XCTAssertEqual(Array(b.body.utf8), Array("Bánh\n".utf8))
        XCTAssertTrue(b.files.contains("lôgo.jpg"))
    }

    func testBusinessesComeInNameOrderWhateverTheThreads() throws {
        for i in (0..<40).reversed() {
            try write("businesses/b\(i)/index.md", "---\nname: B\(i)\n---\n")
        }
        let slugs = load().catalog.businesses.map(\.slug)
        XCTAssertEqual(slugs, slugs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(slugs.count, 40)
    }

    func testProblemsInOneFileDoNotHideOthers() throws {
        try write("businesses/a/index.md", "---\nname: [x\n---\n")
        try write("businesses/a/products/p.md", "---\nname: P\nprice: abc\n---\n")
        let codes = load().diagnostics.map(\.code)
        XCTAssertTrue(codes.contains("yaml-syntax"), "\(codes)")
        XCTAssertTrue(codes.contains("price-not-whole"), "\(codes)")
        XCTAssertTrue(codes.contains("missing-field"), "\(codes)")
    }

    func testYAMLErrorsCarryTheFileLine() throws {
        try write("businesses/a/index.md", "---\nname: A\nsector: x: y\n---\n")
        let d = try XCTUnwrap(load().diagnostics.first { $0.code == "yaml-syntax" })
        XCTAssertEqual(d.location.file, "businesses/a/index.md")
        XCTAssertEqual(d.location.line, 3)
    }

    func testMissingSiteAndSectorsFiles() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("site.yml"))
        try write("sectors.yml", "[]\n")
        let codes = load().diagnostics.map(\.code)
        XCTAssertEqual(codes, ["missing-entry-file", "no-sectors"])
    }

    func testStrayFilesAndMissingIndex() throws {
        try write("businesses/notes.txt", "x")
        try write("businesses/c/products/p.md", "---\nname: P\nsector: trai-cay\nprice: contact\npublished: 2026-01-01\n---\nx\n")
        try write("businesses/c/p2.md", "x")
        let result = load()
        XCTAssertEqual(result.diagnostics.map(\.code).sorted(), ["missing-entry-file", "stray-file", "stray-file"])
        XCTAssertEqual(result.catalog.businesses.first?.products.first?.price?.value, .contact)
    }

    func testCheckKeepsOnlyBodiesWithPictures() throws {
        try write("businesses/a/index.md", "---\nname: A\n---\nXin chào ![ảnh](a.jpg)\n")
        try write("businesses/a/products/p.md", "---\nname: P\n---\nNgon quá! [xem](a)\n")
        try write("businesses/a/products/q.md", "---\nname: Q\n---\n \t\n\n")
        let b = try XCTUnwrap(CatalogLoader(root: root.path, workingDirectory: root.path, loadBodies: false).load().catalog.businesses.first)
        XCTAssertEqual(b.body, "Xin chào ![ảnh](a.jpg)\n")
        XCTAssertEqual(b.products.map(\.body), ["", ""])
        XCTAssertEqual(b.products.map(\.bodyIsBlank), [false, true])
        XCTAssertEqual(b.products.map(\.bodyBytes), [20, 4])
    }
}
