import XCTest
import Markdown

final class SanitizingTests: XCTestCase {
    func assertSafe(_ markdown: String, mustNotContain needles: [String] = [], file: StaticString = #filePath, line: UInt = #line) {
        let html = MarkdownRenderer.html(markdown)
        XCTAssertEqual(HTMLPolicy.violations(html), [], "\(markdown) → \(html)", file: file, line: line)
        for needle in needles {
            XCTAssertFalse(html.lowercased().contains(needle.lowercased()), "\(needle) in \(html)", file: file, line: line)
        }
    }

    func testRawHTMLIsRemovedWithoutComments() {
        assertSafe("<script>alert(1)</script>", mustNotContain: ["script", "alert", "raw HTML omitted"])
        assertSafe("Xem <img src=x onerror=alert(1)> nhé", mustNotContain: ["onerror", "<img", "raw HTML omitted"])
        assertSafe("<iframe src=\"https://evil\"></iframe>\n\ntext", mustNotContain: ["iframe"])
        assertSafe("<a href=\"javascript:alert(1)\">x</a>", mustNotContain: ["javascript"])
        assertSafe("<style>*{display:none}</style>", mustNotContain: ["style", "display"])
        assertSafe("a <b onclick=\"x()\">đậm</b> c", mustNotContain: ["onclick"])
        assertSafe("<!-- bình luận -->\n\ntext", mustNotContain: ["bình luận"])
        XCTAssertEqual(MarkdownRenderer.html("a <b>đậm</b> c"), "<p>a đậm c</p>\n")
        // Inline script/style content is hidden text, not prose: it goes with its tags.
        XCTAssertEqual(MarkdownRenderer.html("a <script>alert(1)</script> b"), "<p>a  b</p>\n")
        XCTAssertEqual(MarkdownRenderer.html("a <SCRIPT type=x>*x* [l](javascript:1) <i>q</i></SCRIPT> b"), "<p>a  b</p>\n")
        XCTAssertEqual(MarkdownRenderer.html("a <style>p{}</style> b <scripts>c</scripts>"), "<p>a  b c</p>\n")
        XCTAssertEqual(MarkdownRenderer.html("a <script>never closed *x*\nnext"), "<p>a </p>\n")
    }

    func testUnsafeLinksKeepTheirTextOnly() {
        let cases = [
            "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,<script>alert(1)</script>)",
            "[x](vbscript:msgbox(1))", "[x](/relative)", "[x](#fragment)", "[x](relative/path)", "[x](//evil.example)",
            "[x](&#106;avascript:alert(1))", "[x](java&#x73;cript:alert(1))", "[x](<java script:alert(1)>)",
            "[x](file:///etc/passwd)", "[x]()", "[x][r]\n\n[r]: javascript:alert(1)", "[x](%6Aavascript:alert(1))",
        ]
        for md in cases {
            XCTAssertEqual(MarkdownRenderer.html(md), "<p>x</p>\n", md)
            assertSafe(md, mustNotContain: ["href", "javascript", "vbscript", "data:"])
        }
        assertSafe("<javascript:alert(1)>", mustNotContain: ["href"])
    }

    func testUnsafeImagesBecomeTheirAltText() {
        for md in ["![ảnh](javascript:alert(1))", "![ảnh](data:image/png;base64,AAAA)", "![ảnh](/local.png)",
                   "![ảnh](mailto:a@b.vn)", "![ảnh](vbscript:x)"] {
            XCTAssertEqual(MarkdownRenderer.html(md), "<p>ảnh</p>\n", md)
        }
        XCTAssertEqual(MarkdownRenderer.html("![ảnh *đẹp*](data:x)"), "<p>ảnh <em>đẹp</em></p>\n")
        // Nested: an image inside a bad link loses both, keeps the text.
        XCTAssertEqual(MarkdownRenderer.html("[![i](https://a.vn/i.png)](javascript:x)"), "<p>i</p>\n")
        // An image inside a good link leaves the link with the alt text.
        XCTAssertEqual(MarkdownRenderer.html("[![i](data:x)](https://a.vn)"),
                       "<p><a rel=\"nofollow noopener ugc\" href=\"https://a.vn\">i</a></p>\n")
    }

    func testAllowedSchemesAreCaseInsensitive() {
        XCTAssertEqual(MarkdownRenderer.html("[x](HTTPS://A.VN)"), "<p><a rel=\"nofollow noopener ugc\" href=\"HTTPS://A.VN\">x</a></p>\n")
        XCTAssertEqual(MarkdownRenderer.html("[x](MAILTO:a@b.vn)"), "<p><a href=\"MAILTO:a@b.vn\">x</a></p>\n")
    }

    /// Before: only `<a href="http` (lowercase) got rel, so `HTTPS://` and `Http://` links passed ranking on.
    func testEveryExternalLinkGetsRelWhateverTheCaseOfItsScheme() {
        let rel = "rel=\"nofollow noopener ugc\""
        for md in ["[x](HTTPS://a.vn)", "[x](Http://a.vn)", "[x](hTtPs://a.vn/p?q=1)", "<HTTP://a.vn>", "<Https://a.vn/x>",
                   "[x][r]\n\n[r]: HTTP://a.vn", "[x]( \tHTTPS://a.vn)", "Xem www.a.vn", "https://a.vn"] {
            let html = MarkdownRenderer.html(md)
            XCTAssertEqual(html.components(separatedBy: "<a ").count - 1, 1, "\(md) → \(html)")
            XCTAssertEqual(html.components(separatedBy: rel).count - 1, 1, "\(md) → \(html)")
        }
        for md in ["[x](Tel:+84912345678)", "[x](MailTo:a@b.vn)", "a@b.vn"] {
            let html = MarkdownRenderer.html(md)
            XCTAssertTrue(html.contains("<a href="), "\(md) → \(html)")
            XCTAssertFalse(html.contains("rel="), "\(md) → \(html)")
        }
        // Protocol-relative links point wherever the page is served from: not links at all.
        for md in ["[x](//evil.example)", "[x](//evil.example/p \"t\")", "[x][r]\n\n[r]: //evil.example", "[x](\\\\evil.example)"] {
            XCTAssertEqual(MarkdownRenderer.html(md), "<p>x</p>\n", md)
        }
    }

    /// Before: `![](https://…)` was rendered, a picture from another site (tracking, mixed content).
    func testNoImageIsRenderedOnlyItsAltText() {
        for md in ["![Bánh phồng](https://cdn.example/b.jpg)", "![Bánh phồng](HTTP://cdn.example/b.jpg)",
                   "![Bánh phồng](//cdn.example/b.jpg)", "![Bánh phồng](b.jpg)", "![Bánh phồng][r]\n\n[r]: https://cdn.example/b.jpg",
                   "![Bánh phồng](<https://cdn.example/b c.jpg> \"tiêu đề\")"] {
            XCTAssertEqual(MarkdownRenderer.html(md), "<p>Bánh phồng</p>\n", md)
        }
        let linked = MarkdownRenderer.html("[![ảnh](https://t.example/p.gif)](https://a.vn)")
        XCTAssertEqual(linked, "<p><a rel=\"nofollow noopener ugc\" href=\"https://a.vn\">ảnh</a></p>\n")
    }

    func testImagesAreFoundWithTheirPlace() {
        let body = """
        Bánh ngon.

        Xem ![ảnh](https://cdn.example/a.jpg) và ![ảnh 2](//cdn.example/b.png)
        > - ô ![c][r]
        `![không](http://code)` \\![không](http://escaped) ![](anh.jpg)

        [r]: HTTP://cdn.example/c.jpg
        """
        XCTAssertEqual(MarkdownRenderer.images(body), [
            BodyImage(url: "https://cdn.example/a.jpg", line: 3, column: 5),
            BodyImage(url: "//cdn.example/b.png", line: 3, column: 42),
            BodyImage(url: "HTTP://cdn.example/c.jpg", line: 4, column: 7),
            BodyImage(url: "anh.jpg", line: 5, column: 51),
        ])
        XCTAssertEqual(MarkdownRenderer.images(body).map(\.isRemote), [true, true, true, false])
        XCTAssertEqual(MarkdownRenderer.images("Không có ảnh, chỉ [liên kết](https://a.vn) và ! [x]"), [])
        XCTAssertEqual(MarkdownRenderer.images(""), [])
    }

    func testAttributeBreakoutIsEscaped() {
        assertSafe("[x](https://a.vn/\"onmouseover=\"alert(1)) ![y\"onerror=\"z](https://a.vn/i.png \"t\\\"onload=\\\"x\")")
    }

    func testTextThatLooksLikeALinkTagIsNotGivenRel() {
        XCTAssertEqual(MarkdownRenderer.html("`<a href=\"http://x\">`"), "<p><code>&lt;a href=&quot;http://x&quot;&gt;</code></p>\n")
    }

    func testRandomHostileMixturesStayInPolicy() {
        let pieces = ["<script>", "</script>", "[", "]", "(", ")", "javascript:", "data:", "!", "<img src=x onerror=y>",
                      "`", "*", "_", "~~", "|", "-", "\n", "https://", "www.", "@", "&#", "x;", "\"", "'", "<", ">",
                      "# ", "> ", "- [ ] ", "\\", "Đồng Tháp", "\u{0}", "<!--", "-->", "<a href=", "vbscript:"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<1_500 {
            let md = (0..<Int.random(in: 1...25, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let html = MarkdownRenderer.html(md)
            XCTAssertEqual(HTMLPolicy.violations(html), [], "\(md.debugDescription) → \(html)")
        }
    }
}
