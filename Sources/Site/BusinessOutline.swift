import Catalog
import VietnameseText

/// What the plan needs of one business folder: whether and where its pages are listed, in what
/// order, and the dates of the sitemap — none of its text. `chonoi build` keeps only these for
/// the whole catalog and reads each entry again when it renders it (`BusinessEntries`), so its
/// memory does not grow with the entries' fields and descriptions (about 1.5 KB an entry).
///
/// Kept small (about 60 bytes a product, with its slug): numbers are as narrow as they can be,
/// dates packed, and the sort keys (over 100 bytes each) are let go once the plan is sorted
/// (`SitePlan.init`), a hash of each staying to check an entry read again.
public struct BusinessOutline: Equatable, Sendable {
    public let slug: String
    /// Emptied once the plan is sorted, unless the plan is kept for updates.
    var sortKey: VietnameseCollation.SortKey
    let sortKeyHash: UInt64
    /// Index into the catalog's sectors; −1 when the entry names none that exists (an error
    /// the validator reports, so a build never sees it).
    let sector: Int32
    let draft: Bool
    let lastChange: PackedDate
    /// A–Z (`SitePlan.alphabetical`).
    var products: [ProductOutline]

    /// `today` decides which OCOP badges are still valid (the home page features those businesses).
    public init(_ business: Business, sectors: SectorLookup, today: CivilDate) {
        slug = business.slug
        sortKey = SitePlan.sortKey(of: business)
        sortKeyHash = SitePlan.hash(sortKey)
        sector = business.sector.flatMap { sectors.index(of: $0.value) }.map(Int32.init) ?? -1
        draft = business.draft
        lastChange = PackedDate(business.lastChange)
        let slug = self.slug
        products = business.products.enumerated().map { ProductOutline($1, index: $0, sectors: sectors, today: today) }
            .sorted { SitePlan.alphabetical($0, slug, $1, slug) }
    }

    /// Everything but the sort key itself, which `sortKeyHash` stands for.
    public static func == (a: BusinessOutline, b: BusinessOutline) -> Bool {
        a.slug == b.slug && a.sortKeyHash == b.sortKeyHash && a.sector == b.sector && a.draft == b.draft
            && a.lastChange == b.lastChange && a.products == b.products
    }
}

struct ProductOutline: Equatable, Sendable {
    let slug: String
    /// Where the product is in its entry's `products`.
    let index: Int32
    /// Emptied with the business's (see `BusinessOutline.sortKey`).
    var sortKey: VietnameseCollation.SortKey
    let sortKeyHash: UInt64
    /// −1 when unresolved.
    let sector: Int32
    let draft: Bool
    let published: PackedDate
    let updated: PackedDate
    /// The OCOP stars shown on `today`; 0 for none.
    let ocopStars: UInt8
    /// Bit n set for month n of the season (1–12).
    let seasonMonths: UInt16

    init(_ product: Product, index: Int, sectors: SectorLookup, today: CivilDate) {
        slug = product.slug
        self.index = Int32(index)
        sortKey = VietnameseCollation.sortKey(product.name?.value ?? product.slug)
        sortKeyHash = SitePlan.hash(sortKey)
        sector = product.sector.flatMap { sectors.index(of: $0.value) }.map(Int32.init) ?? -1
        draft = product.draft
        published = PackedDate(product.published?.value)
        updated = PackedDate(product.updated?.value)
        ocopStars = product.ocopBadge(today: today).map { UInt8(clamping: $0) } ?? 0
        var months: UInt16 = 0
        for month in product.season where (1...12).contains(month.value) { months |= 1 << UInt16(month.value) }
        seasonMonths = months
    }

    /// The OCOP stars shown, if any.
    var ocopBadge: Int? { ocopStars == 0 ? nil : Int(ocopStars) }

    /// The day the sitemap and the feed give for its last change.
    var lastChange: CivilDate? { updated.date ?? published.date }

    func isInSeason(month: Int) -> Bool { (1...12).contains(month) && seasonMonths & (1 << UInt16(month)) != 0 }

    /// Everything but the sort key itself, which `sortKeyHash` stands for.
    static func == (a: ProductOutline, b: ProductOutline) -> Bool {
        a.slug == b.slug && a.index == b.index && a.sortKeyHash == b.sortKeyHash && a.sector == b.sector && a.draft == b.draft
            && a.published == b.published && a.updated == b.updated && a.ocopStars == b.ocopStars && a.seasonMonths == b.seasonMonths
    }
}

/// A day in four bytes (`yyyymmdd`; 0 for none), for the hundreds of thousands the plan keeps.
struct PackedDate: Equatable, Comparable, Sendable {
    private let value: UInt32

    init(_ date: CivilDate?) {
        value = date.map { UInt32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? 0
    }

    var isKnown: Bool { value != 0 }

    var date: CivilDate? {
        value == 0 ? nil : CivilDate(year: Int(value / 10_000), month: Int(value / 100 % 100), day: Int(value % 100))
    }

    static func < (a: PackedDate, b: PackedDate) -> Bool { a.value < b.value }
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
