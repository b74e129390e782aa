import XCTest
import Markdown

final class RenderingTests: XCTestCase {
    func testTable() {
        let html = MarkdownRenderer.html("| Quy cách | Giá |\n|---|---:|\n| Hũ 500 g | 85.000 ₫ |\n")
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<th>Quy cách</th>"), html)
        XCTAssertTrue(html.contains("<th align=\"right\">Giá</th>"), html)
        XCTAssertTrue(html.contains("<td>Hũ 500 g</td>"), html)
    }

    func testTaskList() {
        let html = MarkdownRenderer.html("- [ ] chưa làm\n- [x] đã xong\n")
        XCTAssertTrue(html.contains("<li><input type=\"checkbox\" disabled=\"\" /> chưa làm</li>"), html)
        XCTAssertTrue(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> đã xong</li>"), html)
    }

    func testStrikethrough() {
        XCTAssertEqual(MarkdownRenderer.html("Giá ~~95.000~~ 85.000"), "<p>Giá <del>95.000</del> 85.000</p>\n")
    }

    func testAutolinksGetRelButMailAndTelDoNot() {
        let html = MarkdownRenderer.html("Xem www.haihuong.vn, https://a.vn/x?y=1 hoặc lienhe@haihuong.vn")
        XCTAssertTrue(html.contains("<a rel=\"nofollow noopener ugc\" href=\"http://www.haihuong.vn\">www.haihuong.vn</a>"), html)
        XCTAssertTrue(html.contains("<a rel=\"nofollow noopener ugc\" href=\"https://a.vn/x?y=1\">https://a.vn/x?y=1</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"mailto:lienhe@haihuong.vn\">lienhe@haihuong.vn</a>"), html)
        let tel = MarkdownRenderer.html("[Gọi ngay](tel:+84912345678)")
        XCTAssertEqual(tel, "<p><a href=\"tel:+84912345678\">Gọi ngay</a></p>\n")
    }

    func testHeadingsAreDemoted() {
        let html = MarkdownRenderer.html("# Một\n\n## Hai\n\n### Ba\n\n###### Sáu\n\nSetext\n======\n\n> # Trích\n")
        XCTAssertFalse(html.contains("<h1"), html)
        for expected in ["<h2>Một</h2>", "<h3>Hai</h3>", "<h4>Ba</h4>", "<h6>Sáu</h6>", "<h2>Setext</h2>", "<h2>Trích</h2>"] {
            XCTAssertTrue(html.contains(expected), "\(expected) in \(html)")
        }
    }

    func testTextIsEscaped() {
        XCTAssertEqual(MarkdownRenderer.html("a < b & \"c\" > d"), "<p>a &lt; b &amp; &quot;c&quot; &gt; d</p>\n")
        XCTAssertEqual(MarkdownRenderer.html("`<b>` & code"), "<p><code>&lt;b&gt;</code> &amp; code</p>\n")
    }

    func testEmptyAndWhitespaceInput() {
        XCTAssertEqual(MarkdownRenderer.html(""), "")
        XCTAssertEqual(MarkdownRenderer.html(" \n\n\t"), "")
        XCTAssertEqual(MarkdownRenderer.plainText(""), "")
    }

    func testVietnameseTextSurvivesUnchanged() {
        let text = "Bánh phồng tôm Sa Đéc – “giòn tan”…"
        XCTAssertEqual(MarkdownRenderer.html(text), "<p>\(text)</p>\n")
    }

    func testHugeTablesAreDefused() {
        // 26 KB that a GFM table would pad to 10 million cells (100 MB of HTML).
        let bomb = "|" + String(repeating: "a|", count: 5_000) + "\n|" + String(repeating: "-|", count: 5_000) + "\n"
            + String(repeating: "|b\n", count: 2_000)
        let start = Date()
        let html = MarkdownRenderer.html(bomb)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertLessThan(html.utf8.count, 100_000)
        XCTAssertFalse(html.contains("<table>"))
        XCTAssertLessThan(MarkdownRenderer.plainText(bomb).utf8.count, 100_000)
    }

    func testOrdinaryLargeTablesStillRender() {
        let table = (0..<20).map { "c\($0)" }.joined(separator: "|") + "\n" + String(repeating: "-|", count: 20) + "\n"
            + String(repeating: "1|2|3\n", count: 1_000)
        let html = MarkdownRenderer.html(table)
        XCTAssertTrue(html.hasPrefix("<table>"))
        XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, 1_001)
    }
}
