import Foundation
import XCTest
@testable import VietnameseText

final class FoldingTests: XCTestCase {
    struct Case: Decodable {
        let input: String
        let folded: String
    }

    /// The contract shared with the site's JavaScript search.
    static let fixtureURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SharedFixtures/folding-cases.json")

    func testSharedFixtureCases() throws {
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: Self.fixtureURL))
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        // The fixture must really contain NFD input, or it tests nothing about normalisation.
        XCTAssertTrue(cases.contains { !UnicodeText.isNFC($0.input) })
        for c in cases {
            XCTAssertEqual(Folding.fold(c.input), c.folded, "input: \(c.input.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(Folding.words(c.input), c.folded.split(separator: " ").map(String.init))
        }
    }

    func testWordsAndSpacing() {
        XCTAssertEqual(Folding.words("Bánh phồng (Sơn Đốc)"), ["banh", "phong", "son", "doc"])
        XCTAssertEqual(Folding.fold("ĐƯỜNG  Vĩnh-Kim!"), "duong vinh kim")
        XCTAssertEqual(Folding.words(""), [])
        XCTAssertEqual(Folding.words(" \n\t "), [])
    }

    /// Every table entry must be what ICU says (apart from the documented overrides), so the
    /// table and the ICU fallback can never disagree.
    func testTableAgreesWithICU() {
        let table = FoldingTable.shared
        let overrides: Set<UInt32> = [0xAD, 0xAA, 0xBA, 0xB2, 0xB3, 0xB9]
        for range in [FoldingTable.latinRange, FoldingTable.additionalRange] {
            for v in range where !overrides.contains(v) {
                let s = String(Unicode.Scalar(v)!)
                let icu = s.applyingTransform(Transliterator.icuTransform, reverse: false)!
                // Compare after the same word splitting the engine applies.
                var writer = WordWriter(separator: 0x20, asciiOnly: false, capacity: 8)
                var icuCopy = icu
                _ = icuCopy.withUTF8 { writer.scan($0, allowFallback: false) }
                let expected = String(decoding: writer.out, as: UTF8.self)
                XCTAssertEqual(Folding.fold(s), expected, "U+\(String(v, radix: 16)) \(s)")
                XCTAssertNotNil(table.entry(v))
            }
        }
        XCTAssertEqual(Folding.fold("a\u{AD}b"), "ab")
        XCTAssertEqual(Folding.fold("500 m²"), "500 m2")
    }

    /// The table path never normalises, so decomposed input must fold like composed input.
    func testDecomposedInputFoldsLikeComposed() {
        for range in [FoldingTable.latinRange, FoldingTable.additionalRange] {
            for v in range {
                let s = String(Unicode.Scalar(v)!)
                XCTAssertEqual(Folding.fold(s.decomposedStringWithCanonicalMapping), Folding.fold(s), "U+\(String(v, radix: 16))")
            }
        }
    }

    func testAgreesWithICURecipeOnSentences() {
        let sentences = [
            "Bánh phồng tôm Đặc biệt", "Kẹo dừa Bến Tre loại ngon nhất", "Rượu đế Gò Đen 40 độ",
            "Nhãn xuồng cơm vàng, Châu Thành", "Chuối ép sấy khô; hũ 250g", "Ổi lê ruột đỏ",
            "Khô cá lóc 1 nắng (đặc sản Đồng Tháp)", "Ưu đãi: mua 2 tặng 1", "Ỷ Lan", "ỨNG DỤNG",
        ]
        for s in sentences {
            let icu = s.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false)!
            let expected = icu.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).joined(separator: " ")
            XCTAssertEqual(Folding.fold(s), expected)
        }
    }

    func testOtherScriptsGoThroughICU() {
        XCTAssertEqual(Folding.fold("Москва"), "moskva")
        XCTAssertEqual(Folding.fold("Ελληνικά"), "ellenika")
        XCTAssertEqual(Folding.fold("Chợ Москва"), "cho moskva")
        XCTAssertEqual(Slug.make(from: "北京 Bắc Kinh"), "bei-jing-bac-kinh")
    }

    func testInvisibleAndSymbolCharacters() {
        XCTAssertEqual(Folding.fold("Ca\u{200D}m"), "cam", "joiners are invisible")
        XCTAssertEqual(Folding.fold("\u{FEFF}Cam"), "cam", "a BOM at the start of a file")
        XCTAssertEqual(Folding.fold("cam\u{200B}sành"), "cam sanh", "zero-width space breaks words")
        XCTAssertEqual(Folding.fold("🍊🍊🍊"), "")
        XCTAssertEqual(Folding.fold("a\u{0}b"), "a b")
        XCTAssertEqual(Folding.fold("\u{301}\u{323}"), "", "marks without a base vanish")
        XCTAssertEqual(Folding.fold("æble ß øre ł"), "aeble ss ore l")
    }

    func testHostileLongInput() {
        let chunk = "Bánh phồng tôm Sa Đéc – 85.000₫ 🍊 "
        let big = String(repeating: chunk, count: 20_000)  // ~900 KB
        let folded = Folding.fold(big)
        XCTAssertEqual(folded.split(separator: " ").count, 20_000 * 7)
        XCTAssertTrue(folded.hasPrefix("banh phong tom sa dec 85 000 banh"))
        XCTAssertEqual(Folding.fold(String(repeating: "\u{301}", count: 100_000)), "")
    }

    func testConcurrentFoldingIsDeterministic() {
        let inputs = (0..<400).map { "Đồng Tháp \($0) Москва ĐƯỜNG \(String(repeating: "ệ", count: $0 % 7))" }
        let serial = inputs.map(Folding.fold)
        var parallel = [String](repeating: "", count: inputs.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            let f = Folding.fold(inputs[i])
            lock.lock(); parallel[i] = f; lock.unlock()
        }
        XCTAssertEqual(parallel, serial)
    }
}
