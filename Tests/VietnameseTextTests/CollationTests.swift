import Foundation
import XCTest
import VietnameseText

final class CollationTests: XCTestCase {
    func sorted(_ words: [String]) -> [String] {
        words.sorted { VietnameseCollation.sortKey($0) < VietnameseCollation.sortKey($1) }
    }

    func testCLDRLetterAndToneOrder() {
        let expected = ["an", "ăn", "âm", "ba", "bà", "bả", "bã", "bá", "bạ", "da", "đa", "e", "ê", "o", "ô", "ơ", "u", "ư"]
        for _ in 0..<5 { XCTAssertEqual(sorted(expected.shuffled()), expected) }
        XCTAssertEqual(VietnameseCollation.compare("Đồng Tháp", "Dừa"), .orderedDescending)
        XCTAssertEqual(VietnameseCollation.compare("Dừa", "Đồng Tháp"), .orderedAscending)
        XCTAssertEqual(VietnameseCollation.compare("Đồng", "Đồng"), .orderedSame)
    }

    func testNumbersCompareByValue() {
        let expected = ["Tân Phước 1", "Tân Phước 2", "Tân Phước 3", "Tân Phước 10", "Tân Phước 100"]
        XCTAssertEqual(sorted(expected.reversed()), expected)
        XCTAssertEqual(sorted(["a10b", "a9b", "a0009c", "a0b"]), ["a0b", "a9b", "a0009c", "a10b"])
    }

    func testDecomposedSpellingHasTheSameKey() {
        for s in ["Đồng Tháp", "Nguyễn Thị Ậu", "ặ ự ờ", "Ngọc"] {
            XCTAssertEqual(VietnameseCollation.sortKey(s.decomposedStringWithCanonicalMapping), VietnameseCollation.sortKey(s))
        }
    }

    func testCaseIsTertiaryLowercaseFirst() {
        XCTAssertEqual(sorted(["Ba", "ba", "bà", "An", "an"]), ["an", "An", "ba", "Ba", "bà"])
    }

    func testOnlyIdenticalTextIsEqual() {
        XCTAssertEqual(VietnameseCollation.compare("07", "7"), .orderedAscending)
        XCTAssertNotEqual(VietnameseCollation.compare("Ða", "Đa"), .orderedSame)
        XCTAssertEqual(VietnameseCollation.compare("", ""), .orderedSame)
        XCTAssertEqual(VietnameseCollation.compare("", "a"), .orderedAscending)
    }

    func testEthSortsWithDStroke() {
        // U+00D0 looks like Đ and old keyboards type it; sort it among the đ words.
        XCTAssertEqual(sorted(["Ðồng", "Dừa", "Em"]), ["Dừa", "Ðồng", "Em"])
    }

    /// Agreement with Foundation's ICU collation for "vi" (with .numeric), which the domain
    /// notes verified to be correct, on every pair of a tricky list.
    func testAgreesWithFoundationVietnameseCollation() {
        let words = [
            "an", "ăn", "âm", "ấp", "ap", "ba", "bà", "bả", "bã", "bá", "bạ", "Bánh", "bánh phồng", "Bánh phồng tôm",
            "bánh tét", "banh", "da", "dz", "Dừa", "đa", "Đồng Tháp", "đường", "e", "ê", "o", "ô", "ơ", "u", "ư", "v",
            "Mỹ Tho", "Mỹ Thạnh", "My", "Chợ Gạo", "Cái Bè", "Cai Lậy", "Gò Công", "Gò Công Đông", "Gò Công Tây",
            "Tân Phước 1", "Tân Phước 2", "Tân Phước 10", "Tân Phú Đông", "Tân Phú", "Vĩnh Kim", "Vĩnh Bình",
            "Thanh Hoà", "Thanh Hòa", "Thanh Hưng", "thủy", "thuỷ", "Ấp 3", "Ấp 10", "ấp Bắc", "Hoà", "Hòa", "Hoa",
            "nghệ", "Nghệ", "nghe", "ngã", "ngà", "Ngọc", "ngọc", "Ốc", "Ổi", "Ơn", "Ưu", "Ửng", "Yến", "ý", "y",
            "kẹo dừa", "Kẹo dừa", "kẹo-dừa", "kẹo dứa", "500g", "50 g", "A", "a", "ă", "Ă", "â", "Â",
        ]
        let vi = Locale(identifier: "vi")
        var disagreements: [String] = []
        for a in words {
            for b in words where a != b {
                let foundation = a.compare(b, options: [.numeric], range: nil, locale: vi)
                let ours = VietnameseCollation.compare(a, b)
                if foundation != .orderedSame && foundation != ours {
                    disagreements.append("\(a) vs \(b): Foundation \(foundation.rawValue), ours \(ours.rawValue)")
                }
            }
        }
        XCTAssertEqual(disagreements, [])
    }

    func testHostileInputs() {
        let odd = ["\u{0}", "\u{301}", "🍊", "\u{10FFFF}", String(repeating: "9", count: 400), "a\u{301}\u{301}\u{301}", "\u{FEFF}", "x\u{302}"]
        let keys = odd.map(VietnameseCollation.sortKey)
        XCTAssertEqual(Set(keys).count, odd.count, "different strings must not collapse into one key")
        // A 400-digit number still sorts after a 3-digit one.
        XCTAssertEqual(VietnameseCollation.compare(String(repeating: "9", count: 400), "999"), .orderedDescending)
        // The sort is a total order: sorting is stable under shuffling.
        let all = odd + ["a", "b", "Ba", "ba"]
        XCTAssertEqual(sorted(all.shuffled()), sorted(all))
    }
}
