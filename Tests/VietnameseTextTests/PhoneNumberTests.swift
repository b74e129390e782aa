import XCTest
import VietnameseText

final class PhoneNumberTests: XCTestCase {
    func testMobileSpellings() throws {
        for raw in ["0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "(091) 234 5678",
                    "+84912345678", "+84 912 345 678", "84912345678", "  +84-912.345.678  ", "0912\u{00A0}345\u{00A0}678"] {
            let p = try XCTUnwrap(PhoneNumber.parse(raw), raw)
            XCTAssertEqual(p.kind, .mobile)
            XCTAssertEqual(p.national, "0912345678")
            XCTAssertEqual(p.e164, "+84912345678")
            XCTAssertEqual(p.display, "0912 345 678")
            XCTAssertEqual(PhoneNumber.zaloLink(p), "https://zalo.me/0912345678")
        }
    }

    func testMobilePrefixes() {
        for second in ["3", "5", "7", "8", "9"] { XCTAssertEqual(PhoneNumber.parse("0\(second)12345678")?.kind, .mobile) }
        for second in ["0", "1", "4", "6"] { XCTAssertNil(PhoneNumber.parse("0\(second)12345678")) }
        XCTAssertEqual(PhoneNumber.parse("0871234567")?.kind, .mobile, "iTel 087")
    }

    func testLandlines() throws {
        let tg = try XCTUnwrap(PhoneNumber.parse("(0273) 3 812 345"))
        XCTAssertEqual(tg.kind, .landline)
        XCTAssertEqual(tg.national, "02733812345")
        XCTAssertEqual(tg.e164, "+842733812345")
        XCTAssertEqual(tg.display, "0273 3 812 345")
        XCTAssertEqual(PhoneNumber.parse("+84 277 3 851 234")?.national, "02773851234")
        let hcm = try XCTUnwrap(PhoneNumber.parse("028 3822 1234"))
        XCTAssertEqual(hcm.display, "028 3822 1234")
        XCTAssertEqual(PhoneNumber.parse("842733812345")?.kind, .landline)
    }

    func testRejections() {
        let bad = [
            "", "0", "091234567", "09123456789", "0273381234", "027338123456", "1912345678",
            "+84 0912 345 678", "+1 912 345 678", "0912345678 ext 2", "0912345678 / 0987654321",
            "09l2345678", "+", "++84912345678", "0912+345678", "0912_345_678", "0912345678;",
            "٠٩١٢٣٤٥٦٧٨", "０９１２３４５６７８", String(repeating: "0", count: 100_000), "84", "8491234567",
        ]
        for raw in bad { XCTAssertNil(PhoneNumber.parse(raw), raw.count > 40 ? "long input" : raw) }
    }
}
