import Catalog
import VietnameseText

/// What the plan needs of one business folder: whether and where its pages are listed, in what
/// order, and the dates of the sitemap — none of its text. `chonoi build` keeps only these for
/// the whole catalog and reads each entry again when it renders it (`BusinessEntries`), so its
/// memory does not grow with the entries' fields and descriptions (about 1.5 KB an entry).
public struct BusinessOutline: Equatable, Sendable {
    public let slug: String
    let sortKey: VietnameseCollation.SortKey
    /// Index into the catalog's sectors; nil when the entry names none that exists (an error
    /// the validator reports, so a build never sees it).
    let sector: Int?
    let draft: Bool
    let lastChange: CivilDate?
    /// In the entry's order (file names).
    let products: [ProductOutline]

    /// `today` decides which OCOP badges are still valid (the home page features those businesses).
    public init(_ business: Business, sectors: SectorLookup, today: CivilDate) {
        slug = business.slug
        sortKey = SitePlan.sortKey(of: business)
        sector = business.sector.flatMap { sectors.index(of: $0.value) }
        draft = business.draft
        lastChange = business.lastChange
        products = business.products.enumerated().map { ProductOutline($1, index: $0, sectors: sectors, today: today) }
    }
}

struct ProductOutline: Equatable, Sendable {
    let slug: String
    /// Where the product is in its entry's `products`.
    let index: Int
    let sortKey: VietnameseCollation.SortKey
    let sector: Int?
    let draft: Bool
    let published: CivilDate?
    let updated: CivilDate?
    /// The OCOP stars shown on `today`.
    let ocopBadge: Int?
    /// Bit n set for month n of the season (1–12).
    let seasonMonths: UInt16

    init(_ product: Product, index: Int, sectors: SectorLookup, today: CivilDate) {
        slug = product.slug
        self.index = index
        sortKey = VietnameseCollation.sortKey(product.name?.value ?? product.slug)
        sector = product.sector.flatMap { sectors.index(of: $0.value) }
        draft = product.draft
        published = product.published?.value
        updated = product.updated?.value
        ocopBadge = product.ocopBadge(today: today)
        var months: UInt16 = 0
        for month in product.season where (1...12).contains(month.value) { months |= 1 << UInt16(month.value) }
        seasonMonths = months
    }
}

/// A sector named by an entry, by its id or by its exact display name (`Catalog.sector(named:)`),
/// as an index into the catalog's sectors, without a linear search per entry.
public struct SectorLookup: Sendable {
    private var byID: [String: Int] = [:]
    private var byName: [String: Int] = [:]

    public init(_ sectors: [Sector]) {
        // The first sector with an id (or a name) wins, as `Catalog.sector(named:)` finds it.
        for (i, s) in sectors.enumerated() {
            if byID[s.id.value] == nil { byID[s.id.value] = i }
            if byName[s.name.value] == nil { byName[s.name.value] = i }
        }
    }

    func index(of reference: String) -> Int? { byID[reference] ?? byName[reference] }
}
