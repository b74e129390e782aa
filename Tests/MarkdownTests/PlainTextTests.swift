import XCTest
import Markdown

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
