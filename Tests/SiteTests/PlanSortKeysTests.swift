import Catalog
import Foundation
@testable import Site
import XCTest

/// A sector of more than 4,096 products has its sort keys made on every core
/// (`SitePlan.sortItems`): they must be the keys made one after another, in the same order.
final class PlanSortKeysTests: XCTestCase {
    func testSortKeysMadeInParallelAreTheKeysMadeInTurn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-sortkeys-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        let products = root + "/content/businesses/vuon-a/products"
        try FileManager.default.createDirectory(atPath: products, withIntermediateDirectories: true)
        try "title: Chợ thử\nbase_url: https://example.org/\nlanguage: vi\n".write(toFile: root + "/content/site.yml", atomically: false, encoding: .utf8)
        try "- id: trai-cay\n  name: Trái cây\n".write(toFile: root + "/content/sectors.yml", atomically: false, encoding: .utf8)
        try "---\nname: Vườn A\nsector: trai-cay\nkind: ho-kinh-doanh\nrepresentative: Lê Văn A\nphone: \"0273 3 812 345\"\n---\n"
            .write(toFile: root + "/content/businesses/vuon-a/index.md", atomically: false, encoding: .utf8)
        // Names that differ in letters, tones and case, so the keys do not come out in file order.
        let words = ["Xoài", "xoài", "Bưởi", "Bười", "Chôm chôm", "Đu đủ", "Dừa", "Ổi", "Cam", "Cám", "Cạm", "Ca"]
        for i in 0..<4_200 {
            let name = "\(words[(i * 7) % words.count]) \(words[(i * 5) % words.count]) \(4_200 - i)"
            try "---\nname: \(name)\nsector: trai-cay\nprice: 1000\nunit: kg\npublished: 2026-01-10\n---\n"
                .write(toFile: products + "/p\(i).md", atomically: false, encoding: .utf8)
        }
        let catalog = CatalogLoader(root: root + "/content", workingDirectory: root).load().catalog
        let today = CivilDate(year: 2026, month: 11, day: 20)!
        let plan = SitePlan(catalog: catalog, outlines: SiteBuilder.outlines(of: catalog, today: today), includeDrafts: false, keepNames: true)
        let refs = try XCTUnwrap(plan.sectors.first?.products)
        XCTAssertEqual(refs.count, 4_200)
        let shuffled = refs.shuffled()
        let inParallel = SitePlan.sortItems(shuffled, in: plan.businesses)
        let inTurn = shuffled.map { SitePlan.sortItem($0, in: plan.businesses) }
        XCTAssertEqual(inParallel.count, inTurn.count)
        XCTAssertTrue(zip(inParallel, inTurn).allSatisfy { $0.key == $1.key && $0.business == $1.business && $0.product == $1.product })
        // And the sector's list is in that order.
        let keys = refs.map { SitePlan.sortItem($0, in: plan.businesses) }
        XCTAssertTrue(zip(keys, keys.dropFirst()).allSatisfy { SitePlan.alphabetical($0, $1) })
    }
}
