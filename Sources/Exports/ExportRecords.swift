/// One published business as the exports carry it. Site fills it from what the business's page
/// shows, and nothing else: no draft, no personal ID number, no expired OCOP badge.
public struct BusinessRecord: Sendable {
    /// The folder name (slug): stable across builds and unique in the catalog.
    public var id: String
    public var name: String
    /// The contract's id (`hop-tac-xa` …) and the words a page shows for it.
    public var kind: String?
    public var kindLabel: String?
    public var sector: String
    public var sectorName: String
    public var street: String?
    public var ward: String?
    public var province: String?
    /// As the page shows it (`0273 3 812 345`).
    public var phone: String?
    public var zalo: String?
    public var email: String?
    public var website: String?
    /// Only an enterprise's: a household business's or an individual's is never set.
    public var taxCode: String?
    public var founded: Int?
    public var certifications: [String]
    public var latitude: Double?
    public var longitude: Double?
    /// Absolute addresses.
    public var url: String
    public var logo: String?
    public var productCount: Int
    /// The page's description as plain text.
    public var description: String

    public init(id: String, name: String, sector: String, sectorName: String, url: String) {
        self.id = id
        self.name = name
        self.sector = sector
        self.sectorName = sectorName
        self.url = url
        self.certifications = []
        self.productCount = 0
        self.description = ""
    }
}

/// One published product as the exports carry it (see `BusinessRecord`).
public struct ProductRecord: Sendable {
    /// The business's folder name and the product's file name (slugs).
    public var business: String
    public var slug: String
    /// `<business>/<product>`: stable, and unique in the catalog.
    public var id: String { ProductID.full(business: business, product: slug) }
    public var businessName: String
    public var name: String
    public var sector: String
    public var sectorName: String
    /// Whole đồng; nil when the seller asks buyers to get in touch.
    public var price: Int?
    public var unit: String?
    public var available: Bool
    /// A valid badge only (an expired one is hidden on the page, so here too).
    public var ocopStars: Int?
    public var ocopYear: Int?
    public var minOrder: Int?
    public var delivery: String?
    public var season: [Int]
    public var tags: [String]
    /// `YYYY-MM-DD`.
    public var published: String?
    public var updated: String?
    /// Absolute addresses; `images` as partner platforms should fetch them (see Site's
    /// `PagePresenter.partnerImageURL`).
    public var url: String
    public var images: [String]
    public var description: String
    /// The business's place (`Xã Long Định, Đồng Tháp`), for the feed's fallback description.
    public var place: String

    public init(business: String, slug: String, businessName: String, name: String, sector: String, sectorName: String, url: String) {
        self.business = business
        self.slug = slug
        self.businessName = businessName
        self.name = name
        self.sector = sector
        self.sectorName = sectorName
        self.url = url
        self.available = true
        self.season = []
        self.tags = []
        self.images = []
        self.description = ""
        self.place = ""
    }
}

/// What every business contributes to the exports, in page order.
public struct ExportEntry: Sendable {
    public var business: BusinessRecord
    public var products: [ProductRecord]

    public init(business: BusinessRecord, products: [ProductRecord]) {
        self.business = business
        self.products = products
    }
}
