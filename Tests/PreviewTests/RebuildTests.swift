import Catalog
import Diagnostics
import Foundation
@testable import Preview
@testable import Site
import Validation
import XCTest

/// Saving a file: the rebuild event, the changed page, the overlay for broken content.
final class RebuildTests: XCTestCase {
    static let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"
    static let productPage = "/catalog/co-so/banh-phong-sa-giang/banh-phong-tom/"

    func testAnEditRebuildsItsPagesAndReloads() async throws {
        let preview = try RunningPreview()
        try await preview.start()
        let events = try EventStream(port: preview.port)
        let first = try events.next()
        XCTAssertEqual(first.build, 1)
        XCTAssertTrue(first.problems.isEmpty)
        XCTAssertTrue(try preview.get(Self.productPage).text.contains("85.000"))
        let sectorBefore = try preview.get("/catalog/linh-vuc/thuc-pham-che-bien/").text

        try preview.edit(Self.product, replacing: "price: 85000", with: "price: 99000")
        let rebuilt = try events.next { $0.build > first.build }
        XCTAssertTrue(rebuilt.problems.isEmpty)
        let page = try preview.get(Self.productPage)
        XCTAssertTrue(page.text.contains("99.000"), "the new price is on the product page")
        XCTAssertFalse(page.text.contains("85.000"))
        XCTAssertTrue(page.text.contains("var build = \(rebuilt.build);"), "the page knows its build")
        let business = try preview.get("/catalog/co-so/banh-phong-sa-giang/").text
        XCTAssertTrue(business.contains("99.000"), "the seller's page lists the new price")
        XCTAssertTrue(try preview.get("/catalog/").text.contains("99.000"), "so does the home page")
        let sectorPages = (try preview.get("/catalog/linh-vuc/thuc-pham-che-bien/").text) + (try preview.get("/catalog/linh-vuc/thuc-pham-che-bien/trang/2/").text)
        XCTAssertTrue(sectorPages.contains("99.000"), "and the sector's pages")
        XCTAssertNotEqual(sectorBefore, try preview.get("/catalog/linh-vuc/thuc-pham-che-bien/").text + "x")
        let line = try XCTUnwrap(preview.logs.all.last { $0.hasPrefix("Đã dựng lại") }, preview.logs.all.joined(separator: "\n"))
        XCTAssertFalse(line.contains("toàn bộ"), "only what the edit touches is rebuilt: \(line)")
        XCTAssertTrue(line.contains("banh-phong-tom.md"), line)
        try await preview.stop()
    }

    func testBrokenContentShowsTheOverlayAndKeepsTheLastGoodPage() async throws {
        let preview = try RunningPreview()
        try await preview.start()
        let events = try EventStream(port: preview.port)
        let first = try events.next()

        try preview.edit(Self.product, replacing: "sector: Thực phẩm chế biến", with: "sector: thuc pham")
        let broken = try events.next { !$0.problems.isEmpty }
        XCTAssertEqual(broken.build, first.build, "nothing was rebuilt")
        let problem = try XCTUnwrap(broken.problems.first)
        XCTAssertEqual(problem.place, "content/businesses/banh-phong-sa-giang/products/banh-phong-tom.md:3:9")
        XCTAssertTrue(problem.message.contains("lĩnh vực \"thuc pham\" không có trong danh sách"), problem.message)
        XCTAssertTrue(problem.message.contains("thuc-pham-che-bien"), "with the did-you-mean: \(problem.message)")
        XCTAssertTrue(broken.title.contains("1 lỗi"), broken.title)

        let page = try preview.get(Self.productPage)
        XCTAssertEqual(page.status, 200, "the last good build is still served")
        XCTAssertTrue(page.text.contains("85.000"))
        XCTAssertTrue(page.text.contains("<div id=\"chonoi-overlay\""), "the overlay is in the page")
        XCTAssertTrue(page.text.contains("content/businesses/banh-phong-sa-giang/products/banh-phong-tom.md:3:9"))
        XCTAssertTrue(page.text.contains("lĩnh vực &quot;thuc pham&quot; không có trong danh sách"))
        XCTAssertTrue(preview.logs.all.contains { $0.contains("banh-phong-tom.md:3:9: error:") }, "and in the terminal")

        // Another save while broken: still the overlay; the fix then brings both changes.
        try preview.edit("businesses/htx-vu-sua-vinh-kim/products/vu-sua-lo-ren.md", replacing: "price: 60000", with: "price: 65000")
        try preview.edit(Self.product, replacing: "sector: thuc pham", with: "sector: thuc-pham-che-bien")
        let fixed = try events.next { $0.build > first.build }
        XCTAssertTrue(fixed.problems.isEmpty)
        let after = try preview.get(Self.productPage)
        XCTAssertFalse(after.text.contains("<div id=\"chonoi-overlay\""), "the fix removes the overlay")
        XCTAssertTrue(try preview.get("/catalog/co-so/htx-vu-sua-vinh-kim/vu-sua-lo-ren/").text.contains("65.000"),
                      "the edit saved while the catalog was broken is built too")
        try await preview.stop()
    }

    func testMessagesFollowLang() async throws {
        let preview = try RunningPreview(language: .en)
        try await preview.start()
        let events = try EventStream(port: preview.port)
        _ = try events.next()
        try preview.edit(Self.product, replacing: "price: 85000", with: "price: 85k")
        let broken = try events.next { !$0.problems.isEmpty }
        XCTAssertTrue(broken.title.hasPrefix("Not rebuilt: 1 error"), broken.title)
        XCTAssertTrue(broken.problems[0].message.contains("85000"), "the number to write: \(broken.problems[0].message)")
        XCTAssertTrue(preview.logs.all.first?.hasPrefix("Previewing at http://127.0.0.1:\(preview.port)/catalog/") ?? false,
                      preview.logs.all.joined(separator: "\n"))
        try await preview.stop()
    }

    /// Adding, removing, renaming and hiding entries, each applied incrementally, must leave
    /// exactly the site `chonoi build` writes for the same content (and the same diagnostics).
    func testIncrementalUpdatesEqualAFullBuild() async throws {
        let preview = try RunningPreview()
        try await preview.start()
        let events = try EventStream(port: preview.port)
        var build = try events.next().build
        try await assertSameAsFullBuild(preview, "after the first build")

        let steps: [(String, () throws -> Void)] = [
            ("a new price", { try preview.edit(Self.product, replacing: "price: 85000", with: "price: 91000") }),
            ("a new name that sorts elsewhere", {
                try preview.edit(Self.product, replacing: "name: Bánh phồng tôm đặc biệt", with: "name: Ăn vặt bánh phồng tôm")
            }),
            ("a product moved to another sector", {
                try preview.edit("businesses/htx-vu-sua-vinh-kim/products/vu-sua-lo-ren.md", replacing: "sector: trai-cay",
                                 with: "sector: thuc-pham-che-bien")
            }),
            ("a new product", {
                try preview.write("businesses/htx-vu-sua-vinh-kim/products/xoai-cat.md",
                                  "---\nname: Xoài cát Hòa Lộc\nsector: trai-cay\nprice: 70000\nunit: kg\npublished: 2026-02-01\n---\nXoài ngọt.\n")
            }),
            ("a product removed", {
                try FileManager.default.removeItem(atPath: preview.path("businesses/banh-phong-sa-giang/products/banh-phong-nhap.md"))
            }),
            ("a new business", {
                try FileManager.default.copyItem(atPath: preview.path("businesses/htx-vu-sua-vinh-kim"),
                                                 toPath: preview.path("businesses/htx-vu-sua-moi"))
            }),
            ("a business hidden as a draft", {
                try preview.edit("businesses/htx-vu-sua-moi/index.md", replacing: "draft: false", with: "draft: true")
            }),
            ("a business removed", {
                try FileManager.default.removeItem(atPath: preview.path("businesses/htx-vu-sua-moi"))
            }),
        ]
        for (what, change) in steps {
            try change()
            let state = try events.next { $0.build > build || !$0.problems.isEmpty }
            XCTAssertTrue(state.problems.isEmpty, "\(what): \(state.problems)")
            build = state.build
            try await assertSameAsFullBuild(preview, what)
        }
        // site.yml: a full rebuild, and still the same site.
        try preview.edit("site.yml", replacing: "per_page: 2", with: "per_page: 3")
        build = try events.next { $0.build > build }.build
        try await assertSameAsFullBuild(preview, "per_page changed")
        XCTAssertTrue(preview.logs.all.last { $0.hasPrefix("Đã dựng") }?.contains("toàn bộ") ?? false)
        try await preview.stop()
    }

    /// Pages right after the reload event; the rest soon after.
    private func assertSameAsFullBuild(_ preview: RunningPreview, _ what: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        let loaded = CatalogLoader(root: preview.content.path, workingDirectory: preview.root.path).load()
        let expected = preview.root.appendingPathComponent("expected-\(UUID().uuidString.prefix(6))").path
        defer { try? FileManager.default.removeItem(atPath: expected) }
        _ = try SiteBuilder.build(loaded.catalog, options: SiteBuilder.Options(
            output: expected, themeFolder: nil, defaultThemeFolder: preview.theme.path,
            baseURL: "http://127.0.0.1:\(preview.port)/catalog/", includeDrafts: false, today: testToday,
            protectedFolders: [preview.content.path]))
        // Written just after the pages: the sitemap, the feeds, the open data and the search index.
        func later(_ path: String) -> Bool {
            path == "sitemap.xml" || path == "feed.xml" || path.hasPrefix(SiteURLs.searchIndex) || path.hasPrefix("du-lieu/")
        }
        let wanted = try tree(expected)
        let pages = try tree(preview.site.path)
        XCTAssertEqual(differences(pages.filter { !later($0.key) }, wanted.filter { !later($0.key) }), [], what, file: file, line: line)
        do {
            try await waitUntil("the sitemap, feed and search index, \(what)", timeout: 60) { try tree(preview.site.path) == wanted }
        } catch {
            XCTFail("\(error): \(differences(try tree(preview.site.path), wanted))", file: file, line: line)
        }
    }

    /// The paths whose content differs, or that only one side has.
    private func differences(_ a: [String: String], _ b: [String: String]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted().map { path in
            a[path] == nil ? "missing " + path : b[path] == nil ? "extra " + path : "differs " + path
        }
    }

    private func tree(_ root: String) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root))
        for case let relative as String in enumerator {
            // Hidden names are files being written (never served).
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
            files[relative] = String(decoding: data, as: UTF8.self)
        }
        return files
    }

    func testThemeChangesRebuildEverything() async throws {
        let preview = try RunningPreview()
        try await preview.start()
        let events = try EventStream(port: preview.port)
        let first = try events.next()
        let css = preview.theme.appendingPathComponent("assets/style.css")
        try (String(contentsOf: css, encoding: .utf8) + "\n.chonoi-test { color: red }\n").write(to: css, atomically: false, encoding: .utf8)
        _ = try events.next { $0.build > first.build }
        let home = try preview.get("/catalog/").text
        let link = try XCTUnwrap(home.range(of: #"/catalog/assets/style\.[0-9a-f]+\.css"#, options: .regularExpression))
        XCTAssertTrue(try preview.get(String(home[link])).text.contains(".chonoi-test"))

        // A template error shows as a problem, and the site stays.
        let template = preview.theme.appendingPathComponent("templates/product.mustache")
        let good = try String(contentsOf: template, encoding: .utf8)
        try (good + "{{#unclosed}}").write(to: template, atomically: false, encoding: .utf8)
        let broken = try events.next { !$0.problems.isEmpty }
        XCTAssertTrue(broken.problems[0].message.contains("product"), broken.problems[0].message)
        XCTAssertEqual(try preview.get(Self.productPage).status, 200)
        try good.write(to: template, atomically: false, encoding: .utf8)
        let fixed = try events.next { $0.problems.isEmpty }
        XCTAssertGreaterThan(fixed.build, first.build)
        try await preview.stop()
    }

    func testPollingFallbackSeesEdits() async throws {
        let preview = try RunningPreview(polling: true)
        try await preview.start()
        let events = try EventStream(port: preview.port)
        let first = try events.next()
        try preview.edit(Self.product, replacing: "price: 85000", with: "price: 77000")
        _ = try events.next { $0.build > first.build }
        XCTAssertTrue(try preview.get(Self.productPage).text.contains("77.000"))
        try await preview.stop()
    }
}

/// The catalog read folder by folder gives what `chonoi check` gives for the whole tree.
final class CatalogSessionTests: XCTestCase {
    func testDiagnosticsAfterEditsEqualAFullCheck() throws {
        let preview = try RunningPreview()
        let session = CatalogSession(loader: CatalogLoader(root: preview.content.path, workingDirectory: preview.root.path), today: testToday)
        session.loadAll()
        try assertSame(session, preview, "clean")

        let edits: [(String, Set<String>, Bool, () throws -> Void)] = [
            ("a bad price and an unknown key", ["banh-phong-sa-giang"], false, {
                try preview.edit(RebuildTests.product, replacing: "price: 85000", with: "price: 85.000\ngia: 1")
            }),
            ("a business without index.md", ["htx-vu-sua-vinh-kim"], false, {
                try FileManager.default.removeItem(atPath: preview.path("businesses/htx-vu-sua-vinh-kim/index.md"))
            }),
            ("two folders with one address", ["Vu-Sua"], true, {
                try FileManager.default.copyItem(atPath: preview.path("businesses/banh-phong-sa-giang"), toPath: preview.path("businesses/Vu-Sua"))
                try FileManager.default.copyItem(atPath: preview.path("businesses/banh-phong-sa-giang"), toPath: preview.path("businesses/vu-sua"))
            }),
            ("a stray file in businesses/", ["ghi-chu.txt"], true, {
                try preview.write("businesses/ghi-chu.txt", "x")
            }),
            ("a folder removed", ["Vu-Sua"], true, {
                try FileManager.default.removeItem(atPath: preview.path("businesses/Vu-Sua"))
            }),
        ]
        for (what, folders, relist, change) in edits {
            try change()
            _ = session.reload(folders: folders.union(relist ? ["vu-sua"] : []), relist: relist)
            try assertSame(session, preview, what)
        }
    }

    private func assertSame(_ session: CatalogSession, _ preview: RunningPreview, _ what: String,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let loaded = CatalogLoader(root: preview.content.path, workingDirectory: preview.root.path).load()
        let full = (loaded.diagnostics + Validator(catalog: loaded.catalog, today: testToday).run()).sortedForDisplay()
        func lines(_ d: [Diagnostic]) -> [String] {
            d.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.text(.en))" }.sorted()
        }
        XCTAssertEqual(lines(session.diagnostics), lines(full), what, file: file, line: line)
        XCTAssertEqual(session.catalog.businesses.map(\.slug), loaded.catalog.businesses.map(\.slug), what, file: file, line: line)
    }
}

/// The plan updated in place is the plan made afresh, and the update says when it cannot apply.
final class SitePlanUpdateTests: XCTestCase {
    private func order(_ plan: SitePlan) -> [String] {
        func slug(_ ref: SitePlan.ProductRef) -> String { plan.businesses[Int(ref.business)].slug(of: plan.product(ref)) }
        return plan.businesses.map { b in
            "\(b.slug)@\(b.folder):" + b.products.map { "\(b.slug(of: $0))#\($0.index)/\($0.published.date.map { "\($0)" } ?? "")" }.joined(separator: ",")
        }
            + plan.sectors.map { $0.sector.id.value + ":" + $0.businesses.map(String.init).joined(separator: ",") + "|"
                + $0.products.map { "\($0.business)/\(slug($0))" }.joined(separator: ",") }
            + ["newest:" + plan.newest.map { "\($0.business)/\(slug($0))" }.joined(separator: ",")]
    }

    private func plan(_ catalog: Catalog) -> SitePlan {
        SitePlan(catalog: catalog, outlines: SiteBuilder.outlines(of: catalog, today: testToday), includeDrafts: false, keepNames: true)
    }

    func testUpdatingEqualsPlanningAfresh() throws {
        let preview = try RunningPreview()
        func load() -> Catalog { CatalogLoader(root: preview.content.path, workingDirectory: preview.root.path).load().catalog }
        var plan = self.plan(load())
        let edits: [(String, () throws -> Void)] = [
            ("price", { try preview.edit(RebuildTests.product, replacing: "price: 85000", with: "price: 1000") }),
            ("name", { try preview.edit(RebuildTests.product, replacing: "name: Bánh phồng tôm đặc biệt", with: "name: Ăn vặt") }),
            ("date", { try preview.edit(RebuildTests.product, replacing: "published: 2026-03-15", with: "published: 2020-01-01") }),
            ("sector", { try preview.edit("businesses/htx-vu-sua-vinh-kim/products/vu-sua-lo-ren.md", replacing: "sector: trai-cay",
                                          with: "sector: thuc-pham-che-bien") }),
            ("business sector", { try preview.edit("businesses/htx-vu-sua-vinh-kim/index.md", replacing: "sector: trai-cay",
                                                   with: "sector: du-lich") }),
        ]
        for (what, edit) in edits {
            try edit()
            let catalog = load()
            let changed: Set<String> = ["banh-phong-sa-giang", "htx-vu-sua-vinh-kim"]
            let updated = try XCTUnwrap(SitePlan.updated(from: plan, catalog: catalog, changed: changed, includeDrafts: false,
                                                         today: testToday)?.plan, what)
            let fresh = self.plan(catalog)
            XCTAssertEqual(order(updated), order(fresh), what)
            XCTAssertEqual(updated.businesses, fresh.businesses, what)
            plan = updated
        }
        // A business that moves among the others, or appears: plan afresh.
        try preview.edit("businesses/htx-vu-sua-vinh-kim/index.md", replacing: "name: HTX Vú sữa", with: "name: A HTX Vú sữa")
        XCTAssertNil(SitePlan.updated(from: plan, catalog: load(), changed: ["htx-vu-sua-vinh-kim"], includeDrafts: false, today: testToday))
        try FileManager.default.copyItem(atPath: preview.path("businesses/htx-vu-sua-vinh-kim"), toPath: preview.path("businesses/zz-moi"))
        XCTAssertNil(SitePlan.updated(from: plan, catalog: load(), changed: ["zz-moi"], includeDrafts: false, today: testToday))
    }
}
