import Diagnostics
import Dispatch
import Platform
import VietnameseText

/// Loads a content tree into a `Catalog`, reporting every problem of reading and typing on the way.
///
/// Business folders are read in parallel (each folder is independent); results are kept in
/// folder-name order so diagnostics and pages never depend on thread timing.
public struct CatalogLoader {
    /// The largest image or other file an entry may name: bigger ones are slow on a phone.
    public static let maxAssetBytes = 5 * 1024 * 1024
    static let photoExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif"]

    public struct Result: Sendable {
        public var catalog: Catalog
        public var diagnostics: [Diagnostic]
    }

    public let root: String
    /// Whether to keep the Markdown bodies: a build needs them, a check only needs to know
    /// whether each entry has one, and skipping them saves a third of the time and memory.
    public let loadBodies: Bool
    /// Business folders to read (`check --changed`); the others are only listed, so the rules
    /// between entries still see every address. Nil reads them all.
    public let onlyBusinesses: Set<String>?
    private let displayRoot: String
    private let realRoot: String

    /// - Parameters:
    ///   - root: the content folder, absolute or relative to the working directory.
    ///   - workingDirectory: paths in diagnostics are shown relative to it.
    public init(root: String, workingDirectory: String? = nil, loadBodies: Bool = true, onlyBusinesses: Set<String>? = nil) {
        self.loadBodies = loadBodies
        self.onlyBusinesses = onlyBusinesses
        let cwd = workingDirectory ?? FileSystem.currentDirectory
        let absolute = root.hasPrefix("/") ? root : cwd + "/" + root
        self.root = PathText.normalize(absolute)
        self.displayRoot = PathText.relative(self.root, to: PathText.normalize(cwd))
        self.realRoot = FileSystem.realPath(self.root) ?? self.root
    }

    public func load() -> Result {
        let sink = DiagnosticSink()
        let (site, sectorsFile, sectors) = loadSettings(sink: sink)
        let folders = businessFolders(sink: sink)
        // Each folder's business is built straight into its place in the catalog's array (every
        // slot is initialised by exactly one iteration), so nothing is moved or copied after.
        var found = [[Diagnostic]](repeating: [], count: folders.count)
        let businesses = found.withUnsafeMutableBufferPointer { foundSlots in
            let foundSlots = Slots(foundSlots)
            return [Business](unsafeUninitializedCapacity: folders.count) { storage, count in
                let slots = Slots(storage)
                ReadingWorkers.perform(iterations: folders.count) { i in
                    let read = onlyBusinesses.map { $0.contains(folders[i].name) } ?? true
                    let (business, diagnostics) = read ? loadBusiness(folders[i]) : listedOnly(folders[i])
                    (slots.base.baseAddress! + i).initialize(to: business)
                    foundSlots.base[i] = diagnostics
                }
                count = folders.count
            }
        }

        var diagnostics = sink.diagnostics
        for own in found { diagnostics += own }
        let catalog = Catalog(root: root, site: site, sectorsFile: sectorsFile, sectors: sectors, businesses: businesses)
        return Result(catalog: catalog, diagnostics: diagnostics)
    }

    /// site.yml and sectors.yml, without the businesses: the catalog's `businesses` is empty.
    /// With `listBusinessFolders` and `loadBusinessFolder(named:)`, this reads what `load()`
    /// does, one folder at a time, for a caller that does not keep every entry (`chonoi build`).
    public func loadSettings() -> Result {
        let sink = DiagnosticSink()
        let (site, sectorsFile, sectors) = loadSettings(sink: sink)
        return Result(catalog: Catalog(root: root, site: site, sectorsFile: sectorsFile, sectors: sectors, businesses: []),
                      diagnostics: sink.diagnostics)
    }

    private func loadSettings(sink: DiagnosticSink) -> (SiteSettings, ContentFile, [Sector]) {
        var site = SiteSettings(file: file("site.yml"))
        if topLevelFile("site.yml", sink: sink) {
            if let root = EntrySource.yaml(at: site.file.path, display: site.file.displayPath, sink: sink) {
                let reader = EntryDecoder.reader(for: root, allowed: Schema.site, file: site.file.displayPath, lineOffset: 0, sink: sink)
                EntryDecoder.site(&site, from: reader)
            }
        } else if FileSystem.kind(of: site.file.path) == nil {
            sink.error(.missingEntryFile(expected: "site.yml"), at: SourceLocation(file: site.file.displayPath))
        }

        let sectorsFile = file("sectors.yml")
        var sectors: [Sector] = []
        if topLevelFile("sectors.yml", sink: sink) {
            let reported = sink.diagnostics.count
            if let root = EntrySource.yaml(at: sectorsFile.path, display: sectorsFile.displayPath, sink: sink) {
                sectors = EntryDecoder.sectors(root, file: sectorsFile.displayPath, sink: sink)
            }
            if sectors.isEmpty && sink.diagnostics.count == reported {
                sink.error(.noSectors, at: SourceLocation(file: sectorsFile.displayPath))
            }
        } else if FileSystem.kind(of: sectorsFile.path) == nil {
            sink.error(.missingEntryFile(expected: "sectors.yml"), at: SourceLocation(file: sectorsFile.displayPath))
        }
        return (site, sectorsFile, sectors)
    }

    // MARK: - Folders

    // Internal (not private) so CatalogLoader+Folders.swift can reload one business folder for `chonoi serve`.
    struct Folder {
        var name: String
        var path: String
    }

    // Internal (not private): used by CatalogLoader+Folders.swift for `chonoi serve`.
    func businessFolders(sink: DiagnosticSink) -> [Folder] {
        let path = root + "/businesses"
        guard let kind = FileSystem.kind(of: path) else { return [] }
        let display = shown("businesses")
        switch resolve(FileSystem.Entry(name: "businesses", kind: kind), at: path, display: display, sink: sink) {
        case .directory:
            break
        case .file:
            sink.error(.unreadable(reason: "businesses/ must be a folder"), at: SourceLocation(file: display))
            return []
        default:
            return []
        }
        guard let entries = FileSystem.list(path) else { return [] }
        var folders: [Folder] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let entryPath = path + "/" + entry.name
            let display = shown("businesses/" + entry.name)
            switch resolve(entry, at: entryPath, display: display, sink: sink) {
            case .directory:
                folders.append(Folder(name: entry.name, path: entryPath))
            case .file:
                sink.warning(.strayFile(name: "businesses/" + entry.name), at: SourceLocation(file: display))
            default:
                break
            }
        }
        return folders
    }

    /// What an entry is once symbolic links are followed; links that leave the content tree
    /// are reported and treated as absent, so a pull request cannot publish files from elsewhere.
    /// Anything that is not a regular file or folder (a FIFO would block the reader, a device
    /// could be anything) is reported and never opened. `.other` means: reported, skip it.
    private func resolve(_ entry: FileSystem.Entry, at path: String, display: String, sink: DiagnosticSink) -> FileSystem.Kind {
        var kind = entry.kind
        if kind == .symlink {
            guard let target = FileSystem.realPath(path), target == realRoot || target.hasPrefix(realRoot + "/") else {
                sink.error(.symlinkLeavesTree(target: FileSystem.realPath(path) ?? "?"), at: SourceLocation(file: display))
                return .other
            }
            kind = FileSystem.kindFollowingLinks(path)
        }
        if kind == .other || kind == .symlink {
            sink.error(.notRegularFile(name: entry.name), at: SourceLocation(file: display))
            return .other
        }
        return kind
    }

    /// Whether `site.yml` or `sectors.yml` is there to be read: a regular file inside the tree
    /// (anything else is reported here, without opening it). False when it is missing.
    private func topLevelFile(_ name: String, sink: DiagnosticSink) -> Bool {
        let path = root + "/" + name
        guard let kind = FileSystem.kind(of: path) else { return false }
        let display = shown(name)
        switch resolve(FileSystem.Entry(name: name, kind: kind), at: path, display: display, sink: sink) {
        case .file:
            return true
        case .directory:
            sink.error(.notRegularFile(name: name), at: SourceLocation(file: display))
            return false
        default:
            return false
        }
    }

    /// `Banh.MD`, `banh.markdown`: meant as an entry, but only `.md` in lowercase is one.
    static func looksLikeMarkdown(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, !name.hasSuffix(".md") else { return false }
        return ["md", "markdown", "mdown", "mkd", "mkdn"].contains(name[name.index(after: dot)...].lowercased())
    }

    /// The name to give such a file: its stem as a slug (`Bánh Phồng.MD` → `banh-phong.md`).
    static func entryName(for name: String) -> String {
        let stem = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
        let slug = Slug.make(from: stem)
        return (slug.isEmpty ? stem.lowercased() : slug) + ".md"
    }

    // Internal (not private): used by CatalogLoader+Folders.swift for `chonoi serve`.
    func loadBusiness(_ folder: Folder) -> (Business, [Diagnostic]) {
        let sink = DiagnosticSink()
        let folderDisplay = shown("businesses/" + folder.name)
        let slug = UnicodeText.nfc(folder.name)
        var business = Business(slug: slug, file: ContentFile(path: folder.path + "/index.md", displayPath: folderDisplay + "/index.md"),
                                folderDisplayPath: folderDisplay)
        var hasIndex = false
        var productsFolder: String?
        let opened = OpenFolder(path: folder.path)
        for entry in opened?.entries() ?? [] where !entry.name.hasPrefix(".") {
            let path = folder.path + "/" + entry.name
            let display = folderDisplay + "/" + entry.name
            switch resolve(entry, at: path, display: display, sink: sink) {
            case .file where entry.name == "index.md":
                hasIndex = true
            case .file where entry.name.hasSuffix(".md") && entry.name.lowercased() != "index.md":
                sink.warning(.strayFile(name: entry.name), at: SourceLocation(file: display))
            case .file where (entry.name.hasSuffix(".md") || Self.looksLikeMarkdown(entry.name)) && Self.entryName(for: entry.name) == "index.md":
                sink.error(.misnamedEntry(name: entry.name, suggestion: "index.md"), at: SourceLocation(file: display))
            case .file where Self.looksLikeMarkdown(entry.name):
                sink.warning(.strayFile(name: entry.name), at: SourceLocation(file: display))
            case .file:
                let name = UnicodeText.nfc(entry.name)
                business.files.insert(name)
                if business.assetPaths[name] == nil { business.assetPaths[name] = path }
                checkAssetSize(path, display: display, sink: sink)
            case .directory where entry.name == "products":
                productsFolder = path
            case .directory:
                sink.warning(.strayFile(name: entry.name + "/"), at: SourceLocation(file: display))
            default:
                break
            }
        }

        if hasIndex, let opened,
           let entry = EntrySource.markdown(opened.read("index.md", limit: EntrySource.maxTextBytes), display: business.file.displayPath,
                                            wantBody: loadBodies, sink: sink) {
            if entry.yamlIsValid {
                let reader = EntryDecoder.reader(for: entry.root, allowed: Schema.business, file: business.file.displayPath,
                                             lineOffset: FrontMatter.yamlLineOffset, sink: sink)
                EntryDecoder.business(&business, from: reader)
            }
            business.body = entry.body
            business.bodyIsBlank = entry.bodyIsBlank
            business.bodyLine = entry.bodyLine
            business.bodyBytes = entry.bodyBytes
        } else if !hasIndex {
            sink.error(.missingEntryFile(expected: "index.md"), at: SourceLocation(file: folderDisplay))
        }

        if let productsFolder, let opened {
            (business.products, business.productAssetPaths) = loadProducts(in: productsFolder, opened: OpenFolder(name: "products", in: opened),
                                                                         display: folderDisplay + "/products",
                                                                         businessSlug: slug, sink: sink)
        }
        return (business, sink.diagnostics)
    }

    /// A business known by its folder alone: no file is opened (see `onlyBusinesses`).
    private func listedOnly(_ folder: Folder) -> (Business, [Diagnostic]) {
        let display = shown("businesses/" + folder.name)
        var business = Business(slug: UnicodeText.nfc(folder.name), file: ContentFile(path: folder.path + "/index.md", displayPath: display + "/index.md"),
                                folderDisplayPath: display)
        business.wasRead = false
        return (business, [])
    }

    private func loadProducts(in folder: String, opened: OpenFolder?, display folderDisplay: String, businessSlug: String,
                              sink: DiagnosticSink) -> ([Product], [String: String]) {
        var files: Set<String> = []
        var paths: [String: String] = [:]
        var entries: [(name: String, path: String, display: String)] = []
        for entry in opened?.entries() ?? [] where !entry.name.hasPrefix(".") {
            let path = folder + "/" + entry.name
            let display = folderDisplay + "/" + entry.name
            switch resolve(entry, at: path, display: display, sink: sink) {
            case .file where entry.name.hasSuffix(".md"):
                entries.append((entry.name, path, display))
            case .file where Self.looksLikeMarkdown(entry.name):
                sink.error(.misnamedEntry(name: entry.name, suggestion: Self.entryName(for: entry.name)), at: SourceLocation(file: display))
            case .file:
                let name = UnicodeText.nfc(entry.name)
                files.insert(name)
                if paths[name] == nil { paths[name] = path }
                checkAssetSize(path, display: display, sink: sink)
            case .directory:
                sink.warning(.strayFile(name: entry.name + "/"), at: SourceLocation(file: display))
            default:
                break
            }
        }
        let products = entries.map { entry in
            let slug = UnicodeText.nfc(String(entry.name.dropLast(3)))
            var product = Product(slug: slug, businessSlug: businessSlug, file: ContentFile(path: entry.path, displayPath: entry.display),
                                  folderDisplayPath: folderDisplay)
            product.files = files
            product.assetPaths = paths
            if let opened, let source = EntrySource.markdown(opened.read(entry.name, limit: EntrySource.maxTextBytes), display: entry.display,
                                                             wantBody: loadBodies, sink: sink) {
                if source.yamlIsValid {
                    let reader = EntryDecoder.reader(for: source.root, allowed: Schema.product, file: entry.display,
                                                     lineOffset: FrontMatter.yamlLineOffset, sink: sink)
                    EntryDecoder.product(&product, from: reader)
                }
                product.body = source.body
                product.bodyIsBlank = source.bodyIsBlank
                product.bodyLine = source.bodyLine
                product.bodyBytes = source.bodyBytes
            }
            return product
        }
        return (products, paths)
    }

    private func checkAssetSize(_ path: String, display: String, sink: DiagnosticSink) {
        // Photos have their own limits (20 MB, 50 megapixels), checked by the validator at the
        // entry line that names them.
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if Self.photoExtensions.contains(ext) { return }
        if let size = FileSystem.fileSize(path), size > Self.maxAssetBytes {
            sink.error(.fileTooLarge(bytes: size, limit: Self.maxAssetBytes), at: SourceLocation(file: display))
        }
    }

    /// A path inside the content folder as the user should see it.
    // Public for `check --changed`, which names changed files as git does (relative to the content folder).
    public func shown(_ relative: String) -> String {
        displayRoot == "." ? relative : displayRoot + "/" + relative
    }

    private func file(_ name: String) -> ContentFile {
        ContentFile(path: root + "/" + name, displayPath: shown(name))
    }
}
