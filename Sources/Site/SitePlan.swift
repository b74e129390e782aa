import Catalog
import Dispatch
import Platform
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
        func slug(of p: PlannedProduct) -> String { outline.slug(of: p) }
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
    /// Whether the names and product slugs were kept (`init`'s `keepNames`).
    let keepsNames: Bool

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
    /// order; consumed: the plan keeps them). Unless `keepNames` (for `updated(from:…)`, which
    /// sorts the changed businesses among the others, and for `SiteFiles.sitemap(plan:urls:)`),
    /// the names and product slugs are let go once sorted (`BusinessOutline.forgetText`).
    init(catalog: Catalog, outlines: consuming [BusinessOutline], includeDrafts: Bool, keepNames: Bool) {
        perPage = Self.perPage(of: catalog)
        keepsNames = keepNames
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
        let keys = listings.map { VietnameseCollation.sortKey($0.outline.name) }
        let order = listings.indices.sorted { Self.businessOrder(keys[$0], listings[$0].slug, keys[$1], listings[$1].slug) }
        var businesses = order.map { listings[$0] }
        listings = []

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
        // One sector at a time, so that only its products' sort keys are held (made on every
        // core for a large sector, `sortItems`).
        sectors = sectorList.indices.map { s in
            SectorListing(sector: sectorList[s], businesses: byBusinessSector[s],
                          products: Self.alphabetically(byProductSector[s], in: businesses))
        }
        newest = Self.newestFirst(all, in: businesses)
        if !keepNames {
            for b in businesses.indices { businesses[b].outline.forgetText() }
        }
        self.businesses = businesses
    }

    /// A business as the plan lists it, or nil when it is not published (a draft, unless drafts
    /// are wanted, or without a sector): its outline without the products not published. Also
    /// how a business read again is checked against the plan (`isPlanned(_:at:)`).
    static func planned(_ outline: BusinessOutline, folder: Int, includeDrafts: Bool) -> PlannedBusiness? {
        guard includeDrafts || !outline.draft, outline.sector >= 0 else { return nil }
        let shown = { (p: ProductOutline) in (includeDrafts || !p.draft) && p.sector >= 0 }
        return PlannedBusiness(folder: folder, outline: outline.products.allSatisfy(shown) ? outline : outline.filter(shown))
    }

    /// Whether `outline` (of an entry read again to render it) is what the plan has at `index`:
    /// the same products, names, sectors and dates. When a file changed since the plan was made,
    /// rendering it would put pages out of step with the lists that link them.
    /// `outline` may keep its products in the entry's order (`BusinessOutline.init`'s
    /// `sortingProducts`): the plan's are then put in that order to compare them. Outlines with
    /// the same names and slugs (their text hashes are equal) sort their products the same.
    func isPlanned(_ outline: BusinessOutline, at index: Int, includeDrafts: Bool) -> Bool {
        var expected = businesses[index]
        expected.outline.products.sort { $0.index < $1.index }
        var found = Self.planned(outline, folder: expected.folder, includeDrafts: includeDrafts)
        found?.outline.products.sort { $0.index < $1.index }
        return found == expected
    }

    // MARK: - Orders (also used by `updated(from:…)` to keep lists sorted)

    /// A product as the orders compare it: its name's sort key, then its address.
    typealias SortItem = (key: VietnameseCollation.SortKey, business: String, product: String)

    static func sortItem(_ ref: ProductRef, in businesses: [PlannedBusiness]) -> SortItem {
        let b = businesses[Int(ref.business)], p = b.outline.products[Int(ref.product)]
        return (VietnameseCollation.sortKey(b.outline.name(of: p)), b.slug, b.outline.slug(of: p))
    }

    /// Businesses: A–Z by name in Vietnamese order, then by folder name.
    static func businessOrder(_ ka: VietnameseCollation.SortKey, _ a: String, _ kb: VietnameseCollation.SortKey, _ b: String) -> Bool {
        ka != kb ? ka < kb : a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Products A–Z by name in Vietnamese order, then by address (`<business>/<product>`).
    static func alphabetical(_ a: SortItem, _ b: SortItem) -> Bool {
        if a.key != b.key { return a.key < b.key }
        let slash = "/".utf8
        return [a.business.utf8, slash, a.product.utf8].joined().lexicographicallyPrecedes([b.business.utf8, slash, b.product.utf8].joined())
    }

    /// Products, newest first (by `published`), then A–Z.
    static func newerFirst(_ a: (date: PackedDate, item: SortItem), _ b: (date: PackedDate, item: SortItem)) -> Bool {
        if a.date != b.date, a.date.isKnown, b.date.isKnown { return a.date > b.date }
        return alphabetical(a.item, b.item)
    }

    /// `refs` A–Z, with the sort keys of these products only.
    static func alphabetically(_ refs: [ProductRef], in businesses: [PlannedBusiness]) -> [ProductRef] {
        if refs.count < 2 { return refs }
        let items = sortItems(refs, in: businesses)
        return refs.indices.sorted { alphabetical(items[$0], items[$1]) }.map { refs[$0] }
    }

    /// The sort keys of `refs`, made on every core for a long list: a large sector's products
    /// are most of the plan's time, which the build otherwise spends on one core.
    static func sortItems(_ refs: [ProductRef], in businesses: [PlannedBusiness]) -> [SortItem] {
        guard refs.count >= 4_096 else { return refs.map { sortItem($0, in: businesses) } }
        let chunk = 1_024
        var parts = [[SortItem]](repeating: [], count: (refs.count + chunk - 1) / chunk)
        parts.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: slots.base.count) { i in
                slots.base[i] = refs[i * chunk..<min(refs.count, (i + 1) * chunk)].map { sortItem($0, in: businesses) }
            }
        }
        return Array(parts.joined())
    }

    /// `refs` newest first: by day, then each day's products A–Z, with the sort keys of one
    /// day's products at a time. (Were a day unknown, which validation does not let through,
    /// the order would not fall into days: then all of them are sorted at once.)
    static func newestFirst(_ refs: [ProductRef], in businesses: [PlannedBusiness]) -> [ProductRef] {
        func date(_ ref: ProductRef) -> PackedDate { businesses[Int(ref.business)].outline.products[Int(ref.product)].published }
        guard refs.allSatisfy({ date($0).isKnown }) else {
            let items = refs.map { (date($0), sortItem($0, in: businesses)) }
            return refs.indices.sorted { newerFirst(items[$0], items[$1]) }.map { refs[$0] }
        }
        let byDay = refs.sorted { date($0) > date($1) }
        var days: [Range<Int>] = []
        var start = 0
        while start < byDay.count {
            var end = start + 1
            while end < byDay.count && date(byDay[end]) == date(byDay[start]) { end += 1 }
            days.append(start..<end)
            start = end
        }
        // Days sorted on every core, a few at a time (each holds its own keys only).
        return Array(Slots<[ProductRef]>.map(days.count) { alphabetically(Array(byDay[days[$0]]), in: businesses) }.joined())
    }
}
