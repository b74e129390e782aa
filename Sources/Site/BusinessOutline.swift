import Catalog
import Fingerprint
import VietnameseText

/// What the plan needs of one business folder: whether and where its pages are listed, in what
/// order, and the dates of the sitemap — none of its text but names. `chonoi build` keeps only
/// these for the whole catalog and reads each entry again when it renders it
/// (`BusinessEntries`), so its memory does not grow with the entries' fields and descriptions
/// (about 1.5 KB an entry).
///
/// Kept small, about 100 bytes a product, in a few allocations a business: the names and slugs
/// of its products are in one buffer (`text`), numbers are as narrow as they can be and dates
/// packed. Sort keys (over 100 bytes a name) are not kept: `SitePlan` makes them for the names
/// it sorts, a sector or a day at a time. Once sorted, a build's plan lets the text go too
/// (`forgetText`), down to some 25 bytes a product; a hash of it stays, to check an entry
/// read again.
public struct BusinessOutline: Equatable, Sendable {
    public let slug: String
    /// The business's name, then each product's slug and name, as UTF-8.
    private var text: [UInt8]
    private let nameEnd: UInt32
    /// Where each product's slug and name are in `text`, by its place in the entry.
    private var textRanges: [(slug: TextRange, name: TextRange)]
    private let textHash: UInt64
    /// Index into the catalog's sectors; −1 when the entry names none that exists (an error
    /// the validator reports, so a build never sees it).
    let sector: Int32
    let draft: Bool
    let lastChange: PackedDate
    /// A–Z (`SitePlan.alphabetical`).
    var products: [ProductOutline]

    /// `today` decides which OCOP badges are still valid (the home page features those businesses).
    /// Unless `sortingProducts`, the products stay in the entry's order and no sort key is made
    /// (enough to compare an entry read again with its plan: `SitePlan.isPlanned`).
    public init(_ business: Business, sectors: SectorLookup, today: CivilDate, sortingProducts: Bool = true) {
        slug = business.slug
        let ownName = business.name?.value ?? business.slug
        var text: [UInt8] = []
        text.reserveCapacity(business.products.reduce(ownName.utf8.count) { total, p in
            total + p.slug.utf8.count + (p.name?.value ?? p.slug).utf8.count
        })
        text.append(contentsOf: ownName.utf8)
        nameEnd = UInt32(text.count)
        sector = business.sector.flatMap { sectors.index(of: $0.value) }.map(Int32.init) ?? -1
        draft = business.draft
        lastChange = PackedDate(business.lastChange)
        var products: [(outline: ProductOutline, key: VietnameseCollation.SortKey?, slug: String)] = []
        var ranges: [(slug: TextRange, name: TextRange)] = []
        ranges.reserveCapacity(business.products.count)
        for (index, product) in business.products.enumerated() {
            let name = product.name?.value ?? product.slug
            let slug = TextRange(start: text.count, count: product.slug.utf8.count)
            text.append(contentsOf: product.slug.utf8)
            let nameRange = TextRange(start: text.count, count: name.utf8.count)
            text.append(contentsOf: name.utf8)
            ranges.append((slug, nameRange))
            products.append((ProductOutline(product, index: index, sectors: sectors, today: today),
                             sortingProducts ? VietnameseCollation.sortKey(name) : nil, product.slug))
        }
        self.text = text
        textRanges = ranges
        // The text and where each piece starts: the same bytes cut differently are another text.
        var hash = FNV1a()
        hash.add(text)
        for r in ranges {
            withUnsafeBytes(of: (r.slug.start, r.name.start)) { hash.add($0.bindMemory(to: UInt8.self)) }
        }
        textHash = hash.value
        let business = business.slug
        guard sortingProducts else {
            self.products = products.map(\.outline)
            return
        }
        self.products = products.sorted { SitePlan.alphabetical(($0.key!, business, $0.slug), ($1.key!, business, $1.slug)) }.map(\.outline)
    }

    /// The same outline in storage allocated by the calling thread. `chonoi build` makes the
    /// outlines on every core, among the garbage of reading the entries; moved to one thread
    /// as they come, they end up side by side, and that garbage can be given back to the
    /// system (`SystemCalls.returnFreedMemory`) instead of keeping pages that hold one outline.
    public func relocated() -> BusinessOutline {
        var copy = self
        copy.text = text.withUnsafeBufferPointer { Array($0) }
        copy.textRanges = textRanges.withUnsafeBufferPointer { Array($0) }
        copy.products = products.withUnsafeBufferPointer { Array($0) }
        return copy
    }

    /// Lets the names and the products' slugs go (see `SitePlan.init`): `name`, `slug(of:)`
    /// and `name(of:)` may not be asked for after this.
    mutating func forgetText() {
        text = []
        textRanges = []
    }

    var name: String { String(decoding: text[0..<Int(nameEnd)], as: UTF8.self) }
    func slug(of p: ProductOutline) -> String { String(decoding: text[textRanges[Int(p.index)].slug.range], as: UTF8.self) }
    func name(of p: ProductOutline) -> String { String(decoding: text[textRanges[Int(p.index)].name.range], as: UTF8.self) }

    /// Everything but the text itself, which `textHash` stands for.
    public static func == (a: BusinessOutline, b: BusinessOutline) -> Bool {
        a.slug == b.slug && a.nameEnd == b.nameEnd && a.textHash == b.textHash && a.sector == b.sector && a.draft == b.draft
            && a.lastChange == b.lastChange && a.products == b.products
    }

    /// The same outline without the products `keep` refuses (their text stays).
    func filter(_ keep: (ProductOutline) -> Bool) -> BusinessOutline {
        var copy = self
        copy.products.removeAll { !keep($0) }
        return copy
    }
}

/// A stretch of a `BusinessOutline`'s text.
struct TextRange: Equatable, Sendable {
    let start: UInt32
    let count: UInt32

    init(start: Int, count: Int) {
        self.start = UInt32(start)
        self.count = UInt32(count)
    }

    var range: Range<Int> { Int(start)..<Int(start + count) }
}

struct ProductOutline: Equatable, Sendable {
    /// Where the product is in its entry's `products`.
    let index: Int32
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
        self.index = Int32(index)
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
