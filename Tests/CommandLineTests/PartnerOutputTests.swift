import Foundation
import XCTest

/// The outputs for partner platforms and market stalls, read the way their readers read them:
/// the QR codes by a real decoder (zbarimg on PNGs from rsvg-convert), the product feed, open
/// data and JSON-LD by `scripts/quality/check_exports.py` (Python's XML, JSON and csv modules).
final class PartnerOutputTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo catalog built once for these tests, under its own base URL.
    static let demo: Result<URL, Error> = Result {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-partners-\(UUID().uuidString)")
        let r = try Chonoi.run(["build", "--content", repository.appendingPathComponent("content").path, "--output", out.path],
                               in: repository)
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return out
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/opt/homebrew/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        // zbarimg complains on stderr when there is no D-Bus; only stdout is the answer.
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func checkExports(_ site: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let python = Self.tool("python3") else { throw XCTSkip("python3 is not installed") }
        let r = try run(python, [Self.repository.appendingPathComponent("scripts/quality/check_exports.py").path, site.path])
        XCTAssertEqual(r.status, 0, r.output, file: file, line: line)
    }

    // MARK: - QR codes

    /// Renders an SVG to PNG and reads it back with zbar: what a phone's camera would see.
    func decode(svg: String) throws -> String {
        guard let rsvg = Self.tool("rsvg-convert"), let zbar = Self.tool("zbarimg") else {
            throw XCTSkip("rsvg-convert (librsvg2-bin) and zbarimg (zbar-tools) are needed to read QR codes")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgFile = folder.appendingPathComponent("qr.svg"), png = folder.appendingPathComponent("qr.png")
        try Data(svg.utf8).write(to: svgFile)
        let converted = try run(rsvg, ["--width", "400", "--height", "400", "--background-color", "white", "-o", png.path, svgFile.path])
        XCTAssertEqual(converted.status, 0, converted.output)
        let read = try run(zbar, ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.path])
        XCTAssertEqual(read.status, 0, read.output)
        return read.output.trimmingCharacters(in: .newlines)
    }

    func testQRCodesOnPagesAndBesideThemDecodeToThePageAddress() throws {
        let site = try Self.demo.get()
        for page in ["co-so/nong-san-say-song-tien/", "co-so/vuon-xoai-bo-song/xoai-cat-hoa-loc-loai-1/"] {
            let url = "https://example.org/cho-noi/" + page
            let file = try String(contentsOf: site.appendingPathComponent(page + "qr.svg"), encoding: .utf8)
            XCTAssertEqual(try decode(svg: file), url, page + "qr.svg")
            let html = try String(contentsOf: site.appendingPathComponent(page + "index.html"), encoding: .utf8)
            // The page shows that file (lazily: it is below the fold on a phone), with an accessible name.
            let image = try XCTUnwrap(html.range(of: #"<img class="qr" [^>]*>"#, options: .regularExpression), page)
            XCTAssertTrue(html[image].contains("src=\"/cho-noi/\(page)qr.svg\""), String(html[image]))
            XCTAssertTrue(html[image].contains("alt=\"Mã QR dẫn tới trang "), String(html[image]))
            XCTAssertTrue(html[image].contains("loading=\"lazy\""), String(html[image]))
            XCTAssertFalse(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\""), "not drawn a second time inline")
        }
        let sheet = try String(contentsOf: site.appendingPathComponent("co-so/nong-san-say-song-tien/in/index.html"), encoding: .utf8)
        let inline = try XCTUnwrap(sheet.range(of: #"<svg xmlns="http://www.w3.org/2000/svg" class="qr".*?</svg>"#, options: .regularExpression))
        XCTAssertEqual(try decode(svg: String(sheet[inline])), "https://example.org/cho-noi/co-so/nong-san-say-song-tien/",
                       "the sheet's code opens the business page")
    }

    // MARK: - Printable sheet

    func testPrintableSheetIsLinkedNotIndexedAndListsEveryProductWithItsPrice() throws {
        let site = try Self.demo.get()
        let business = try String(contentsOf: site.appendingPathComponent("co-so/nong-san-say-song-tien/index.html"), encoding: .utf8)
        XCTAssertTrue(business.contains("href=\"/cho-noi/co-so/nong-san-say-song-tien/in/\""), "linked from the business page")
        let sheet = try String(contentsOf: site.appendingPathComponent("co-so/nong-san-say-song-tien/in/index.html"), encoding: .utf8)
        XCTAssertTrue(sheet.contains("<meta name=\"robots\" content=\"noindex\">"))
        let data = try Data(contentsOf: site.appendingPathComponent("du-lieu/co-so.json"))
        let businesses = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["businesses"] as? [[String: Any]])
        let largest = try XCTUnwrap(businesses.max { ($0["product_count"] as! Int) < ($1["product_count"] as! Int) })
        XCTAssertEqual(largest["id"] as? String, "nong-san-say-song-tien", "the demo's largest business")
        XCTAssertEqual(sheet.components(separatedBy: "<td class=\"price\">").count - 1, largest["product_count"] as? Int, "every product, priced")
        XCTAssertTrue(sheet.contains("<dt>Zalo</dt>"))
        XCTAssertTrue(sheet.contains("/cho-noi/assets/print."), "the A4 stylesheet")
        let sitemap = try String(contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertFalse(sitemap.contains("/in/</loc>"), "print pages stay out of the sitemap")
    }

    // MARK: - Feed, open data, JSON-LD

    func testDemoExportsReadAsPlatformsReadThem() throws {
        let site = try Self.demo.get()
        try checkExports(site)
    }

    func testBuildReportCountsProductsLeftOutOfTheFeed() throws {
        let w = try Workspace()
        let r = try Chonoi.run(["build"], in: w.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        // The fixture: one product with a price and a photo, one with a price and no photo.
        XCTAssertTrue(r.stderr.contains("Nguồn cấp sản phẩm du-lieu/san-pham.xml: 1 sản phẩm; bỏ qua 1 (0 không có giá bằng số, 1 không có ảnh)."),
                      r.stderr)
    }

    func testHostileSellerTextIsEscapedInEveryExport() throws {
        let w = try Workspace()
        let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"
        let hostile = "=HYPERLINK(\\\"http://evil\\\") </script><script>alert(1)</script> ]]> & \\\" ' \\u0001\\u0007\\u007f, end"
        try w.edit(product, replacing: "name: Bánh phồng tôm đặc biệt", with: "name: \"\(hostile)\"")
        try w.edit(product, replacing: "delivery: Toàn quốc", with: "delivery: \"@SUM(1+1)\"")
        try w.edit(product, replacing: "Bánh giòn, thơm mùi tôm.", with: "-1 <b>không</b> \"trích\", dấu phẩy\n\n+ dòng hai")
        try w.edit("businesses/banh-phong-sa-giang/index.md", replacing: "name: Cơ sở Bánh phồng tôm Sa Giang", with: "name: \"+84 </script> & co\"")
        let r = try Chonoi.run(["build"], in: w.root)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let site = w.root.appendingPathComponent("public")
        try checkExports(site)
        let folder = site.appendingPathComponent("du-lieu")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if !name.hasSuffix(".csv") { // CSV is not markup: quoting and the formula guard are its escaping
                XCTAssertFalse(text.contains("<script>"), name)
                XCTAssertFalse(text.contains("</script>"), name)
            }
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }, "no control characters in \(name)")
            XCTAssertFalse(text.contains("082912000123"), "never a personal ID: \(name)")
            XCTAssertFalse(text.contains("banh-phong-nhap"), "never a draft: \(name)")
        }
        let csv = try String(contentsOf: folder.appendingPathComponent("san-pham.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")"), "quoted, quotes doubled, formula defused")
        XCTAssertTrue(csv.contains(",'@SUM(1+1),"))
        XCTAssertTrue(csv.contains(",\"'-1 không \"\"trích\"\", dấu phẩy dòng hai\"\r\n"), "a description's first character too: \(csv)")
        let feed = try String(contentsOf: folder.appendingPathComponent("san-pham.xml"), encoding: .utf8)
        XCTAssertTrue(feed.contains("<g:title>=HYPERLINK(&quot;http://evil&quot;) &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &quot; &apos; , end</g:title>"), feed)
        XCTAssertTrue(feed.contains("<g:brand>+84 &lt;/script&gt; &amp; co</g:brand>"))
    }

    // MARK: - Determinism

    func testTheDemoBuildsByteIdentically() throws {
        let first = try Self.demo.get()
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-partners-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: second) }
        let r = try Chonoi.run(["build", "--content", Self.repository.appendingPathComponent("content").path, "--output", second.path],
                               in: Self.repository)
        XCTAssertEqual(r.status, 0, r.stderr)
        func files(_ root: URL) throws -> [String: Data] {
            var all: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
                var folder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: root.path + "/" + path, isDirectory: &folder)
                if !folder.boolValue { all[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
            }
            return all
        }
        let a = try files(first), b = try files(second)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        XCTAssertEqual(a.keys.filter { a[$0] != b[$0] }.sorted(), [])
        XCTAssertTrue(a.keys.contains("du-lieu/san-pham.xml") && a.keys.contains("co-so/nong-san-say-song-tien/qr.svg"))
    }
}
