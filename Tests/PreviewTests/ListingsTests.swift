import Catalog
import Foundation
@testable import Site
import XCTest

/// The sitemap, feed, open data and search index of `chonoi serve` give way to the next save:
/// what is left when they stop, and that they are finished later.
final class ListingsTests: XCTestCase {
    private var root: URL!
    private var content: URL!
    private static let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-listings-\(UUID().uuidString)")
        content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let fixture = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/site", withExtension: nil))
        try FileManager.default.copyItem(at: fixture, to: content)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func load() -> Catalog { CatalogLoader(root: content.path, workingDirectory: root.path).load().catalog }

    private func builtSite() throws -> LiveSite {
        let site = LiveSite(options: SiteBuilder.Options(
            output: root.appendingPathComponent("site").path, themeFolder: nil,
            defaultThemeFolder: repositoryRoot.appendingPathComponent("themes/default").path,
            baseURL: "http://127.0.0.1:9/catalog/", includeDrafts: false, today: testToday, protectedFolders: [content.path]))
        _ = try site.build(load())
        return site
    }

    private func newPrice() throws {
        let path = content.appendingPathComponent(Self.product).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("price: 85000"))
        try text.replacingOccurrences(of: "price: 85000", with: "price: 91000").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The open data's products, where each price is listed.
    private func products(_ site: LiveSite) throws -> String {
        try String(contentsOfFile: site.output + "/du-lieu/san-pham.csv", encoding: .utf8)
    }

    private func hiddenFiles(_ site: LiveSite) throws -> [String] {
        try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: site.output)).filter {
            $0.split(separator: "/").contains { $0.hasPrefix(".") && $0 != ".chonoi-site" }
        }
    }

    func testListingsStopWhenAChangeWaitsAndFinishLater() throws {
        let site = try builtSite()
        XCTAssertTrue(try products(site).contains("85000"))
        var asked = 0
        XCTAssertTrue(try site.updateListings { asked += 1; return false })
        let points = asked
        XCTAssertGreaterThan(points, 4, "asked between files and pieces")

        try newPrice()
        _ = try site.update(load(), changed: ["banh-phong-sa-giang"])
        XCTAssertTrue(site.listingsAreStale)
        // Stopped at each point it is asked in turn: never a half-written file, and still to do.
        for stopAt in 1...points {
            var n = 0
            let finished = try site.updateListings { n += 1; return n >= stopAt }
            XCTAssertFalse(finished, "stopped at point \(stopAt)")
            XCTAssertTrue(site.listingsAreStale, "still to write after stopping at point \(stopAt)")
            XCTAssertEqual(try hiddenFiles(site), [], "nothing half-written is left (point \(stopAt))")
            let json = try String(contentsOfFile: site.output + "/du-lieu/san-pham.json", encoding: .utf8)
            XCTAssertEqual(json.contains("91000"), try products(site).contains("91000"),
                           "the export files are replaced together, never some of them (point \(stopAt))")
        }
        XCTAssertTrue(try site.updateListings())
        XCTAssertFalse(site.listingsAreStale)
        XCTAssertTrue(try products(site).contains("91000"), "finished later: the open data has the new price")
        XCTAssertFalse(try products(site).contains("85000"))
    }
}
