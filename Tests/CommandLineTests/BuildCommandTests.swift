import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `chonoi build` on fixture trees: the pages a buyer opens, under a sub-path, escaped,
/// deterministic, and never half-written.
final class BuildCommandTests: XCTestCase {
    func build(_ w: Workspace, _ extra: [String] = []) throws -> Chonoi.Result {
        try Chonoi.run(["build"] + extra, in: w.root)
    }

    func page(_ w: Workspace, _ path: String) throws -> String {
        try String(contentsOf: w.root.appendingPathComponent("public/" + path), encoding: .utf8)
    }

    func testBuildsEveryPageAtTheContractPaths() throws {
        let w = try Workspace()
        let r = try build(w)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        for path in ["index.html", "404.html", "robots.txt", "sitemap.xml", "feed.xml", "tim-kiem/index.html",
                     "linh-vuc/trai-cay/index.html", "linh-vuc/thuc-pham-che-bien/index.html",
                     "co-so/banh-phong-sa-giang/index.html", "co-so/banh-phong-sa-giang/banh-phong-tom/index.html",
                     "co-so/htx-vu-sua-vinh-kim/vu-sua-lo-ren/index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: w.root.appendingPathComponent("public/" + path).path), path)
        }
        // Pictures are re-encoded beside their page (never the seller's file): WebP and JPEG per width.
        let logos = try FileManager.default.contentsOfDirectory(atPath: w.root.appendingPathComponent("public/co-so/banh-phong-sa-giang").path)
        XCTAssertEqual(logos.filter { $0.hasPrefix("logo.") }.map { $0.replacingOccurrences(of: #"\.[0-9a-f]{10}-"#, with: "-", options: .regularExpression) }.sorted(),
                       ["logo-160.jpg", "logo-160.webp", "logo-og.jpg"])
        let photos = try FileManager.default.contentsOfDirectory(atPath: w.root.appendingPathComponent("public/co-so/banh-phong-sa-giang/banh-phong-tom").path)
        XCTAssertEqual(photos.filter { $0 != "index.html" && $0 != "qr.svg" }.map { $0.replacingOccurrences(of: #"\.[0-9a-f]{10}-"#, with: "-", options: .regularExpression) }.sorted(),
                       ["banh-phong-tom-320.jpg", "banh-phong-tom-320.webp", "banh-phong-tom-og.jpg"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: w.root.appendingPathComponent("public/co-so/banh-phong-sa-giang/banh-phong-nhap").path),
                       "drafts are not published")
        XCTAssertFalse(FileManager.default.fileExists(atPath: w.root.appendingPathComponent("public/linh-vuc/du-lich").path),
                       "no empty sector page")
    }

    func testProductPageShowsPriceContactAndLinksUnderTheSubPath() throws {
        let w = try Workspace()
        XCTAssertEqual(try build(w).status, 0)
        let html = try page(w, "co-so/banh-phong-sa-giang/banh-phong-tom/index.html")
        XCTAssertTrue(html.contains("<html lang=\"vi\">"))
        XCTAssertTrue(html.contains("85.000\u{00A0}₫/hộp 500 g"), "Vietnamese grouping and a no-break space")
        XCTAssertTrue(html.contains("href=\"tel:+842733812345\""))
        XCTAssertTrue(html.contains("href=\"https://zalo.me/0912345678\""))
        XCTAssertTrue(html.contains("OCOP 4 sao"))
        XCTAssertTrue(html.contains("href=\"/catalog/co-so/banh-phong-sa-giang/\""), "links carry the base path")
        XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"https://example.org/catalog/co-so/banh-phong-sa-giang/banh-phong-tom/\">"))
        XCTAssertTrue(html.contains("width=\"320\" height=\"240\""), "the picture's size")
        XCTAssertTrue(html.contains("<source type=\"image/webp\" srcset=\"/catalog/co-so/banh-phong-sa-giang/banh-phong-tom/banh-phong-tom."), html)
        XCTAssertTrue(html.contains("\"priceCurrency\":\"VND\""))
        XCTAssertTrue(html.contains("Cập nhật"))
        XCTAssertTrue(html.contains("02/05/2026"))

        let business = try page(w, "co-so/banh-phong-sa-giang/index.html")
        XCTAssertFalse(business.contains("082912000123"), "a personal ID is never published")
        XCTAssertTrue(business.contains("\"@type\":\"LocalBusiness\""))
        XCTAssertTrue(business.contains("Hộ kinh doanh"))
        let htx = try page(w, "co-so/htx-vu-sua-vinh-kim/index.html")
        XCTAssertTrue(htx.contains("0100233488"), "an enterprise tax code is public")
    }

    func testDefaultThemePutsContactFirstAndLeavesNoEmptyMarkup() throws {
        let w = try Workspace()
        XCTAssertEqual(try build(w).status, 0)
        let html = try page(w, "co-so/banh-phong-sa-giang/banh-phong-tom/index.html")
        XCTAssertTrue(html.contains("<div class=\"callbar\">"), "the call bar (fixed to the bottom on phones)")
        XCTAssertTrue(html.contains("<dt>Lĩnh vực</dt>"), "the sector fact is labelled as a sector")
        XCTAssertTrue(html.contains("Cập nhật: 02/05/2026"))
        XCTAssertTrue(html.contains("công nhận năm 2025, hiệu lực đến hết năm 2028"))
        XCTAssertTrue(html.contains("<dd>10 hộp 500 g</dd>"), "minimum order with its unit")
        for path in ["index.html", "linh-vuc/thuc-pham-che-bien/index.html", "co-so/banh-phong-sa-giang/index.html",
                     "co-so/banh-phong-sa-giang/banh-phong-tom/index.html", "co-so/htx-vu-sua-vinh-kim/vu-sua-lo-ren/index.html"] {
            let html = try page(w, path)
            XCTAssertNil(html.range(of: #"<p class="badges">\s*</p>"#, options: .regularExpression), "no empty badge line: \(path)")
            XCTAssertFalse(html.contains("<script src") || html.contains("<script>"), "no JavaScript outside the search page: \(path)")
        }
        XCTAssertTrue(try page(w, "tim-kiem/index.html").contains("<script src=\"/catalog/assets/search."))
    }

    func testBaseURLOverrideAndRoot() throws {
        let w = try Workspace()
        XCTAssertEqual(try build(w, ["--base-url", "http://localhost:8080/"]).status, 0)
        let html = try page(w, "index.html")
        XCTAssertTrue(html.contains("href=\"/co-so/"), html)
        XCTAssertFalse(html.contains("/catalog/"))
        XCTAssertTrue(try page(w, "sitemap.xml").contains("<loc>http://localhost:8080/co-so/banh-phong-sa-giang/</loc>"))
    }

    func testHostileSellerTextIsEscapedEverywhere() throws {
        let w = try Workspace()
        let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"
        try w.edit(product, replacing: "name: Bánh phồng tôm đặc biệt", with: "name: \"Bánh </script><script>alert(1)</script> \\\" onload=x '\"")
        try w.edit(product, replacing: "Bánh giòn, thơm mùi tôm.", with: """
        <script>alert(2)</script> <img src=x onerror=alert(3)>
        [bấm](javascript:alert(4)) [x](JAVASCRIPT:alert(5)) ![a](javascript:alert(6))
        <iframe src="https://evil.example"></iframe>
        """)
        XCTAssertEqual(try build(w).status, 0)
        for path in ["co-so/banh-phong-sa-giang/banh-phong-tom/index.html", "co-so/banh-phong-sa-giang/index.html",
                     "linh-vuc/thuc-pham-che-bien/index.html", "index.html", "feed.xml", "sitemap.xml"] {
            let html = try page(w, path)
            XCTAssertFalse(html.contains("<script>alert"), path)
            XCTAssertFalse(html.contains("onerror=alert"), path)
            XCTAssertFalse(html.lowercased().contains("javascript:"), path)
            XCTAssertFalse(html.contains("<iframe"), path)
            // Inside JSON-LD the quote is written \" (valid JSON); anywhere else it must be &quot;.
            XCTAssertNil(html.range(of: #"[^\\]" onload=x"#, options: .regularExpression), path)
        }
        let html = try page(w, "co-so/banh-phong-sa-giang/banh-phong-tom/index.html")
        XCTAssertTrue(html.contains("Bánh &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot; onload=x &#39;"), "shown as text")
        XCTAssertTrue(html.contains("\\u003c/script\\u003e"), "escaped inside JSON-LD")
        let feed = try page(w, "feed.xml")
        XCTAssertNoThrow(try XMLDocument(data: Data(feed.utf8)), "the feed stays well-formed XML")
    }

    /// A combining mark after a quote makes one grapheme that a per-Character escape leaves
    /// alone, but a browser ends the attribute at the quote (the name is in alt="…" and title).
    func testQuotesJoinedByCombiningMarksCannotLeaveAnAttribute() throws {
        let w = try Workspace()
        let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"
        try w.edit(product, replacing: "name: Bánh phồng tôm đặc biệt", with: "name: \"Bánh \\\"\u{0301} onmouseover=alert(7) x=\\\"\u{0301}\"")
        XCTAssertEqual(try build(w).status, 0)
        for path in ["co-so/banh-phong-sa-giang/banh-phong-tom/index.html", "co-so/banh-phong-sa-giang/index.html",
                     "linh-vuc/thuc-pham-che-bien/index.html", "index.html"] {
            let html = try page(w, path)
            // Inside JSON-LD the quote is written \" (valid JSON); anywhere else it must be &quot;.
            XCTAssertNil(html.range(of: "[^\\\\]\"\u{0301} onmouseover", options: .regularExpression), path)
            XCTAssertTrue(html.contains("&quot;\u{0301} onmouseover=alert(7)"), path)
        }
    }

    func testSameContentGivesByteIdenticalOutput() throws {
        let w = try Workspace()
        XCTAssertEqual(try build(w).status, 0)
        let first = try snapshot(w.root.appendingPathComponent("public"))
        XCTAssertEqual(try build(w).status, 0)
        XCTAssertEqual(try snapshot(w.root.appendingPathComponent("public")), first)
        XCTAssertGreaterThan(first.count, 10)
    }

    func testFailedBuildLeavesThePreviousSiteAsItWas() throws {
        let w = try Workspace()
        XCTAssertEqual(try build(w).status, 0)
        let before = try snapshot(w.root.appendingPathComponent("public"))
        try w.edit("businesses/banh-phong-sa-giang/products/banh-phong-tom.md", replacing: "price: 85000", with: "price: 85k")
        let r = try build(w)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("banh-phong-tom.md:4:8: error:"), r.stdout)
        XCTAssertTrue(r.stderr.contains("Không dựng trang"), r.stderr)
        XCTAssertEqual(try snapshot(w.root.appendingPathComponent("public")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: w.root.path).filter { $0.contains("chonoi") && $0 != ".chonoi-cache" }
        XCTAssertEqual(leftovers, [])
    }

    func testDraftsFlagAndUnsafeOutput() throws {
        let w = try Workspace()
        XCTAssertEqual(try build(w, ["--drafts"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: w.root.appendingPathComponent("public/co-so/banh-phong-sa-giang/banh-phong-nhap/index.html").path))
        for output in ["content", ".", "/", "content/public"] {
            let before = try w.snapshot()
            let r = try build(w, ["--output", output])
            XCTAssertEqual(r.status, 1, output)
            XCTAssertEqual(try w.snapshot(), before, "nothing touched for --output \(output)")
        }
    }

    /// `--output docs` in a repository with a docs folder of its own: refused, nothing touched,
    /// nothing rendered; a new nested folder is created with its parents.
    func testOutputIntoAFolderOfTheUsersOwnIsRefused() throws {
        let w = try Workspace()
        let docs = w.root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "catalog.example.org\n".write(to: docs.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        let before = try w.snapshot()
        let r = try build(w, ["--output", "docs", "--lang", "en"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("the folder docs holds files chonoi did not write (.git, CNAME); nothing was changed"), r.stderr)
        XCTAssertEqual(try w.snapshot(), before)

        XCTAssertEqual(try build(w, ["--output", "www/cho-noi"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: w.root.appendingPathComponent("www/cho-noi/index.html").path))
        XCTAssertEqual(try build(w, ["--output", "www/cho-noi"]).status, 0, "its own output is replaced")
    }

    /// site.yml and sectors.yml values are written into the templates once per build; a `{{…}}`
    /// in them must stay text, not become a Mustache tag.
    func testMustacheTagsInSettingsStayText() throws {
        let w = try Workspace()
        try w.edit("site.yml", replacing: "title: Sàn giao dịch thử nghiệm", with: "title: \"Chợ {{site.root}} {{{t.next}}}\"")
        try w.edit("site.yml", replacing: "language: vi", with: "language: en")
        try w.edit("sectors.yml", replacing: "name: Trái cây", with: "name: \"Trái {{#site}}cây{{/site}}\"")
        XCTAssertEqual(try build(w).status, 0)
        let home = try page(w, "index.html")
        XCTAssertTrue(home.contains("Chợ &#123;&#123;site.root}} &#123;&#123;&#123;t.next}}}"), home)
        XCTAssertTrue(home.contains("Trái &#123;&#123;#site}}cây&#123;&#123;/site}}"))
        XCTAssertFalse(home.contains("Chợ /catalog/"))
        XCTAssertTrue(home.contains("<meta property=\"og:locale\" content=\"en_US\">"))
    }

    func testSectorPagesArePaginatedInVietnameseOrder() throws {
        let w = try Workspace()
        for (slug, name) in [("a", "Đào"), ("b", "Dừa"), ("c", "Ăn"), ("d", "Bưởi")] {
            try w.write("businesses/htx-vu-sua-vinh-kim/products/\(slug).md",
                        "---\nname: \(name)\nsector: trai-cay\nprice: 1000\nunit: kg\npublished: 2026-01-01\n---\nx\n")
        }
        XCTAssertEqual(try build(w).status, 0)
        // per_page is 2: one business, then 5 products A–Z: Ăn, Bưởi, Dừa, Đào, Vú sữa.
        let p1 = try page(w, "linh-vuc/trai-cay/index.html")
        let p2 = try page(w, "linh-vuc/trai-cay/trang/2/index.html")
        let p3 = try page(w, "linh-vuc/trai-cay/trang/3/index.html")
        XCTAssertTrue(p1.contains("HTX Vú sữa Lò Rèn Vĩnh Kim") && p1.contains(">Ăn<"), p1)
        XCTAssertTrue(p2.contains(">Bưởi<") && p2.contains(">Dừa<"))
        XCTAssertTrue(p3.contains(">Đào<") && p3.contains(">Vú sữa Lò Rèn Vĩnh Kim<"))
        XCTAssertTrue(p2.contains("rel=\"prev\" href=\"/catalog/linh-vuc/trai-cay/\""))
        XCTAssertTrue(p2.contains("rel=\"next\" href=\"/catalog/linh-vuc/trai-cay/trang/3/\""))
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[url.path] = try Data(contentsOf: url) }
        }
        return files
    }
}
