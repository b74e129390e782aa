@testable import Site
import XCTest

/// `SearchText.lead` reads bytes; it must cut where walking the text by characters cut.
final class SearchTextTests: XCTestCase {
    private func byCharacters(_ text: String) -> String {
        var spaces = 0
        for i in text.indices where text[i] == " " {
            spaces += 1
            if spaces == SearchText.words { return String(text[..<i]) }
        }
        return text
    }

    func testCutsWhereTheCharacterWalkCuts() {
        // Spaces that are not characters of their own: before a combining acute accent, after
        // an Arabic number sign (a prepended mark), inside CR LF and emoji sequences nearby.
        let pieces = ["kẹo", "dừa", " ", " ", " ", " \u{301}", "\u{600} ", "\r\n", " \r", "👨‍👩‍👧", "a\u{200D} ", "Bến Tre", "x"]
        var state: UInt64 = 7
        var cut = 0
        for n in 0..<400 {
            var text = ""
            // 100 to 600 pieces: about 40 to 230 spaces, around the 120 where the cut falls.
            for _ in 0..<(100 + n % 500) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let expected = byCharacters(text)
            XCTAssertEqual(SearchText.lead(text), expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if expected != text { cut += 1 }
        }
        XCTAssertGreaterThan(cut, 200, "most texts are long enough to be cut")
    }

    func testKeepsTheFirstWordsOnly() {
        let text = (1...(SearchText.words + 10)).map { "từ\($0)" }.joined(separator: " ")
        let lead = SearchText.lead(text)
        XCTAssertEqual(lead.split(separator: " ").count, SearchText.words)
        XCTAssertTrue(text.hasPrefix(lead + " "))
        XCTAssertEqual(SearchText.lead("ít chữ"), "ít chữ")
    }
}
