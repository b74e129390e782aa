import XCTest
@testable import Markdown

final class PlainTextTests: XCTestCase {
    func testMarkupIsRemovedAndWhitespaceCollapsed() {
        let md = """
        ## Bánh phồng   tôm

        Làm **thủ công**, _giòn_ ~~tan~~.
        Xem [trang](https://a.vn) và ![ảnh](https://a.vn/i.png)
        <b>raw</b> <script>alert(1)</script>

        | a | b |
        |---|---|
        | 1 | 2 |

        - [x] OCOP 4 sao
        """
        XCTAssertEqual(MarkdownRenderer.plainText(md),
                       "Bánh phồng tôm Làm thủ công, giòn tan. Xem trang và ảnh raw a b 1 2 OCOP 4 sao")
    }

    func testTextIsNotEscapedAndNoBreakSpaceIsKept() {
        XCTAssertEqual(MarkdownRenderer.plainText("a &amp; b < c"), "a & b < c")
        XCTAssertEqual(MarkdownRenderer.plainText("85.000\u{A0}₫"), "85.000\u{A0}₫")
        XCTAssertEqual(MarkdownRenderer.plainText("```\ncode  block\n```\nsau"), "code block sau")
    }

    func testSummaryCutsAtWordBoundary() {
        let md = "Bánh phồng tôm Sa Đéc, làm thủ công, giòn tan."
        XCTAssertEqual(MarkdownRenderer.summary(md, maxCharacters: 100), "Bánh phồng tôm Sa Đéc, làm thủ công, giòn tan.")
        XCTAssertEqual(MarkdownRenderer.summary(md, maxCharacters: 20), "Bánh phồng tôm Sa…")
        XCTAssertEqual(MarkdownRenderer.summary(md, maxCharacters: 23), "Bánh phồng tôm Sa Đéc…", "trailing comma dropped")
        for n in 1...60 {
            XCTAssertLessThanOrEqual(MarkdownRenderer.summary(md, maxCharacters: n).count, n, "n = \(n)")
        }
    }

    func testSummaryEdgeCases() {
        XCTAssertEqual(MarkdownRenderer.summary("abc", maxCharacters: 0), "")
        XCTAssertEqual(MarkdownRenderer.summary("abc", maxCharacters: -5), "")
        XCTAssertEqual(MarkdownRenderer.summary("abcdef", maxCharacters: 1), "…")
        XCTAssertEqual(MarkdownRenderer.summary("abcdefghij", maxCharacters: 5), "abcd…", "one long word is cut hard")
        XCTAssertEqual(MarkdownRenderer.summary("", maxCharacters: 5), "")
        XCTAssertEqual(MarkdownRenderer.summary("abcde", maxCharacters: 5), "abcde", "exactly the limit: unchanged")
        XCTAssertEqual(MarkdownRenderer.summary("abcd", maxCharacters: 5), "abcd")
        XCTAssertEqual(MarkdownRenderer.summary("abcdef", maxCharacters: 5), "abcd…", "one over the limit: cut")
        // Grapheme clusters are not split: NFD "ệ" is one character.
        let nfd = String(repeating: "e\u{323}\u{302}", count: 10)
        XCTAssertEqual(MarkdownRenderer.summary(nfd, maxCharacters: 4), String(repeating: "e\u{323}\u{302}", count: 3) + "…")
        XCTAssertEqual(MarkdownRenderer.summary(nfd, maxCharacters: 10), nfd, "ten characters of thirty scalars fit in ten")
    }
}

final class RenderTests: XCTestCase {
    func testRenderEqualsSeparateCalls() {
        let bodies = [
            "## Tiêu đề\n\nXem www.a.vn <script>x</script> [j](javascript:1) ![i](data:x)\n\n| a | b |\n|---|---|\n| 1 | 2 |",
            "", "plain", "|" + String(repeating: "a|", count: 5_000) + "\n|" + String(repeating: "-|", count: 5_000) + "\n" + String(repeating: "b\n", count: 100),
        ]
        for body in bodies {
            let rendered = MarkdownRenderer.render(body)
            XCTAssertEqual(rendered.html, MarkdownRenderer.html(body))
            XCTAssertEqual(rendered.text, MarkdownRenderer.plainText(body))
            XCTAssertEqual(MarkdownRenderer.summary(ofText: rendered.text, maxCharacters: 12),
                           MarkdownRenderer.summary(body, maxCharacters: 12))
        }
    }
}

/// The summary cut by scalars (`PlainText.truncateByScalars`) is the cut by characters, on
/// text where it applies, and it applies to Vietnamese text.
final class TruncateByScalarsTests: XCTestCase {
    func testTheCutByScalarsIsTheCutByCharacters() {
        let alphabet = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐÂ AZ09,.;:!?-–—()\"'“”‘’\n\t…₫%")
            .map(String.init).filter { $0.unicodeScalars.count == 1 }
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var taken = 0
        for _ in 0..<4_000 {
            let length = next(60)
            let text = (0..<length).map { _ in alphabet[next(alphabet.count)] }.joined()
            let limit = 1 + next(40)
            let characters = PlainText.truncateByCharacters(text, maxCharacters: limit)
            if let scalars = PlainText.truncateByScalars(text, maxCharacters: limit) {
                taken += 1
                XCTAssertEqual(scalars, characters, "\(text.debugDescription) at \(limit)")
            }
        }
        XCTAssertEqual(taken, 4_000)
    }

    func testTextThatJoinsScalarsIsLeftToTheCharacterCut() {
        // A combining mark, CR LF, an emoji with a modifier: characters of several scalars.
        for text in ["Ca\u{300}m xoài ngon lắm", "dòng\r\ndòng\r\ndòng", "👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽"] {
            XCTAssertNil(PlainText.truncateByScalars(text, maxCharacters: 3))
            XCTAssertEqual(PlainText.truncate(text, maxCharacters: 3), PlainText.truncateByCharacters(text, maxCharacters: 3))
        }
    }
}

final class CollapserTests: XCTestCase {
    /// The collapser gathers the text and collapses it in place; compared here with the plain reading of its
    /// rule (ASCII whitespace runs, and the block ends it is told of, become one space; none at
    /// either end) on pieces rich in every kind of space.
    func testCollapsingFollowsTheRule() {
        let alphabet = [" ", "\t", "\n", "\u{B}", "\u{C}", "\r", "a", "bc", "ệ", "\u{A0}", "₫", "\u{85}"]
        var state: UInt64 = 5
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for _ in 0..<3000 {
            var collapser = PlainText.Collapser()
            var joined = ""
            for _ in 0..<next(5) {
                if next(3) == 0 {
                    collapser.space()
                    joined += " "
                }
                let piece = (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined()
                piece.withCString { collapser.append($0) }
                joined += piece
            }
            let words = joined.unicodeScalars.split { [" ", "\t", "\n", "\u{B}", "\u{C}", "\r"].contains($0) }
            let expected = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
            XCTAssertEqual(String(decoding: collapser.finish(), as: UTF8.self), expected, joined.debugDescription)
        }
    }
}
