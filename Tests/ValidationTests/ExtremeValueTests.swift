@testable import Validation
import Catalog
import Diagnostics
import XCTest

/// The rules take the model as any caller builds it, so extreme values are reported, never a trap.
final class ExtremeValueTests: XCTestCase {
    let today = CivilDate(year: 2026, month: 11, day: 20)!

    func located<T>(_ value: T) -> Located<T> { Located(value, line: 2, column: 3) }

    func testExtremeNumbersInAProductAreReported() {
        var p = Product(slug: "p", businessSlug: "b", file: ContentFile(path: "/p.md", displayPath: "p.md"), folderDisplayPath: ".")
        p.name = located("P")
        p.price = located(.amount(.max))
        p.unit = located("kg")
        p.ocop = located(.min)
        p.ocopYear = located(.max)
        p.minOrder = located(.min)
        p.season = [located(.max), located(.min)]
        p.published = located(today)
        var report = Report()
        ProductRules(product: p, sectors: SectorResolver(sectors: []), today: today).check(into: &report)
        let codes = report.diagnostics.map(\.code)
        for code in ["ocop-stars", "ocop-year-in-future", "positive-number", "invalid-month"] {
            XCTAssertTrue(codes.contains(code), "\(code) in \(codes)")
        }
        XCTAssertEqual(OCOP.lastValidYear(recognisedIn: .max), .max)
        XCTAssertFalse(OCOP.isExpired(recognisedIn: .max, today: today))
        XCTAssertNil(p.ocopBadge(today: today))
    }

    func testNonFiniteCoordinatesAndYearsInABusinessAreReported() {
        var b = Business(slug: "b", file: ContentFile(path: "/b/index.md", displayPath: "b/index.md"), folderDisplayPath: "b")
        b.founded = located(.max)
        b.map = Coordinates(latitude: located(.nan), longitude: located(-.infinity))
        var report = Report()
        BusinessRules(business: b, sectors: SectorResolver(sectors: []), today: today).check(into: &report)
        let codes = report.diagnostics.map(\.code)
        XCTAssertEqual(codes.filter { $0 == "coordinate-out-of-range" }.count, 2, "\(codes)")
        XCTAssertTrue(codes.contains("year-out-of-range"), "\(codes)")
    }

    func testPerPageBelowOneIsReported() {
        var site = SiteSettings(file: ContentFile(path: "/site.yml", displayPath: "site.yml"))
        site.perPage = located(.min)
        var report = Report()
        SiteRules(site: site, sectors: [], sectorsFile: ContentFile(path: "/sectors.yml", displayPath: "sectors.yml")).check(into: &report)
        XCTAssertEqual(report.diagnostics.map(\.code), ["positive-number"])
    }
}
