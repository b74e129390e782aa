@testable import Catalog
import Diagnostics
import Foundation
import Registration
import Validation
import VietnameseText
import XCTest

/// The Swift half of Tests/SharedFixtures/registration-cases.json (the JavaScript half is
/// Tests/js/register.test.mjs): each case is written into an entry as register.js writes it,
/// then loaded and validated as `chonoi check` does.
final class SharedCaseTests: XCTestCase {
    struct Cases: Decodable {
        struct Field: Decodable {
            let entry: String
            let key: String
            let value: String
            let with: [String: String]?
            let codes: [String]
        }
        struct PriceCase: Decodable { let input: String; let value: Int? }
        struct SlugCase: Decodable { let input: String; let slug: String }
        let today: String
        let fields: [Field]
        let prices: [PriceCase]
        let slugs: [SlugCase]
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let cases: Cases = {
        let url = repository.appendingPathComponent("Tests/SharedFixtures/registration-cases.json")
        return try! JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }()

    /// A valid business and product, as typed into the form.
    static let business: [String: String] = [
        "name": "Cơ sở Bánh phồng tôm Sa Giang", "sector": "thuc-pham-che-bien", "kind": "ho-kinh-doanh",
        "representative": "Nguyễn Văn An", "phone": "0273 3 812 345", "address.street": "Số 12, ấp Bình Phú",
        "address.ward": "Xã Long Định", "address.province": "Đồng Tháp", "body": "Làm bánh phồng tôm từ năm 1960.",
    ]
    static let product: [String: String] = [
        "name": "Bánh phồng tôm đặc biệt", "sector": "thuc-pham-che-bien", "price": "85000", "unit": "hộp 500 g",
        "published": "2026-03-15", "body": "Bánh giòn, thơm.",
    ]
    /// Values YAML reads as numbers and dates are written bare, as register.js writes them.
    static let bare: Set<String> = ["founded", "map.lat", "map.lng", "ocop", "ocop_year", "min_order", "published", "updated"]

    static func yaml(_ values: [String: String], order: [FormField]) -> String {
        var lines = ["---"], nested: [String: [String]] = [:]
        for field in order where field.key != "body" {
            guard let value = values[field.key] else { continue }
            let text = bare.contains(field.key) || (field.key == "price" && (value.allSatisfy(\.isNumber) && !value.isEmpty || value == "contact"))
                ? value : jsonQuoted(value)
            let parts = field.key.split(separator: ".")
            if parts.count == 2 {
                if nested[String(parts[0])] == nil { lines.append("\(parts[0]):"); nested[String(parts[0])] = [] }
                lines.append("  \(parts[1]): \(text)")
            } else {
                lines.append("\(field.key): \(text)")
            }
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + (values["body"] ?? "") + "\n"
    }

    static func jsonQuoted(_ s: String) -> String {
        String(data: try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]), encoding: .utf8)!
            .dropFirst().dropLast().description
    }

    /// The codes `chonoi check` reports for the business or product written from `values`.
    func codes(business: [String: String], product: [String: String], entry: String) throws -> [String] {
        let root = NSTemporaryDirectory() + "chonoi-registration-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/businesses/sa-giang"
        try FileManager.default.createDirectory(atPath: folder + "/products", withIntermediateDirectories: true)
        try "title: Chợ\nbase_url: https://example.org/\n".write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        try "- id: thuc-pham-che-bien\n  name: Thực phẩm chế biến\n- id: trai-cay\n  name: Trái cây\n"
            .write(toFile: root + "/sectors.yml", atomically: true, encoding: .utf8)
        try Self.yaml(business, order: FormFields.business).write(toFile: folder + "/index.md", atomically: true, encoding: .utf8)
        try Self.yaml(product, order: FormFields.product).write(toFile: folder + "/products/banh.md", atomically: true, encoding: .utf8)
        let loaded = CatalogLoader(root: root, workingDirectory: root).load()
        let found = Validator(catalog: loaded.catalog, today: CivilDate(iso: Self.cases.today)!).run()
        let file = entry == "business" ? "businesses/sa-giang/index.md" : "businesses/sa-giang/products/banh.md"
        let all = loaded.diagnostics + found
        XCTAssertTrue(all.allSatisfy { $0.location.file.hasSuffix(".md") }, "\(all)")
        return all.filter { $0.location.file.hasSuffix(file) }.map(\.message.code).sorted()
    }

    func testTheValidEntriesAreClean() throws {
        XCTAssertEqual(try codes(business: Self.business, product: Self.product, entry: "business"), [])
        XCTAssertEqual(try codes(business: Self.business, product: Self.product, entry: "product"), [])
    }

    func testEveryFieldCaseGetsTheValidatorsCodes() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.fields.count, 50)
        for c in Self.cases.fields {
            var values = c.entry == "business" ? Self.business : Self.product
            values[c.key] = c.value
            for (k, v) in c.with ?? [:] { values[k] = v }
            let got = c.entry == "business"
                ? try codes(business: values, product: Self.product, entry: "business")
                : try codes(business: Self.business, product: values, entry: "product")
            XCTAssertEqual(got, c.codes.sorted(), "\(c.entry) \(c.key) = \(c.value) with \(c.with ?? [:])")
        }
    }

    func testShopPricesConvertAsTheValidatorSuggests() {
        for c in Self.cases.prices {
            XCTAssertEqual(PriceSuggestion.suggest(for: c.input).flatMap { Int($0) }, c.value, c.input)
        }
    }

    func testSlugsAreTheValidatorsSlugs() {
        for c in Self.cases.slugs {
            XCTAssertEqual(Slug.make(from: c.input), c.slug, c.input)
            XCTAssertEqual(Slug.isValid(c.slug), !c.slug.isEmpty)
        }
    }
}
