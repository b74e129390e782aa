import Catalog
import VietnameseText

/// What the site will show: published entries resolved to their sectors and sorted the way
/// buyers read them, computed once before any page is rendered.
struct SitePlan {
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
        let sortKey: VietnameseCollation.SortKey
    }

    struct SectorListing {
        let sector: Sector
        /// Indexes into `businesses`, A–Z.
        let businesses: [Int]
        /// Products of the sector, A–Z.
        let products: [ProductListing]
        var entryCount: Int { businesses.count + products.count }
    }

    let businesses: [Listing]
    let sectors: [SectorListing]
    /// All published products, newest first (ties by name, then address, so order is total).
    let newest: [ProductListing]
    let perPage: Int

    /// How a sector's entries fall into pages.
    func pagination(of sector: SectorListing) -> Pagination {
        Pagination(businessCount: sector.businesses.count, productCount: sector.products.count, perPage: perPage)
    }

    static func perPage(of catalog: Catalog) -> Int {
        max(1, catalog.site.perPage?.value ?? SiteSettings.defaultPerPage)
    }

    init(catalog: Catalog, includeDrafts: Bool) {
        perPage = Self.perPage(of: catalog)
        var listings: [Listing] = []
        for business in catalog.businesses where includeDrafts || !business.draft {
            guard let sector = business.sector.flatMap({ catalog.sector(named: $0.value) }) else { continue }
            let index = listings.count
            let products = business.products.compactMap { product -> ProductListing? in
                guard includeDrafts || !product.draft,
                      let sector = product.sector.flatMap({ catalog.sector(named: $0.value) }) else { return nil }
                return ProductListing(product: product, sector: sector, businessIndex: index,
                                      sortKey: VietnameseCollation.sortKey(product.name?.value ?? product.slug))
            }
            listings.append(Listing(business: business, sector: sector, products: products.sorted(by: Self.alphabetical)))
        }
        // Businesses A–Z by name; the folder name breaks ties so the order never depends on input order.
        let businessKeys = listings.map { Self.sortKey(of: $0.business) }
        let order = listings.indices.sorted { a, b in
            Self.businessOrder(businessKeys[a], listings[a].business.slug, businessKeys[b], listings[b].business.slug)
        }
        var remap = [Int](repeating: 0, count: listings.count)
        for (newIndex, old) in order.enumerated() { remap[old] = newIndex }
        let sortedListings = order.map { old in
            let l = listings[old]
            return Listing(business: l.business, sector: l.sector, products: l.products.map {
                ProductListing(product: $0.product, sector: $0.sector, businessIndex: remap[old], sortKey: $0.sortKey)
            })
        }
        businesses = sortedListings

        let allProducts = sortedListings.flatMap(\.products)
        sectors = catalog.sectors.map { sector in
            let id = sector.id.value
            return SectorListing(
                sector: sector,
                businesses: sortedListings.indices.filter { sortedListings[$0].sector.id.value == id },
                products: allProducts.filter { $0.sector.id.value == id }.sorted(by: Self.alphabetical)
            )
        }
        newest = allProducts.sorted(by: Self.newerFirst)
    }

    // MARK: - Orders (also used by `updated(from:…)` to keep lists sorted)

    static func sortKey(of business: Business) -> VietnameseCollation.SortKey {
        VietnameseCollation.sortKey(business.name?.value ?? business.slug)
    }

    /// Businesses: A–Z by name in Vietnamese order, then by folder name.
    static func businessOrder(_ ka: VietnameseCollation.SortKey, _ a: String, _ kb: VietnameseCollation.SortKey, _ b: String) -> Bool {
        ka != kb ? ka < kb : a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func businessOrder(_ a: Business, _ b: Business) -> Bool {
        businessOrder(sortKey(of: a), a.slug, sortKey(of: b), b.slug)
    }

    /// Products, newest first (by `published`), then A–Z.
    static func newerFirst(_ a: ProductListing, _ b: ProductListing) -> Bool {
        let da = a.product.published?.value, db = b.product.published?.value
        if da != db, let da, let db { return da > db }
        return alphabetical(a, b)
    }

    /// Products A–Z by name in Vietnamese order, then by address.
    static func alphabetical(_ a: ProductListing, _ b: ProductListing) -> Bool {
        if a.sortKey != b.sortKey { return a.sortKey < b.sortKey }
        return (a.product.businessSlug + "/" + a.product.slug).utf8.lexicographicallyPrecedes((b.product.businessSlug + "/" + b.product.slug).utf8)
    }

    var productCount: Int { businesses.reduce(0) { $0 + $1.products.count } }
}
