@testable import Catalog
import XCTest

final class FrontMatterTests: XCTestCase {
    private struct Parts {
        var yaml: String
        var body: String
        var bodyLine: Int
    }

    private func split(_ text: String) throws -> Parts {
        var text = text
        return try text.withUTF8 { bytes in
            let parts = try FrontMatter.split(bytes)
            return Parts(yaml: String(decoding: bytes[parts.yaml], as: UTF8.self), body: String(decoding: bytes[parts.body], as: UTF8.self),
                         bodyLine: parts.bodyLine)
        }
    }

    func testSplitsYAMLAndBody() throws {
        let parts = try split("---\nname: A\nprice: 1\n---\nBody\nmore\n")
        XCTAssertEqual(parts.yaml, "name: A\nprice: 1\n")
        XCTAssertEqual(parts.body, "Body\nmore\n")
        XCTAssertEqual(parts.bodyLine, 5)
    }

    func testAcceptsCRLFTrailingSpacesAndDotsFence() throws {
        let parts = try split("--- \r\nname: A\r\n...\r\nBody")
        XCTAssertEqual(parts.yaml, "name: A\r\n")
        XCTAssertEqual(parts.body, "Body")
    }

    func testEmptyBodyAndEmptyFrontMatter() throws {
        XCTAssertEqual(try split("---\n---\n").yaml, "")
        XCTAssertEqual(try split("---\nname: A\n---").body, "")
    }

    func testRejectsMissingAndUnterminated() {
        XCTAssertThrowsError(try split("name: A\n---\n"))
        XCTAssertThrowsError(try split("----\nname: A\n---\n"))
        XCTAssertThrowsError(try split("...\nname: A\n---\n"), "dots only close")
        XCTAssertThrowsError(try split("---\nname: A\n-.-\n.. .\n"))
        XCTAssertThrowsError(try split("---\nname: A\n")) { error in
            XCTAssertEqual("\(error)", "unterminated")
        }
    }
}

final class CivilDateTests: XCTestCase {
    func testParsesOnlyRealISODates() {
        XCTAssertEqual(CivilDate(iso: "2024-02-29")?.description, "2024-02-29")
        XCTAssertNil(CivilDate(iso: "2026-02-29"))
        XCTAssertNil(CivilDate(iso: "2026-2-9"))
        XCTAssertNil(CivilDate(iso: "15/03/2026"))
        XCTAssertNil(CivilDate(iso: "2026-13-01"))
    }

    func testDayArithmeticRoundTrips() {
        let d = CivilDate(year: 2026, month: 11, day: 20)!
        XCTAssertEqual(d.daysSinceEpoch, 20_777)
        XCTAssertEqual(CivilDate(daysSinceEpoch: d.daysSinceEpoch), d)
        XCTAssertEqual(CivilDate(daysSinceEpoch: 0).description, "1970-01-01")
    }

    func testTodayFollowsSourceDateEpochInVietnamTime() {
        // 2026-11-19 17:30 UTC is already 2026-11-20 00:30 in Vietnam.
        XCTAssertEqual(CivilDate.today(environment: ["SOURCE_DATE_EPOCH": "1795109400"]).description, "2026-11-20")
    }
}

final class PriceSuggestionTests: XCTestCase {
    func testReadsShopStylePrices() {
        XCTAssertEqual(PriceSuggestion.suggest(for: "85.000"), "85000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "85,000 đ"), "85000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "1.250.000 VNĐ"), "1250000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "85k"), "85000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "1,5 triệu"), "1500000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "1tr2"), "1200000")
        XCTAssertNil(PriceSuggestion.suggest(for: "rẻ"))
        XCTAssertNil(PriceSuggestion.suggest(for: "8.5"))
    }
}
