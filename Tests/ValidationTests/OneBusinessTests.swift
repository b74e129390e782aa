@testable import Validation
import Catalog
import Diagnostics
import XCTest

/// `chonoi build` checks each folder as it reads it (`Validator.OneBusiness`): that must say
/// exactly what `Validator.run()` says of a catalog of that business alone, less site.yml's and
/// sectors.yml's findings.
final class OneBusinessTests: XCTestCase {
    let today = CivilDate(year: 2026, month: 11, day: 20)!

    func located<T>(_ value: T) -> Located<T> { Located(value, line: 2, column: 3) }

    func testOneBusinessSaysWhatARunOnThatBusinessAloneSays() {
        var site = SiteSettings(file: ContentFile(path: "/c/site.yml", displayPath: "site.yml"))
        site.perPage = located(0)  // a finding about site.yml, left out of each business's
        let sectorsFile = ContentFile(path: "/c/sectors.yml", displayPath: "sectors.yml")
        let sectors = [Sector(id: located("nong-san"), name: located("Nông sản"), description: nil, order: 1)]

        var b = Business(slug: "Co_So", file: ContentFile(path: "/c/businesses/Co_So/index.md", displayPath: "businesses/Co_So/index.md"),
                         folderDisplayPath: "businesses/Co_So")
        b.founded = located(.max)
        b.sector = located("khong-co")
        for slug in ["in", "gao", "gao"] {
            var p = Product(slug: slug, businessSlug: b.slug, file: ContentFile(path: "/c/businesses/Co_So/\(slug).md", displayPath: "businesses/Co_So/\(slug).md"),
                            folderDisplayPath: "businesses/Co_So")
            p.price = located(.amount(-1))
            p.season = [located(13)]
            b.products.append(p)
        }
        var unread = Business(slug: "chua-doc", file: ContentFile(path: "/c/businesses/chua-doc/index.md", displayPath: "businesses/chua-doc/index.md"),
                              folderDisplayPath: "businesses/chua-doc")
        unread.wasRead = false

        let rules = Validator.OneBusiness(sectors: sectors, today: today)
        for business in [b, unread] {
            let alone = Catalog(root: "/c", site: site, sectorsFile: sectorsFile, sectors: sectors, businesses: [business])
            let expected = Validator(catalog: alone, today: today).run().filter { !["site.yml", "sectors.yml"].contains($0.location.file) }
            XCTAssertEqual(rules.check(business), expected)
        }
        XCTAssertGreaterThan(rules.check(b).count, 4, "the fixture breaks several rules")
    }
}
