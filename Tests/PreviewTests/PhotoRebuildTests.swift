import Foundation
import XCTest

/// `chonoi serve` and the image cache: editing a product's text encodes no photo; replacing a
/// photo encodes only that one.
final class PhotoRebuildTests: XCTestCase {
    static let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"
    static let productPage = "/catalog/co-so/banh-phong-sa-giang/banh-phong-tom/"

    func testTextEditsEncodeNothingAndAReplacedPhotoOnlyItself() async throws {
        let preview = try RunningPreview()
        let cache = preview.root.appendingPathComponent(".chonoi-cache/images").path
        func entries() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: cache).filter { !$0.hasPrefix(".") && $0 != "index.tsv" })
        }
        try await preview.start()
        let events = try EventStream(port: preview.port)
        let first = try events.next()
        let before = try entries()
        XCTAssertEqual(before.count, 2, "the logo and the product photo, beside the content folder")
        let stamps = try before.map { try FileManager.default.attributesOfItem(atPath: cache + "/" + $0 + "/photo.txt")[.modificationDate] as? Date }
        let photoLink = #"banh-phong-tom\.[0-9a-f]{10}-320\.webp"#

        try preview.edit(Self.product, replacing: "price: 85000", with: "price: 99000")
        let edited = try events.next { $0.build > first.build }
        XCTAssertTrue(try preview.get(Self.productPage).text.contains("99.000"))
        XCTAssertEqual(try entries(), before, "a text edit encodes nothing")
        XCTAssertEqual(try before.map { try FileManager.default.attributesOfItem(atPath: cache + "/" + $0 + "/photo.txt")[.modificationDate] as? Date }, stamps)

        // The product photo replaced by other bytes (the logo's): one new entry, the page links it.
        let oldPage = try preview.get(Self.productPage).text
        let oldLink = String(oldPage[try XCTUnwrap(oldPage.range(of: photoLink, options: .regularExpression))])
        let logo = try Data(contentsOf: URL(fileURLWithPath: preview.path("businesses/banh-phong-sa-giang/logo.png")))
        try logo.write(to: URL(fileURLWithPath: preview.path("businesses/banh-phong-sa-giang/products/banh-phong-tom.png")))
        _ = try events.next { $0.build > edited.build }
        let after = try entries()
        XCTAssertEqual(after.subtracting(before).count, 1, "only the replaced photo is encoded")
        let page = try preview.get(Self.productPage).text
        XCTAssertFalse(page.contains(oldLink), "the page links the new photo")
        let newLink = try XCTUnwrap(page.range(of: #"banh-phong-tom\.[0-9a-f]{10}-160\.webp"#, options: .regularExpression), "160 px wide: the logo's bytes")
        XCTAssertEqual(try preview.get(Self.productPage + String(page[newLink])).status, 200)
        try await preview.stop()
    }
}
