import Catalog
import Fingerprint
import VietnameseText

/// What the site will show: published entries resolved to their sectors and sorted the way
/// buyers read them, computed once before any page is rendered.
///
/// It holds the businesses' outlines only (`BusinessOutline`), never the entries: a business's
/// pages are rendered from its full entry (`listing(_:entry:)`), read when it is rendered, and
/// lists elsewhere refer to products by position (`ProductRef`) instead of copying them, so the
/// plan of a 50,000-business catalog stays a few tens of megabytes.
struct SitePlan {
    /// A published business, with its published products A–Z.
    struct PlannedBusiness: Equatable {
        /// Where its entry is in the catalog (folder order), for `BusinessEntries`.
        var folder: Int
        var outline: BusinessOutline

        var slug: String { outline.slug }
        var sector: Int { Int(outline.sector) }
        var lastChange: CivilDate? { outline.lastChange.date }
        var products: [PlannedProduct] { outline.products }
    }

    /// A published product: its outline, whose sector is known.
    typealias PlannedProduct = ProductOutline

    /// A product of the plan: `businesses[business].products[product]`.
    struct ProductRef: Hashable {
        let business: Int32
        let product: Int32

        init(business: Int, product: Int) {
            self.business = Int32(business)
            self.product = Int32(product)
        }
    }

    struct SectorListing {
        let sector: Sector
        /// Indexes into `businesses`, A–Z.
        let businesses: [Int]
        /// Products of the sector, A–Z.
        let products: [ProductRef]
        var entryCount: Int { businesses.count + products.count }
    }

    /// A business as its pages are rendered: its full entry, with the plan's order of its products.
    struct Listing {
        let business: Business
        let sector: Sector
        /// Published products, in Vietnamese alphabetical order.
        let products: [ProductListing]
    }

    struct ProductListing {
        let product: Product
        let sector: Sector
        let businessIndex: Int
    }

    /// The catalog's sectors, in `sectors.yml` order.
    let sectorList: [Sector]
    let businesses: [PlannedBusiness]
    let sectors: [SectorListing]
    /// All published products, newest first (ties by name, then address, so order is total).
    let newest: [ProductRef]
    let perPage: Int
    /// Whether the sort keys were kept, for `updated(from:…)`.
    let keepsSortKeys: Bool

    func product(_ ref: ProductRef) -> PlannedProduct { businesses[Int(ref.business)].outline.products[Int(ref.product)] }

    /// How a sector's entries fall into pages.
    func pagination(of sector: SectorListing) -> Pagination {
        Pagination(businessCount: sector.businesses.count, productCount: sector.products.count, perPage: perPage)
    }

    static func perPage(of catalog: Catalog) -> Int {
        max(1, catalog.site.perPage?.value ?? SiteSettings.defaultPerPage)
    }

    var productCount: Int { businesses.reduce(0) { $0 + $1.products.count } }

    /// The business at `index` with `entry`, its full entry (the one its outline was made from).
    func listing(_ index: Int, entry: Business) -> Listing {
        let planned = businesses[index]
        return Listing(business: entry, sector: sectorList[planned.sector], products: planned.products.map {
            ProductListing(product: entry.products[Int($0.index)], sector: sectorList[Int($0.sector)], businessIndex: index)
        })
    }

    /// The plan of a whole catalog, whose businesses are described by `outlines` (in folder
    /// order; consumed, the plan keeps what it needs of them). Unless `keepSortKeys` (a plan
    /// that `updated(from:…)` will change), the sort keys are let go once everything is sorted.
    init(catalog: Catalog, outlines: consuming [BusinessOutline], includeDrafts: Bool, keepSortKeys: Bool) {
        perPage = Self.perPage(of: catalog)
        keepsSortKeys = keepSortKeys
        let sectorList = catalog.sectors
        self.sectorList = sectorList
        var listings: [PlannedBusiness] = []
        // Taken from the end, so each outline that is not published is let go at once.
        var folder = outlines.count
        while let outline = outlines.popLast() {
            folder -= 1
            if let planned = Self.planned(outline, folder: folder, includeDrafts: includeDrafts) { listings.append(planned) }
        }
        // Businesses A–Z by name; the folder name breaks ties so the order never depends on input order.
        var businesses = listings.sorted(by: Self.businessOrder)
        listings = []
        let slugs = businesses.map(\.slug)
        var byProductSector = [[ProductRef]](repeating: [], count: sectorList.count)
        var byBusinessSector = [[Int]](repeating: [], count: sectorList.count)
        var all: [ProductRef] = []
        all.reserveCapacity(businesses.reduce(0) { $0 + $1.products.count })
        for (b, listing) in businesses.enumerated() {
            byBusinessSector[listing.sector].append(b)
            for (p, product) in listing.products.enumerated() {
                let ref = ProductRef(business: b, product: p)
                byProductSector[Int(product.sector)].append(ref)
                all.append(ref)
            }
        }
        let sorted = businesses
        func product(_ ref: ProductRef) -> PlannedProduct { sorted[Int(ref.business)].outline.products[Int(ref.product)] }
        func alphabetical(_ a: ProductRef, _ b: ProductRef) -> Bool {
            Self.alphabetical(product(a), slugs[Int(a.business)], product(b), slugs[Int(b.business)])
        }
        sectors = sectorList.indices.map { s in
            SectorListing(sector: sectorList[s], businesses: byBusinessSector[s], products: byProductSector[s].sorted(by: alphabetical))
        }
        newest = all.sorted { a, b in Self.newerFirst(product(a), slugs[Int(a.business)], product(b), slugs[Int(b.business)]) }
        if !keepSortKeys {
            for b in businesses.indices { businesses[b].outline.forgetSortKeys() }
        }
        self.businesses = businesses
    }

    /// A business as the plan lists it, or nil when it is not published (a draft, unless drafts
    /// are wanted, or without a sector): its outline without the products not published. Also
    /// how a business read again is checked against the plan (`isPlanned(_:at:)`).
    static func planned(_ outline: consuming BusinessOutline, folder: Int, includeDrafts: Bool) -> PlannedBusiness? {
        guard includeDrafts || !outline.draft, outline.sector >= 0 else { return nil }
        if !outline.products.allSatisfy({ (includeDrafts || !$0.draft) && $0.sector >= 0 }) {
            outline.products.removeAll { !(includeDrafts || !$0.draft) || $0.sector < 0 }
        }
        return PlannedBusiness(folder: folder, outline: outline)
    }

    /// Whether `outline` (of an entry read again to render it) is what the plan has at `index`:
    /// the same products, names, sectors and dates. When a file changed since the plan was made,
    /// rendering it would put pages out of step with the lists that link them.
    func isPlanned(_ outline: BusinessOutline, at index: Int, includeDrafts: Bool) -> Bool {
        Self.planned(outline, folder: businesses[index].folder, includeDrafts: includeDrafts) == businesses[index]
    }

    // MARK: - Orders (also used by `updated(from:…)` to keep lists sorted)

    static func sortKey(of business: Business) -> VietnameseCollation.SortKey {
        VietnameseCollation.sortKey(business.name?.value ?? business.slug)
    }

    static func hash(_ key: VietnameseCollation.SortKey) -> UInt64 {
        var h = FNV1a()
        h.add(key.bytes)
        return h.value
    }

    /// Businesses: A–Z by name in Vietnamese order, then by folder name.
    static func businessOrder(_ ka: VietnameseCollation.SortKey, _ a: String, _ kb: VietnameseCollation.SortKey, _ b: String) -> Bool {
        ka != kb ? ka < kb : a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func businessOrder(_ a: PlannedBusiness, _ b: PlannedBusiness) -> Bool {
        businessOrder(a.outline.sortKey, a.slug, b.outline.sortKey, b.slug)
    }

    /// Products, newest first (by `published`), then A–Z.
    static func newerFirst(_ a: PlannedProduct, _ businessA: String, _ b: PlannedProduct, _ businessB: String) -> Bool {
        let da = a.published, db = b.published
        if da != db, da.isKnown, db.isKnown { return da > db }
        return alphabetical(a, businessA, b, businessB)
    }

    /// Products A–Z by name in Vietnamese order, then by address (`<business>/<product>`).
    static func alphabetical(_ a: PlannedProduct, _ businessA: String, _ b: PlannedProduct, _ businessB: String) -> Bool {
        if a.sortKey != b.sortKey { return a.sortKey < b.sortKey }
        let slash = "/".utf8
        return [businessA.utf8, slash, a.slug.utf8].joined().lexicographicallyPrecedes([businessB.utf8, slash, b.slug.utf8].joined())
    }
}

extension BusinessOutline {
    /// One key shared by all that were let go.
    private static let forgotten = VietnameseCollation.sortKey("")

    /// Lets the sort keys go (see `SitePlan.init`); `sortKeyHash` stays.
    mutating func forgetSortKeys() {
        sortKey = Self.forgotten
        for p in products.indices { products[p].sortKey = Self.forgotten }
    }
}
