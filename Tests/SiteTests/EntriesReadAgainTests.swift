import Catalog
import Foundation
@testable import Site
import XCTest

/// `chonoi build` plans from the entries' outlines and reads each entry again to render it
/// (`BusinessEntries.readsAgain`): an entry that no longer plans the same fails the build, and
/// the previous site stays.
final class EntriesReadAgainTests: XCTestCase {
    /// The catalog's entries, each changed by `edit` as if its file had been saved meanwhile.
    struct Edited: BusinessEntries {
        let catalog: Catalog
        let edit: @Sendable (inout Business) -> Void
        func entry(_ folder: Int) -> Business {
            var business = catalog.businesses[folder]
            edit(&business)
            return business
        }
        var readsAgain: Bool { true }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let today = CivilDate(year: 2026, month: 11, day: 20)!

    private func content() throws -> (catalog: Catalog, options: SiteBuilder.Options) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-reread-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "site.yml": "title: Chợ thử\nbase_url: https://example.org/cho/\nlanguage: vi\n",
            "sectors.yml": "- id: trai-cay\n  name: Trái cây\n",
            "businesses/vuon-a/index.md": "---\nname: Vườn A\nsector: trai-cay\nkind: ho-kinh-doanh\nrepresentative: Lê Văn A\n"
                + "phone: \"0273 3 812 345\"\naddress: { ward: Xã Tân Phước, province: Đồng Tháp }\n---\nVườn xoài.\n",
            "businesses/vuon-a/products/xoai.md": "---\nname: Xoài cát\nsector: trai-cay\nprice: 50000\nunit: kg\npublished: 2026-01-10\n---\nNgọt.\n",
            "businesses/vuon-a/products/buoi.md": "---\nname: Bưởi\nsector: trai-cay\nprice: 30000\nunit: trái\npublished: 2026-02-10\n---\nThơm.\n",
        ]
        for (path, text) in files {
            let full = root + "/content/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        let loaded = CatalogLoader(root: root + "/content", workingDirectory: root).load()
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.count, 0)
        var options = SiteBuilder.Options(output: root + "/public", themeFolder: nil,
                                          defaultThemeFolder: Self.repository.appendingPathComponent("themes/default").path, baseURL: nil,
                                          includeDrafts: false, today: Self.today, protectedFolders: [root + "/content"])
        options.imageCache = root + "/cache"
        return (loaded.catalog, options)
    }

    private func build(_ catalog: Catalog, _ options: SiteBuilder.Options, edit: @escaping @Sendable (inout Business) -> Void) throws {
        _ = try SiteBuilder.build(catalog, outlines: SiteBuilder.outlines(of: catalog, today: options.today),
                                  entries: Edited(catalog: catalog, edit: edit), options: options)
    }

    private func page(_ options: SiteBuilder.Options, _ path: String) throws -> String {
        try String(contentsOfFile: options.output + "/" + path, encoding: .utf8)
    }

    func testEntriesReadAgainUnchangedGiveTheSiteOfTheCatalog() throws {
        let (catalog, options) = try content()
        _ = try SiteBuilder.build(catalog, options: options)
        let before = try page(options, "co-so/vuon-a/xoai/index.html")
        try build(catalog, options) { _ in }
        XCTAssertEqual(try page(options, "co-so/vuon-a/xoai/index.html"), before)
    }

    func testAnEntryThatNoLongerPlansTheSameFailsTheBuildAndTheSiteStays() throws {
        let (catalog, options) = try content()
        _ = try SiteBuilder.build(catalog, options: options)
        let before = try page(options, "linh-vuc/trai-cay/index.html")
        let changes: [(String, @Sendable (inout Business) -> Void)] = [
            ("renamed", { $0.products[0].name = Located("Ổi", line: 2, column: 7) }),
            ("another date", { $0.products[1].published = Located(CivilDate(year: 2020, month: 1, day: 1)!, line: 6, column: 12) }),
            ("now a draft", { $0.products[1].draft = true }),
            ("a product more", { $0.products.append($0.products[0]) }),
            ("business renamed", { $0.name = Located("Vườn Z", line: 2, column: 7) }),
        ]
        for (what, change) in changes {
            XCTAssertThrowsError(try build(catalog, options, edit: change), what) { error in
                XCTAssertTrue("\(error)".contains("changed while the site was being built"), "\(what): \(error)")
            }
            XCTAssertEqual(try page(options, "linh-vuc/trai-cay/index.html"), before, what)
        }
    }

    /// What the plan does not hold (a phone number, a description) may change: the page shows it.
    func testAChangeThatMovesNothingIsRendered() throws {
        let (catalog, options) = try content()
        try build(catalog, options) { $0.phone = Located("0273 3 812 999", line: 4, column: 8) }
        XCTAssertTrue(try page(options, "co-so/vuon-a/index.html").contains("812 999"))
    }
}
