/// A business entry, `businesses/<slug>/index.md`, with the products in its folder.
///
/// Fields the contract requires are still optional here: a missing one has already been
/// reported, and keeping the rest lets every other problem in the entry be reported too.
/// The build only runs on a catalog without errors, where they are all present.
public struct Business: Sendable {
    public var slug: String
    public var file: ContentFile
    /// Where the folder is shown to the user, for "copy the file into ..." messages.
    public var folderDisplayPath: String
    /// Files beside index.md, by NFC name, to check the names an entry gives.
    public var files: Set<String>
    /// Where each of `files` is on disk, by its NFC name: the name on disk may be in another
    /// Unicode form (macOS writes NFD), so a copier must open this path, not folder + name.
    public var assetPaths: [String: String]
    /// The same for the files in `products/` (product images), by NFC name.
    public var productAssetPaths: [String: String]

    public var name: Located<String>?
    public var sector: Located<String>?
    public var kind: Located<String>?
    public var representative: Located<String>?
    public var phone: Located<String>?
    public var address: Address?
    public var email: Located<String>?
    public var website: Located<String>?
    public var taxCode: Located<String>?
    public var founded: Located<Int>?
    public var logo: Located<String>?
    public var zalo: Located<String>?
    public var map: Coordinates?
    public var certifications: [Located<String>]
    public var draft: Bool

    /// The Markdown description, NFC; empty when loaded without bodies (see `CatalogLoader`),
    /// unless it has `![` in it.
    public var body: String
    public var bodyIsBlank: Bool
    public var bodyLine: Int
    /// The description's size in the file, in bytes, even when `body` is not kept.
    public var bodyBytes: Int

    public var products: [Product]

    /// The day of the last commit that changed anything in the folder, when the build read
    /// the history (see the History target); nil outside git.
    public var lastChange: CivilDate?

    /// False when only the folder was listed, not read (`check --changed` of other folders):
    /// the rules of one entry skip it, the rules between entries still count its address.
    public var wasRead = true

    public init(slug: String, file: ContentFile, folderDisplayPath: String) {
        self.slug = slug
        self.file = file
        self.folderDisplayPath = folderDisplayPath
        self.files = []
        self.assetPaths = [:]
        self.productAssetPaths = [:]
        self.certifications = []
        self.draft = false
        self.body = ""
        self.bodyIsBlank = true
        self.bodyLine = 1
        self.bodyBytes = 0
        self.products = []
    }

    public var businessKind: BusinessKind? { kind.flatMap { BusinessKind(rawValue: $0.value) } }
}
