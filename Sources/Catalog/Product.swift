/// A product entry, `businesses/<business>/products/<slug>.md`.
public struct Product: Sendable {
    public var slug: String
    public var businessSlug: String
    public var file: ContentFile
    public var folderDisplayPath: String
    /// Files in the products folder, by NFC name (images are named from there).
    public var files: Set<String>
    /// Where each of `files` is on disk, by its NFC name (the name on disk may be NFD).
    public var assetPaths: [String: String]

    public var name: Located<String>?
    public var sector: Located<String>?
    public var price: Located<Price>?
    public var unit: Located<String>?
    public var images: [Located<String>]
    public var ocop: Located<Int>?
    public var ocopYear: Located<Int>?
    public var minOrder: Located<Int>?
    public var season: [Located<Int>]
    public var delivery: Located<String>?
    public var available: Bool
    public var published: Located<CivilDate>?
    public var updated: Located<CivilDate>?
    public var tags: [Located<String>]
    public var draft: Bool

    /// The Markdown description, NFC; empty when loaded without bodies (see `CatalogLoader`),
    /// unless it has `![` in it.
    public var body: String
    public var bodyIsBlank: Bool
    public var bodyLine: Int
    /// The description's size in the file, in bytes, even when `body` is not kept.
    public var bodyBytes: Int

    public init(slug: String, businessSlug: String, file: ContentFile, folderDisplayPath: String) {
        self.slug = slug
        self.businessSlug = businessSlug
        self.file = file
        self.folderDisplayPath = folderDisplayPath
        self.files = []
        self.assetPaths = [:]
        self.images = []
        self.season = []
        self.available = true
        self.tags = []
        self.draft = false
        self.body = ""
        self.bodyIsBlank = true
        self.bodyLine = 1
        self.bodyBytes = 0
    }
}
