import Catalog
import VietnameseText

/// Updating a plan after a few businesses changed, for `chonoi serve`: instead of computing
/// 60,000 sort keys and sorting everything again (about a second and a half at 10,000
/// businesses), the changed businesses' listings are replaced in place and their products
/// moved to their new places in the sector lists and the newest-first list by binary search.
///
/// It applies when every changed business keeps its place among the businesses (it is still
/// published and its name still sorts between the same neighbours): the usual edit of a
/// product or of a business's details. Otherwise it returns nil and the caller plans afresh.
/// It also says which sectors' pages may show something new.
/// The plan is exactly `SitePlan(catalog:includeDrafts:)` (PreviewTests compares the sites
/// built both ways); the orders below must stay those of `SitePlan.init`.
extension SitePlan {
    ///
    /// `old` is consumed so its arrays can be changed in place: the caller must hold no other
    /// copy of it (copying 50,000 product listings is what this saves).
    static func updated(from old: consuming SitePlan, catalog: Catalog, changed: Set<String>,
                        includeDrafts: Bool) -> (plan: SitePlan, touchedSectors: Set<String>)? {
        let perPage = Self.perPage(of: catalog)
        guard perPage == old.perPage, catalog.sectors.count == old.sectors.count else { return nil }
        if changed.isEmpty { return (old, []) }
        // Where each changed business was, and what it is now.
        var oldIndex: [String: Int] = [:]
        // Loops go by index: a listing holds a whole Business, and copying 10,000 of them shows.
        for i in old.businesses.indices where changed.contains(old.businesses[i].business.slug) {
            oldIndex[old.businesses[i].business.slug] = i
        }
        var fresh: [Int: Listing] = [:]
        for b in catalog.businesses.indices where changed.contains(catalog.businesses[b].slug) {
            let business = catalog.businesses[b]
            guard let index = oldIndex[business.slug] else { return nil } // new, or newly published
            guard includeDrafts || !business.draft,
                  let sector = business.sector.flatMap({ catalog.sector(named: $0.value) }) else { return nil } // now hidden
            let products = business.products.compactMap { product -> ProductListing? in
                guard includeDrafts || !product.draft,
                      let sector = product.sector.flatMap({ catalog.sector(named: $0.value) }) else { return nil }
                return ProductListing(product: product, sector: sector, businessIndex: index,
                                      sortKey: VietnameseCollation.sortKey(product.name?.value ?? product.slug))
            }
            fresh[index] = Listing(business: business, sector: sector, products: products.sorted(by: Self.alphabetical))
        }
        guard fresh.count == oldIndex.count else { return nil } // a changed business was removed
        // `published` is required, so newest-first is a total order and binary search finds
        // the place a full sort gives; without a date, plan afresh.
        guard fresh.values.allSatisfy({ $0.products.allSatisfy { $0.product.published != nil } }) else { return nil }

        var previous: [Int: Listing] = [:]
        for i in fresh.keys { previous[i] = old.businesses[i] }
        var businesses = old.businesses
        var sectors = old.sectors
        var newest = old.newest
        _ = consume old // the arrays above are now the only references to their storage

        // Each changed business must still sort between its neighbours.
        for (i, listing) in fresh { businesses[i] = listing }
        for i in fresh.keys {
            if i > 0, !Self.businessOrder(businesses[i - 1].business, businesses[i].business) { return nil }
            if i + 1 < businesses.count, !Self.businessOrder(businesses[i].business, businesses[i + 1].business) { return nil }
        }

        // Sectors: move the changed businesses between sectors; replace their products.
        let changedIndexes = Set(fresh.keys)
        var touchedSectors = Set<String>()
        for (i, listing) in fresh {
            let before = previous[i]!
            touchedSectors.insert(before.sector.id.value)
            touchedSectors.insert(listing.sector.id.value)
            for p in before.products { touchedSectors.insert(p.sector.id.value) }
            for p in listing.products { touchedSectors.insert(p.sector.id.value) }
        }
        for s in sectors.indices where touchedSectors.contains(sectors[s].sector.id.value) {
            let listing = sectors[s]
            let sector = listing.sector
            sectors[s] = SectorListing(sector: sector, businesses: [], products: [])
            let id = sector.id.value
            var members = listing.businesses.filter { !changedIndexes.contains($0) }
            for (i, b) in fresh where b.sector.id.value == id {
                members.insert(i, at: members.firstIndex { $0 > i } ?? members.endIndex)
            }
            var products = (consume listing).products
            Self.replace(in: &products, productsOf: changedIndexes,
                         with: fresh.values.flatMap { $0.products.filter { $0.sector.id.value == id } }, by: Self.alphabetical)
            sectors[s] = SectorListing(sector: sector, businesses: members, products: products)
        }
        Self.replace(in: &newest, productsOf: changedIndexes, with: fresh.values.flatMap(\.products), by: Self.newerFirst)
        return (SitePlan(businesses: businesses, sectors: sectors, newest: newest, perPage: perPage), touchedSectors)
    }

    /// Puts `fresh` in `list` (sorted by `before`) in place of the products of the businesses
    /// at `changed`. A product listing is large (~600 bytes) and the lists long (50,000), so
    /// moving them costs: when every fresh product takes the slot of the old one at its address
    /// and the list stays sorted (a price or a text changed, the usual edit), nothing moves.
    /// Otherwise the old ones are removed and the new ones inserted where they sort.
    private static func replace(in list: inout [ProductListing], productsOf changed: Set<Int>, with fresh: [ProductListing],
                                by before: (ProductListing, ProductListing) -> Bool) {
        var slots: [String: Int] = [:]
        for i in list.indices where changed.contains(list[i].businessIndex) {
            slots["\(list[i].businessIndex)/\(list[i].product.slug)"] = i
        }
        if slots.count == fresh.count {
            let places = fresh.compactMap { slots["\($0.businessIndex)/\($0.product.slug)"] }
            if places.count == fresh.count {
                let saved = places.map { list[$0] }
                for (p, i) in zip(fresh, places) { list[i] = p }
                let sorted = places.allSatisfy { i in
                    (i == 0 || before(list[i - 1], list[i])) && (i == list.count - 1 || before(list[i], list[i + 1]))
                }
                if sorted { return }
                for (old, i) in zip(saved, places) { list[i] = old }
            }
        }
        list.removeAll { changed.contains($0.businessIndex) }
        for p in fresh { list.insert(p, at: insertionPoint(of: p, in: list, by: before)) }
    }

    /// A plan of nothing, to stand in while the real one is being updated.
    static let empty = SitePlan(businesses: [], sectors: [], newest: [], perPage: 1)

    private init(businesses: [Listing], sectors: [SectorListing], newest: [ProductListing], perPage: Int) {
        self.businesses = businesses
        self.sectors = sectors
        self.newest = newest
        self.perPage = perPage
    }

    /// The first index whose element does not come before `item` (after any equal ones).
    private static func insertionPoint(of item: ProductListing, in list: [ProductListing],
                                       by before: (ProductListing, ProductListing) -> Bool) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if before(item, list[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
