/// The whole content tree, typed, with every value's position.
public struct Catalog: Sendable {
    public var root: String
    public var site: SiteSettings
    public var sectorsFile: ContentFile
    public var sectors: [Sector]
    /// In folder-name order (byte order), so every later stage sees the same sequence.
    public var businesses: [Business]

    public init(root: String, site: SiteSettings, sectorsFile: ContentFile, sectors: [Sector], businesses: [Business]) {
        self.root = root
        self.site = site
        self.sectorsFile = sectorsFile
        self.sectors = sectors
        self.businesses = businesses
    }

    /// A sector named by its id or by its exact display name, as the contract allows.
    public func sector(named reference: String) -> Sector? {
        sectors.first { $0.id.value == reference } ?? sectors.first { $0.name.value == reference }
    }

    public var entryCount: Int { businesses.reduce(0) { $0 + 1 + $1.products.count } }
}
