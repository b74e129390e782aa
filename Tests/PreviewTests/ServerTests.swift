import Foundation
@testable import Preview
import XCTest

/// The real server on a free port, asked by a raw HTTP client.
final class ServingTests: XCTestCase {
    var preview: RunningPreview!

    override func setUp() async throws {
        preview = try RunningPreview()
        try await preview.start()
    }

    override func tearDown() async throws {
        try await preview?.stop()
        preview = nil
    }

    func testPagesAndFilesHaveTheirStatusAndType() throws {
        // site.yml's base_url is https://example.org/catalog/: the site keeps its sub-path here.
        let root = try preview.get("/")
        XCTAssertEqual(root.status, 302)
        XCTAssertEqual(root["Location"], "/catalog/")
        XCTAssertEqual(try preview.get("/catalog")["Location"], "/catalog/")

        let home = try preview.get("/catalog/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home["Content-Type"], "text/html; charset=utf-8")
        XCTAssertEqual(home["Cache-Control"], "no-cache")
        XCTAssertEqual(Int(home["Content-Length"] ?? ""), home.body.count)
        XCTAssertTrue(home.text.contains("Sàn giao dịch thử nghiệm"))
        XCTAssertTrue(home.text.contains("href=\"/catalog/co-so/banh-phong-sa-giang/\""), "links keep the sub-path")
        XCTAssertTrue(home.text.contains("http://127.0.0.1:\(preview.port)/catalog/"), "canonical links point at this server")
        XCTAssertTrue(home.text.contains(LiveReload.eventsPath), "served pages get the live-reload script")
        XCTAssertFalse(home.text.contains("<div id=\"chonoi-overlay\""))

        let business = try preview.get("/catalog/co-so/banh-phong-sa-giang/")
        XCTAssertEqual(business.status, 200)
        XCTAssertTrue(business.text.contains("Cơ sở Bánh phồng tôm Sa Giang"))
        let noSlash = try preview.get("/catalog/co-so/banh-phong-sa-giang")
        XCTAssertEqual(noSlash.status, 302)
        XCTAssertEqual(noSlash["Location"], "/catalog/co-so/banh-phong-sa-giang/")

        let types: [(String, String)] = [
            ("/catalog/sitemap.xml", "application/xml; charset=utf-8"),
            ("/catalog/feed.xml", "application/atom+xml; charset=utf-8"),
            ("/catalog/robots.txt", "text/plain; charset=utf-8"),
            (try logo(), "image/webp"),
            ("/catalog/tim-kiem/chi-muc/index.json", "application/json; charset=utf-8"),
            ("/catalog/tim-kiem/", "text/html; charset=utf-8"),
        ]
        for (path, type) in types {
            let reply = try preview.get(path)
            XCTAssertEqual(reply.status, 200, path)
            XCTAssertEqual(reply["Content-Type"], type, path)
            XCTAssertFalse(reply.text.contains(LiveReload.eventsPath) && !type.hasPrefix("text/html"), "only HTML gets the script: \(path)")
        }
        let css = try XCTUnwrap(home.text.range(of: #"/catalog/assets/style\.[0-9a-f]+\.css"#, options: .regularExpression))
        let style = try preview.get(String(home.text[css]))
        XCTAssertEqual(style.status, 200)
        XCTAssertEqual(style["Content-Type"], "text/css; charset=utf-8")
        XCTAssertEqual(try preview.get("/catalog/assets/" + ((try FileManager.default.contentsOfDirectory(atPath: preview.site.path + "/assets")).first { $0.hasPrefix("favicon") } ?? "?"))["Content-Type"],
                       "image/svg+xml; charset=utf-8")
    }

    func testMissingPagesGetTheCatalogsOwn404() throws {
        let notFoundPage = try String(contentsOfFile: preview.site.path + "/404.html", encoding: .utf8)
        for path in ["/catalog/khong-co/", "/catalog/co-so/khong-co/", "/catalog/khong-co.png", "/khac/"] {
            let reply = try preview.get(path)
            XCTAssertEqual(reply.status, 404, path)
            XCTAssertEqual(reply["Content-Type"], "text/html; charset=utf-8", path)
            XCTAssertTrue(reply.text.hasPrefix(String(notFoundPage.prefix(200))), "the catalog's 404.html: \(path)")
            XCTAssertTrue(reply.text.contains(LiveReload.eventsPath))
        }
    }

    func testOnlyGetAndHead() throws {
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let reply = try preview.get("/catalog/", method)
            XCTAssertEqual(reply.status, 405, method)
            XCTAssertEqual(reply["Allow"], "GET, HEAD", method)
        }
        let get = try preview.get("/catalog/co-so/banh-phong-sa-giang/")
        let head = try preview.get("/catalog/co-so/banh-phong-sa-giang/", "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head["Content-Type"], get["Content-Type"])
        XCTAssertEqual(head["Content-Length"], String(get.body.count))
        XCTAssertEqual(head["ETag"], get["ETag"])
        XCTAssertEqual(try preview.get("/catalog/khong-co/", "HEAD").status, 404)
    }

    func testNothingOutsideTheSiteIsServed() throws {
        // Bait: a file beside the site folder, a file in the content folder, and links inside the site to both.
        try "bí mật".write(toFile: preview.root.path + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: preview.site.path + "/leak.txt", withDestinationPath: preview.root.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: preview.site.path + "/noi-dung", withDestinationPath: preview.content.path)
        try FileManager.default.createSymbolicLink(atPath: preview.site.path + "/he-thong", withDestinationPath: "/etc")
        try "x".write(toFile: preview.site.path + "/.hidden", atomically: true, encoding: .utf8)
        let attempts = [
            "/catalog/../secret.txt", "/catalog/../../etc/passwd", "/../secret.txt",
            "/catalog/%2e%2e/secret.txt", "/catalog/%2E%2E/%2E%2E/etc/passwd", "/catalog/.%2e/secret.txt",
            "/catalog/co-so/%2e%2e/%2e%2e/secret.txt", "/catalog/..%2fsecret.txt", "/catalog/%2e%2e%2fsecret.txt",
            "/catalog/%252e%252e/secret.txt",
            "/catalog/..\\secret.txt", "/catalog/%5c..%5csecret.txt", "/catalog/co-so\\..\\..\\secret.txt",
            "/catalog//etc/passwd", "/catalog/%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
            "/catalog/" + preview.root.path + "/secret.txt", "/catalog/%2F" + preview.root.path.dropFirst() + "/secret.txt",
            "/catalog/leak.txt", "/catalog/noi-dung/site.yml", "/catalog/he-thong/passwd", "/catalog/he-thong/",
            "/catalog/.hidden", "/catalog/./index.html", "/catalog/%00", "/catalog/index.html%00.png", "/catalog/%zz",
            "http://127.0.0.1/etc/passwd",
        ]
        for target in attempts {
            let reply = try preview.get(target)
            XCTAssertEqual(reply.status, 404, target)
            XCTAssertFalse(reply.text.contains("bí mật"), target)
            XCTAssertFalse(reply.text.contains("root:"), target)
            XCTAssertFalse(reply.text.contains("base_url"), target)
        }
    }

    /// The logo's smallest WebP, as the business page links it.
    func logo() throws -> String {
        let page = try preview.get("/catalog/co-so/banh-phong-sa-giang/").text
        let range = try XCTUnwrap(page.range(of: #"/catalog/co-so/banh-phong-sa-giang/logo\.[0-9a-f]{10}-160\.webp"#, options: .regularExpression))
        return String(page[range])
    }

    func testRevalidationAnswers304() throws {
        for path in ["/catalog/", try logo(), "/catalog/feed.xml"] {
            let first = try preview.get(path)
            let etag = try XCTUnwrap(first["ETag"], path)
            XCTAssertTrue(etag.hasPrefix("\"") && etag.hasSuffix("\""), "a strong validator: \(etag)")
            let again = try preview.get(path, headers: ["If-None-Match": etag])
            XCTAssertEqual(again.status, 304, path)
            XCTAssertTrue(again.body.isEmpty, path)
            XCTAssertEqual(again["ETag"], etag)
            XCTAssertEqual(try preview.get(path, headers: ["If-None-Match": "\"other\", W/\(etag)"]).status, 304, "weak comparison, in a list")
            XCTAssertEqual(try preview.get(path, headers: ["If-None-Match": "\"other\""]).status, 200, path)
            XCTAssertEqual(try preview.get(path, "HEAD", headers: ["If-None-Match": etag]).status, 304, path)
        }
    }

    func testBuiltFilesHaveNoLiveReloadScript() throws {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: preview.site.path))
        var pages = 0
        for case let relative as String in enumerator where relative.hasSuffix(".html") {
            pages += 1
            let text = try String(contentsOfFile: preview.site.path + "/" + relative, encoding: .utf8)
            XCTAssertFalse(text.contains("__chonoi"), relative)
        }
        XCTAssertGreaterThan(pages, 5)
    }
}
