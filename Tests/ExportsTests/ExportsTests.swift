@testable import Exports
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The product feed and the open data, on records made here: limits, escaping of hostile
/// seller text, CSV quoting and the formula guard, ids.
final class ExportsTests: XCTestCase {
    static let hostile = "<script>alert(\"x\")</script> & 'q' ]]> \u{0}\u{1}\u{7}\u{1B}\u{7F}\u{85}\u{FFFE}Bánh"

    func product(_ slug: String = "banh-phong-tom", name: String = "Bánh phồng tôm", price: Int? = 85000,
                 images: [String] = ["https://example.org/cho-noi/co-so/sa-giang/banh-phong-tom/a.jpg"]) -> ProductRecord {
        var p = ProductRecord(business: "sa-giang", slug: slug, businessName: "Cơ sở Sa Giang", name: name,
                              sector: "thuc-pham-che-bien", sectorName: "Thực phẩm chế biến",
                              url: "https://example.org/cho-noi/co-so/sa-giang/\(slug)/")
        p.price = price
        p.images = images
        p.unit = "hộp"
        p.place = "Xã Long Định, Đồng Tháp"
        return p
    }

    func entry(_ products: [ProductRecord]) -> ExportEntry {
        var b = BusinessRecord(id: "sa-giang", name: "Cơ sở Sa Giang", sector: "thuc-pham-che-bien", sectorName: "Thực phẩm chế biến",
                               url: "https://example.org/cho-noi/co-so/sa-giang/")
        b.productCount = products.count
        return ExportEntry(business: b, products: products)
    }

    let catalog = CatalogInfo(title: "Chợ Nổi", description: nil, url: "https://example.org/cho-noi/")

    // MARK: - Truncation

    func testTruncationKeepsGraphemesAndStaysWithinTheLimit() {
        let decomposed = String(repeating: "e\u{0302}\u{0301} ", count: 100) // "ế" written as three scalars
        for limit in [10, 11, 12, 50, 150] {
            let cut = FeedText.truncate(decomposed, to: limit)
            XCTAssertLessThanOrEqual(cut.unicodeScalars.count, limit)
            XCTAssertTrue(cut.hasSuffix("…"))
            for c in cut.dropLast() where c != " " { XCTAssertEqual(c, "e\u{0302}\u{0301}", "never a letter cut from its marks") }
        }
        let flags = String(repeating: "🇻🇳", count: 40)
        let cut = FeedText.truncate(flags, to: 15)
        XCTAssertLessThanOrEqual(cut.unicodeScalars.count, 15)
        XCTAssertEqual(cut.unicodeScalars.count % 2, 1, "whole flags and the ellipsis")
        XCTAssertEqual(FeedText.truncate("Bánh phồng tôm", to: 150), "Bánh phồng tôm", "short text unchanged")
        let words = FeedText.truncate("Bánh phồng tôm đặc biệt loại một của Sa Giang", to: 20)
        XCTAssertEqual(words, "Bánh phồng tôm đặc…", "cut at a word when one is near")
    }

    // MARK: - Feed

    func parse(_ xml: String) throws -> [[String: [String]]] {
        final class Collector: NSObject, XMLParserDelegate {
            var items: [[String: [String]]] = []
            var current: [String: [String]]?
            var text = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == "item" { current = [:] }
                text = ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "item" { items.append(current!); current = nil } else if current != nil { current![qualifiedName ?? name, default: []].append(text) }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return collector.items
    }

    func testFeedListsPricedProductsWithPhotosAndCountsTheOthers() throws {
        let long = String(repeating: "Bánh phồng tôm ", count: 20)
        var hostile = product("hostile", name: Self.hostile)
        hostile.description = String(repeating: Self.hostile, count: 200)
        hostile.businessName = Self.hostile
        let products = [product(), product("contact", price: nil), product("zero", price: 0), product("no-photo", images: []),
                        product("neither", price: nil, images: []), product("long", name: long), hostile]
        let (files, summary) = ExportFiles.texts([entry(products)], catalog: catalog, absolute: { $0 })
        let xml = try XCTUnwrap(files[ExportFiles.productFeed])
        XCTAssertEqual(summary.listed, 3)
        XCTAssertEqual(summary.withoutPrice, 3)
        XCTAssertEqual(summary.withoutPhoto, 2)
        XCTAssertEqual(summary.leftOut, 4)
        XCTAssertTrue(xml.contains("xmlns:g=\"http://base.google.com/ns/1.0\""))
        let items = try parse(xml)
        XCTAssertEqual(items.count, 3)
        for item in items {
            for field in ["g:id", "g:title", "g:description", "g:link", "g:image_link", "g:availability", "g:price", "g:brand",
                          "g:identifier_exists", "g:condition", "g:product_type"] {
                XCTAssertEqual(item[field]?.count, 1, field)
                XCTAssertFalse(item[field]?.first?.isEmpty ?? true, field)
            }
            XCTAssertLessThanOrEqual(item["g:id"]![0].count, 50)
            XCTAssertLessThanOrEqual(item["g:title"]![0].unicodeScalars.count, 150)
            XCTAssertLessThanOrEqual(item["g:description"]![0].unicodeScalars.count, 5000)
            XCTAssertLessThanOrEqual(item["g:brand"]![0].unicodeScalars.count, 70)
            XCTAssertEqual(item["g:price"], ["85000 VND"])
            XCTAssertEqual(item["g:identifier_exists"], ["no"])
            XCTAssertEqual(item["g:condition"], ["new"])
            XCTAssertEqual(item["g:product_type"], ["Thực phẩm chế biến"])
        }
        XCTAssertEqual(items[0]["g:id"], ["sa-giang/banh-phong-tom"])
        XCTAssertEqual(items[0]["g:description"], ["Bánh phồng tôm (hộp) – Cơ sở Sa Giang, Xã Long Định, Đồng Tháp"],
                       "a product without text gets a description from its facts")
        // Hostile text arrives as text: the markup is data, the control characters are gone.
        let title = items[2]["g:title"]![0]
        XCTAssertTrue(title.hasPrefix("<script>alert(\"x\")</script> & 'q' ]]> Bánh"), title)
        XCTAssertFalse(xml.contains("<script>"))
    }

    func testLongIDsStayUniqueAndWithinFiftyCharacters() {
        let a = ProductID.feed(business: String(repeating: "a", count: 40), product: String(repeating: "b", count: 30) + "-1")
        let b = ProductID.feed(business: String(repeating: "a", count: 40), product: String(repeating: "b", count: 30) + "-2")
        XCTAssertEqual(a.count, 50)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(ProductID.feed(business: "sa-giang", product: "banh"), "sa-giang/banh")
    }

    // MARK: - Open data

    func testCSVQuotesAndDefusesFormulas() {
        XCTAssertEqual(OpenDataCSV.field(.text("a,b")), "\"a,b\"")
        XCTAssertEqual(OpenDataCSV.field(.text("say \"hi\"")), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(OpenDataCSV.field(.text("two\nlines")), "\"two\nlines\"")
        for formula in ["+1", "-1", "@SUM(A1)", "\tx"] {
            XCTAssertEqual(OpenDataCSV.field(.text(formula)), "'" + formula, formula)
        }
        XCTAssertEqual(OpenDataCSV.field(.text("=HYPERLINK(\"http://x\")")), "\"'=HYPERLINK(\"\"http://x\"\")\"",
                       "the apostrophe inside the quotes")
        XCTAssertEqual(OpenDataCSV.field(.texts(["=cmd", "b"])), "'=cmd; b")
        XCTAssertEqual(OpenDataCSV.field(.integer(nil)), "")
        XCTAssertEqual(OpenDataCSV.field(.integer(-1)), "-1", "a number is not seller text")
        XCTAssertEqual(OpenDataCSV.field(.integers([3, 4])), "3; 4")
    }

    func testJSONAndCSVCarryTheSameFields() throws {
        var p = product(name: Self.hostile)
        p.tags = ["quà biếu", "=1+1"]
        p.season = [3, 4]
        let byPath = ExportFiles.texts([entry([p])], catalog: catalog, absolute: { "https://example.org/cho-noi/" + $0 }).files
        XCTAssertEqual(byPath.count, 7)
        let json = try XCTUnwrap(byPath[ExportFiles.productsJSON])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let record = (object["products"] as! [[String: Any]])[0]
        XCTAssertEqual(record["id"] as? String, "sa-giang/banh-phong-tom")
        XCTAssertEqual(record["name"] as? String, "<script>alert(\"x\")</script> & 'q' ]]> Bánh")
        XCTAssertEqual(object["$schema"] as? String, "https://example.org/cho-noi/du-lieu/san-pham.schema.json")
        let csv = try XCTUnwrap(byPath[ExportFiles.productsCSV])
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}id,business,"))
        XCTAssertTrue(csv.contains("\"<script>alert(\"\"x\"\")</script> & 'q' ]]> Bánh\""))
        XCTAssertTrue(csv.contains(",quà biếu; =1+1,"), "only a cell's start is defused")
        let schema = try JSONSerialization.jsonObject(with: Data(byPath[ExportFiles.productsSchema]!.utf8)) as! [String: Any]
        let properties = ((schema["$defs"] as! [String: Any])["record"] as! [String: Any])["properties"] as! [String: Any]
        XCTAssertEqual(Set(properties.keys), Set(record.keys), "the schema lists every field")
    }

    // MARK: - Written as the businesses come

    /// A product and a business with every field set (text hostile and in several scripts), and
    /// a product with every optional left empty.
    func fullRecords() -> (BusinessRecord, ProductRecord, ProductRecord) {
        var p = product(name: Self.hostile)
        p.unit = "hũ 500 g"; p.available = false; p.ocopStars = 4; p.ocopYear = 2024; p.minOrder = 50
        p.delivery = "Giao trong ngày"; p.season = [4, 5, 12]; p.tags = ["quà biếu", "=1+1", ""]
        p.published = "2026-03-15"; p.updated = "2026-04-01"; p.description = Self.hostile + "\n\nĐoạn hai, \"trích\"."
        p.images = ["https://e.org/a.jpg", "https://e.org/b.jpg"]; p.place = "Xã Long Định, Đồng Tháp"; p.price = 120000
        var b = entry([p]).business
        b.kind = "hop-tac-xa"; b.kindLabel = "Hợp tác xã"; b.street = "Ấp 3"; b.ward = "Xã Tân Phước"; b.province = "Đồng Tháp"
        b.phone = "0273 3 812 345"; b.zalo = "https://zalo.me/0912345678"; b.email = "a@b.vn"; b.website = "https://e.org"
        b.taxCode = "1200100100"; b.founded = 1960; b.certifications = ["VietGAP", Self.hostile]; b.latitude = 10.35; b.longitude = -0.0
        b.logo = "https://e.org/logo.jpg"; b.productCount = 1; b.description = Self.hostile
        let empty = ProductRecord(business: "", slug: "", businessName: "", name: "", sector: "", sectorName: "", url: "")
        return (b, p, empty)
    }

    /// A stream fed a business at a time, its files written in pieces, gives seven whole files:
    /// the JSON parses with its count and its records in order, the feed parses with an item per
    /// listable product, and the counts say why the others were left out, for no business, for
    /// one without products, and for several with full, empty and hostile records.
    func testStreamWritesWholeFilesABusinessAtATime() throws {
        let (b, p, empty) = fullRecords()
        var full = ExportEntry(business: b, products: [p, empty, product("c", name: "C", price: nil)])
        full.business.productCount = 3
        for entries in [[], [entry([])], [entry([product("a", name: "A"), product("b", name: Self.hostile, price: nil)]), entry([]), full,
                                          entry([product("d", name: "D", images: [])])]] {
            final class Files { var bytes: [String: [UInt8]] = [:]; var pieces = 0 }
            let files = Files()
            let products = entries.flatMap(\.products)
            let stream = try ExportStream(catalog: catalog, absolute: { "https://example.org/cho-noi/" + $0 },
                                          businesses: entries.count, products: products.count) { path in
                XCTAssertNil(files.bytes[path], "\(path) opened once")
                files.bytes[path] = []
                return { piece in
                    files.bytes[path, default: []] += piece
                    files.pieces += 1
                }
            }
            for entry in entries { try stream.add(entry) }
            let summary = try stream.finish()
            let text = files.bytes.mapValues { String(decoding: $0, as: UTF8.self) }
            XCTAssertEqual(Set(text.keys), [ExportFiles.productFeed, ExportFiles.businessesJSON, ExportFiles.businessesCSV,
                                            ExportFiles.businessesSchema, ExportFiles.productsJSON, ExportFiles.productsCSV,
                                            ExportFiles.productsSchema])
            for (path, ids) in [(ExportFiles.businessesJSON, entries.map(\.business.id)), (ExportFiles.productsJSON, products.map(\.id))] {
                let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text[path]!.utf8)) as? [String: Any], path)
                let list = try XCTUnwrap(json[path == ExportFiles.businessesJSON ? "businesses" : "products"] as? [[String: Any]], path)
                XCTAssertEqual(json["count"] as? Int, ids.count, path)
                XCTAssertEqual(list.map { $0["id"] as? String }, ids, path)
            }
            let listable = products.filter { ($0.price ?? 0) > 0 && !$0.images.isEmpty }
            XCTAssertEqual(try parse(text[ExportFiles.productFeed]!).map { $0["g:id"]?.first }, listable.map(\.id))
            XCTAssertEqual(summary.listed, listable.count)
            XCTAssertEqual(summary.leftOut, products.count - listable.count)
            XCTAssertEqual(summary.withoutPrice, products.filter { ($0.price ?? 0) <= 0 }.count)
            XCTAssertEqual(summary.withoutPhoto, products.filter(\.images.isEmpty).count)
            for path in [ExportFiles.businessesCSV, ExportFiles.productsCSV] {
                XCTAssertTrue(text[path]!.hasPrefix("\u{FEFF}id,"), path)
                XCTAssertTrue(text[path]!.hasSuffix("\r\n"), path)
            }
            XCTAssertEqual(ExportFiles.texts(entries, catalog: catalog, absolute: { "https://example.org/cho-noi/" + $0 }).files, text,
                           "the whole list gives the same files")
        }
    }

    /// The JSON files announce their counts before their records: a stream given another
    /// number of businesses or products than it was told fails instead of writing a wrong count.
    func testStreamRefusesToEndWithAnotherCountThanAnnounced() throws {
        let entries = [entry([product("a")]), entry([])]
        for (businesses, products) in [(2, 2), (3, 1), (1, 1)] {
            let stream = try ExportStream(catalog: catalog, absolute: { $0 }, businesses: businesses, products: products) { _ in { _ in } }
            for entry in entries { try stream.add(entry) }
            XCTAssertThrowsError(try stream.finish(), "told \(businesses) and \(products)") { error in
                XCTAssertTrue("\(error)".contains("\(businesses) businesses and \(products) products"), "\(error)")
            }
        }
    }
}
