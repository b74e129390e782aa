import Foundation
import XCTest

/// What `chonoi check` says about Markdown bodies, although it never renders them: a body
/// over the size limit, and pictures written into the text instead of the entry's folder.
final class MarkdownBodyCheckTests: XCTestCase {
    let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"

    func testABodyOverTheLimitIsAnErrorAtItsFirstLine() throws {
        let w = try Workspace()
        let paragraph = String(repeating: "Bánh phồng tôm Sa Đéc, làm thủ công, giòn tan. ", count: 30) + "\n\n"
        try w.edit(product, replacing: "Bánh giòn, thơm mùi tôm.", with: String(repeating: paragraph, count: 50))
        let r = try w.check()
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("content/\(product):15:1: error: phần mô tả quá dài ("), r.stdout)
        XCTAssertTrue(r.stdout.contains("giới hạn là 64 KB"), r.stdout)
        let e = try w.check(["--lang", "en", "--format", "json"])
        XCTAssertTrue(e.stdout.contains("\"code\": \"body-too-large\""), e.stdout)
        XCTAssertTrue(e.stdout.contains("the limit is 64 KB"), e.stdout)
        // Just under the limit passes.
        let w2 = try Workspace()
        try w2.edit(product, replacing: "Bánh giòn, thơm mùi tôm.", with: String(repeating: paragraph, count: 20))
        XCTAssertEqual(try w2.check().status, 0)
    }

    func testPicturesInTheTextAreWarningsNamingThemAndAreNotShown() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "Bánh giòn, thơm mùi tôm.", with: """
        Bánh giòn, thơm mùi tôm.

        Ảnh: ![Bánh phồng](HTTPS://cdn.example/banh.jpg) và ![gói](//cdn.example/goi.png)
        `![không phải ảnh](http://code.example/x.png)`
        """)
        let r = try w.check()
        XCTAssertEqual(r.status, 0, "warnings only: \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("content/\(product):17:6: warning: ảnh \"HTTPS://cdn.example/banh.jpg\" trong phần mô tả sẽ không được hiển thị; hãy chép tệp ảnh vào thư mục của mục này"), r.stdout)
        XCTAssertTrue(r.stdout.contains("content/\(product):17:53: warning: ảnh \"//cdn.example/goi.png\""), r.stdout)
        XCTAssertFalse(r.stdout.contains("code.example"), "code is not a picture")
        let e = try w.check(["--lang", "en", "--strict"])
        XCTAssertEqual(e.status, 1)
        XCTAssertTrue(e.stdout.contains("warning: the picture \"HTTPS://cdn.example/banh.jpg\" in the description is not shown; copy the photo into this entry's folder"), e.stdout)

        let b = try Chonoi.run(["build"], in: w.root)
        XCTAssertEqual(b.status, 0, b.stdout + b.stderr)
        let html = try String(contentsOf: w.root.appendingPathComponent("public/co-so/banh-phong-sa-giang/banh-phong-tom/index.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("cdn.example"), "no remote picture on the page")
        XCTAssertTrue(html.contains("Ảnh: Bánh phồng và gói"), "the alt text stays")
    }
}
