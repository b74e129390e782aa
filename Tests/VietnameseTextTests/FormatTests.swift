import XCTest
import VietnameseText

final class VNDTests: XCTestCase {
    func testFormat() {
        XCTAssertEqual(VND.format(85_000), "85.000\u{00A0}₫")
        XCTAssertEqual(VND.format(1_250_000), "1.250.000\u{00A0}₫")
        XCTAssertEqual(VND.format(0), "0\u{00A0}₫")
        XCTAssertEqual(Array(VND.format(85_000).unicodeScalars.suffix(2)), ["\u{A0}", "\u{20AB}"])
    }

    func testGrouped() {
        XCTAssertEqual(VND.grouped(1_250_000), "1.250.000")
        XCTAssertEqual(VND.grouped(999), "999")
        XCTAssertEqual(VND.grouped(1_000), "1.000")
        XCTAssertEqual(VND.grouped(100_000), "100.000")
        XCTAssertEqual(VND.grouped(-85_000), "-85.000")
        XCTAssertEqual(VND.grouped(Int.max), "9.223.372.036.854.775.807")
        XCTAssertEqual(VND.grouped(Int.min), "-9.223.372.036.854.775.808")
    }

    func testMatchesFoundationCurrencyFormat() {
        let f = NumberFormatter()
        f.locale = Locale(identifier: "vi_VN")
        f.numberStyle = .currency
        for amount in [0, 5, 85_000, 1_250_000, 12_345_678_901] {
            XCTAssertEqual(VND.format(amount), f.string(from: NSNumber(value: amount)))
        }
    }
}

final class VietnameseDateTests: XCTestCase {
    func testCompact() {
        XCTAssertEqual(VietnameseDate.compact(year: 2025, month: 7, day: 1), "01/07/2025")
        XCTAssertEqual(VietnameseDate.compact(year: 2024, month: 12, day: 31), "31/12/2024")
        XCTAssertEqual(VietnameseDate.compact(year: 999, month: 1, day: 9), "09/01/0999")
    }

    func testLongFollowsDecree30Padding() {
        XCTAssertEqual(VietnameseDate.long(year: 2025, month: 7, day: 1), "ngày 01 tháng 7 năm 2025")
        XCTAssertEqual(VietnameseDate.long(year: 2024, month: 2, day: 5), "ngày 05 tháng 02 năm 2024")
        XCTAssertEqual(VietnameseDate.long(year: 2024, month: 1, day: 15), "ngày 15 tháng 01 năm 2024")
        XCTAssertEqual(VietnameseDate.long(year: 2023, month: 3, day: 10), "ngày 10 tháng 3 năm 2023")
        XCTAssertEqual(VietnameseDate.long(year: 2023, month: 11, day: 9), "ngày 09 tháng 11 năm 2023")
    }

    func testIsValid() {
        XCTAssertTrue(VietnameseDate.isValid(year: 2024, month: 2, day: 29))
        XCTAssertFalse(VietnameseDate.isValid(year: 2025, month: 2, day: 29))
        XCTAssertFalse(VietnameseDate.isValid(year: 1900, month: 2, day: 29))
        XCTAssertTrue(VietnameseDate.isValid(year: 2000, month: 2, day: 29))
        XCTAssertFalse(VietnameseDate.isValid(year: 2025, month: 13, day: 1))
        XCTAssertFalse(VietnameseDate.isValid(year: 2025, month: 4, day: 31))
        XCTAssertFalse(VietnameseDate.isValid(year: 2025, month: 0, day: 1))
        XCTAssertFalse(VietnameseDate.isValid(year: 2025, month: 1, day: 0))
        XCTAssertFalse(VietnameseDate.isValid(year: Int.min, month: Int.max, day: Int.min))
    }
}
