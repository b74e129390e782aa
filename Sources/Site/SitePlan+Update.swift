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
/// The plan is exactly `SitePlan(catalog:outlines:includeDrafts:keepNames:)` (PreviewTests compares the
/// sites built both ways); the orders below must stay those of `SitePlan.init`. The plan keeps
/// no sort keys: the few comparisons here make theirs.
extension SitePlan {
    ///
    /// `old` is consumed so its arrays can be changed in place: the caller must hold no other
    /// copy of it (copying 50,000 product references and listings is what this saves).
    static func updated(from old: consuming SitePlan, catalog: Catalog, changed: Set<String>,
                        includeDrafts: Bool, today: CivilDate) -> (plan: SitePlan, touchedSectors: Set<String>)? {
        let perPage = Self.perPage(of: catalog)
        precondition(old.keepsNames, "a plan that let its names go cannot be updated")
        guard perPage == old.perPage, catalog.sectors.count == old.sectors.count else { return nil }
        // Where each business's entry is now: a folder added or removed before it moves it.
        var folderOf: [String: Int] = [:]
        for (i, business) in catalog.businesses.enumerated() where folderOf[business.slug] == nil { folderOf[business.slug] = i }
        // Where each changed business was, and what it is now.
        var oldIndex: [String: Int] = [:]
        for i in old.businesses.indices where changed.contains(old.businesses[i].slug) {
            oldIndex[old.businesses[i].slug] = i
        }
        let sectorLookup = SectorLookup(catalog.sectors)
        var fresh: [Int: PlannedBusiness] = [:]
        for b in catalog.businesses.indices where changed.contains(catalog.businesses[b].slug) {
            let business = catalog.businesses[b]
            guard let index = oldIndex[business.slug] else { return nil } // new, or newly published
            guard let planned = Self.planned(BusinessOutline(business, sectors: sectorLookup, today: today), folder: b,
                                             includeDrafts: includeDrafts) else { return nil } // now hidden
            fresh[index] = planned
        }
        guard fresh.count == oldIndex.count else { return nil } // a changed business was removed
        // `published` is required, so newest-first is a total order and binary search finds
        // the place a full sort gives; without a date, plan afresh.
        guard fresh.values.allSatisfy({ $0.products.allSatisfy { $0.published.isKnown } }) else { return nil }

        var previous: [Int: PlannedBusiness] = [:]
        for i in fresh.keys { previous[i] = old.businesses[i] }
        let sectorList = old.sectorList
        var businesses = old.businesses
        var sectors = old.sectors
        var newest = old.newest
        _ = consume old // the arrays above are now the only references to their storage

        for (i, listing) in fresh { businesses[i] = listing }
        for i in businesses.indices {
            guard let folder = folderOf[businesses[i].slug] else { return nil }
            businesses[i].folder = folder
        }
        // Each changed business must still sort between its neighbours.
        func inOrder(_ a: PlannedBusiness, _ b: PlannedBusiness) -> Bool {
            Self.businessOrder(VietnameseCollation.sortKey(a.outline.name), a.slug, VietnameseCollation.sortKey(b.outline.name), b.slug)
        }
        for i in fresh.keys {
            if i > 0, !inOrder(businesses[i - 1], businesses[i]) { return nil }
            if i + 1 < businesses.count, !inOrder(businesses[i], businesses[i + 1]) { return nil }
        }

        // Sectors: move the changed businesses between sectors; replace their products.
        let changedIndexes = Set(fresh.keys)
        var touched = Set<Int>()
        for (i, listing) in fresh {
            let before = previous[i]!
            touched.insert(before.sector)
            touched.insert(listing.sector)
            for p in before.products { touched.insert(Int(p.sector)) }
            for p in listing.products { touched.insert(Int(p.sector)) }
        }
        let ordered = businesses
        func alphabetical(_ a: ProductRef, _ b: ProductRef) -> Bool {
            Self.alphabetical(Self.sortItem(a, in: ordered), Self.sortItem(b, in: ordered))
        }
        func newerFirst(_ a: ProductRef, _ b: ProductRef) -> Bool {
            let date = { (ref: ProductRef) in ordered[Int(ref.business)].outline.products[Int(ref.product)].published }
            return Self.newerFirst((date(a), Self.sortItem(a, in: ordered)), (date(b), Self.sortItem(b, in: ordered)))
        }
        func slug(_ ref: ProductRef) -> String {
            ordered[Int(ref.business)].slug(of: ordered[Int(ref.business)].outline.products[Int(ref.product)])
        }
        // The old slugs of the changed businesses' products, by reference, to find their slots.
        func oldSlug(_ ref: ProductRef) -> String {
            let before = previous[Int(ref.business)]!
            return before.slug(of: before.outline.products[Int(ref.product)])
        }
        for s in sectors.indices where touched.contains(s) {
            let listing = sectors[s]
            let sector = listing.sector
            sectors[s] = SectorListing(sector: sector, businesses: [], products: [])
            var members = listing.businesses.filter { !changedIndexes.contains($0) }
            for (i, b) in fresh where b.sector == s {
                members.insert(i, at: members.firstIndex { $0 > i } ?? members.endIndex)
            }
            var products = (consume listing).products
            let freshRefs = fresh.flatMap { i, b in b.products.indices.filter { Int(b.products[$0].sector) == s }.map { ProductRef(business: i, product: $0) } }
            Self.replace(in: &products, productsOf: changedIndexes, with: freshRefs, slug: slug, oldSlug: oldSlug, by: alphabetical)
            sectors[s] = SectorListing(sector: sector, businesses: members, products: products)
        }
        let allFresh = fresh.flatMap { i, b in b.products.indices.map { ProductRef(business: i, product: $0) } }
        Self.replace(in: &newest, productsOf: changedIndexes, with: allFresh, slug: slug, oldSlug: oldSlug, by: newerFirst)
        let touchedSectors = Set(touched.map { sectorList[$0].id.value })
        return (SitePlan(sectorList: sectorList, businesses: businesses, sectors: sectors, newest: newest, perPage: perPage,
                         keepsNames: true), touchedSectors)
    }

    /// Puts `fresh` in `list` (sorted by `before`) in place of the products of the businesses
    /// at `changed`. The lists are long (50,000), so moving them costs: when every fresh product
    /// takes the slot of the old one at its address and the list stays sorted (a price or a text
    /// changed, the usual edit), nothing moves. Otherwise the old ones are removed and the new
    /// ones inserted where they sort.
    private static func replace(in list: inout [ProductRef], productsOf changed: Set<Int>, with fresh: [ProductRef],
                                slug: (ProductRef) -> String, oldSlug: (ProductRef) -> String,
                                by before: (ProductRef, ProductRef) -> Bool) {
        var slots: [String: Int] = [:]
        for i in list.indices where changed.contains(Int(list[i].business)) {
            slots["\(list[i].business)/\(oldSlug(list[i]))"] = i
        }
        if slots.count == fresh.count {
            let places = fresh.compactMap { slots["\($0.business)/\(slug($0))"] }
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
        list.removeAll { changed.contains(Int($0.business)) }
        for p in fresh { list.insert(p, at: insertionPoint(of: p, in: list, by: before)) }
    }

    /// A plan of nothing, to stand in while the real one is being updated.
    static let empty = SitePlan(sectorList: [], businesses: [], sectors: [], newest: [], perPage: 1, keepsNames: true)

    private init(sectorList: [Sector], businesses: [PlannedBusiness], sectors: [SectorListing], newest: [ProductRef], perPage: Int,
                 keepsNames: Bool) {
        self.keepsNames = keepsNames
        self.sectorList = sectorList
        self.businesses = businesses
        self.sectors = sectors
        self.newest = newest
        self.perPage = perPage
    }

    /// The first index whose element does not come before `item` (after any equal ones).
    private static func insertionPoint(of item: ProductRef, in list: [ProductRef], by before: (ProductRef, ProductRef) -> Bool) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if before(item, list[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
