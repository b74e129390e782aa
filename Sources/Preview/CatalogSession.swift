import Catalog
import Diagnostics
import Dispatch
import Platform
import Validation

/// The catalog as the preview last read it, with its diagnostics kept per business folder so
/// that a change to one folder is read and checked again alone.
///
/// The diagnostics are always those `chonoi check` would give for the same tree: a folder's
/// come from loading it (`CatalogLoader.loadBusinessFolder`) and from running the validator
/// on a catalog holding just that business; what spans folders (the listing of
/// `businesses/`, two folders with one address) and what belongs to site.yml and
/// sectors.yml are kept apart. PreviewTests compares the two after edits.
final class CatalogSession {
    let loader: CatalogLoader
    let today: CivilDate

    private(set) var catalog: Catalog
    /// Business folder names on disk, in the order the loader reads them.
    private var folders: [String] = []
    private var loadFound: [String: [Diagnostic]] = [:]
    private var checkFound: [String: [Diagnostic]] = [:]
    private var listingFound: [Diagnostic] = []
    private var siteFound: [Diagnostic] = []
    private var acrossFound: [Diagnostic] = []

    init(loader: CatalogLoader, today: CivilDate) {
        self.loader = loader
        self.today = today
        self.catalog = Catalog(root: loader.root, site: SiteSettings(file: ContentFile(path: "", displayPath: "")),
                               sectorsFile: ContentFile(path: "", displayPath: ""), sectors: [], businesses: [])
    }

    /// Every diagnostic, sorted for display.
    var diagnostics: [Diagnostic] {
        var all = siteFound + listingFound + acrossFound
        for name in folders {
            all += loadFound[name] ?? []
            all += checkFound[name] ?? []
        }
        return all.sortedForDisplay()
    }

    /// Diagnostics of the given business folders only (for printing what a change caused).
    func diagnostics(inFolders names: Set<String>) -> [Diagnostic] {
        names.flatMap { (loadFound[$0] ?? []) + (checkFound[$0] ?? []) }.sortedForDisplay()
    }

    /// Reads and checks the whole tree.
    func loadAll() {
        let result = loader.load()
        let listing = loader.listBusinessFolders()
        let prefix = loader.businessFolderDisplayPath("")
        catalog = result.catalog
        setFolders(catalog.businesses.map { Self.folder(of: $0.folderDisplayPath, prefix: prefix) ?? $0.slug })
        listingFound = listing.diagnostics

        // What the full load found, minus the listing's, belongs to a folder or to the site files.
        var remaining = result.diagnostics
        for d in listing.diagnostics {
            if let i = remaining.firstIndex(of: d) { remaining.remove(at: i) }
        }
        let known = Set(folders)
        loadFound = [:]
        siteFound = []
        for d in remaining {
            if let name = Self.folder(of: d.location.file, prefix: prefix), known.contains(name) {
                loadFound[name, default: []].append(d)
            } else {
                siteFound.append(d)
            }
        }
        siteFound += Validator(catalog: withBusinesses([]), today: today).run()

        let businesses = catalog.businesses
        var checked = [[Diagnostic]](repeating: [], count: businesses.count)
        checked.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: businesses.count) { i in
                slots.base[i] = self.check(businesses[i])
            }
        }
        checkFound = [:]
        for (i, name) in folders.enumerated() where i < checked.count { checkFound[name] = checked[i] }
        acrossFound = acrossFolders()
    }

    /// Reads again the business folders named (and the list of folders, when `relist` or
    /// when a named folder is new or gone). Returns the slugs of every business whose
    /// pages may have changed: the named ones, and those added or removed.
    func reload(folders names: Set<String>, relist: Bool) -> Set<String> {
        let oldFolders = folders, oldIndex = folderIndex
        var changed = Set<String>()
        var toLoad = names
        var newFolders = oldFolders
        if relist || names.contains(where: { oldIndex[$0] == nil }) {
            let listing = loader.listBusinessFolders()
            let old = Set(oldFolders), new = Set(listing.names)
            for name in old.subtracting(new) {
                changed.insert(catalog.businesses[oldIndex[name]!].slug)
                loadFound[name] = nil
                checkFound[name] = nil
            }
            toLoad.formUnion(new.subtracting(old))
            toLoad.formIntersection(new)
            listingFound = listing.diagnostics
            newFolders = listing.names
        } else {
            toLoad = toLoad.filter { oldIndex[$0] != nil }
        }
        let listChanged = newFolders != oldFolders

        let loadNames = Array(toLoad)
        var loaded = [(business: Business, found: [Diagnostic], checked: [Diagnostic])?](repeating: nil, count: loadNames.count)
        loaded.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: loadNames.count) { i in
                let (business, found) = self.loader.loadBusinessFolder(named: loadNames[i])
                slots.base[i] = (business, found, self.check(business))
            }
        }
        var byName: [String: Business] = [:]
        if listChanged {
            for (i, name) in oldFolders.enumerated() { byName[name] = catalog.businesses[i] }
        }
        for (i, name) in loadNames.enumerated() {
            guard let result = loaded[i] else { continue }
            if let old = oldIndex[name] { changed.insert(catalog.businesses[old].slug) }
            changed.insert(result.business.slug)
            loadFound[name] = result.found
            checkFound[name] = result.checked
            if listChanged {
                byName[name] = result.business
            } else if let index = oldIndex[name] {
                catalog.businesses[index] = result.business
            }
        }
        if listChanged {
            catalog.businesses = newFolders.compactMap { byName[$0] }
            setFolders(newFolders)
            acrossFound = acrossFolders()
        }
        return changed
    }

    private var folderIndex: [String: Int] = [:]

    private func setFolders(_ names: [String]) {
        folders = names
        folderIndex = Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// The validator's findings for one business, without those about site.yml and sectors.yml.
    private func check(_ business: Business) -> [Diagnostic] {
        let siteFiles: Set<String> = [catalog.site.file.displayPath, catalog.sectorsFile.displayPath]
        return Validator(catalog: withBusinesses([business]), today: today).run().filter { !siteFiles.contains($0.location.file) }
    }

    /// Two folders whose names give one address: the only rule that spans businesses. The
    /// validator runs on the folders' names alone and only that rule's findings are kept.
    private func acrossFolders() -> [Diagnostic] {
        let shells = catalog.businesses.map { Business(slug: $0.slug, file: $0.file, folderDisplayPath: $0.folderDisplayPath) }
        return Validator(catalog: Catalog(root: catalog.root, site: catalog.site, sectorsFile: catalog.sectorsFile, sectors: [],
                                          businesses: shells), today: today).run()
            .filter { $0.code == "duplicate-slug" }
    }

    private func withBusinesses(_ businesses: [Business]) -> Catalog {
        Catalog(root: catalog.root, site: catalog.site, sectorsFile: catalog.sectorsFile, sectors: catalog.sectors, businesses: businesses)
    }

    /// `content/businesses/<name>/…` → `<name>`.
    static func folder(of file: String, prefix: String) -> String? {
        guard file.hasPrefix(prefix) else { return nil }
        let rest = file.dropFirst(prefix.count)
        let name = rest.prefix { $0 != "/" }
        return name.isEmpty ? nil : String(name)
    }
}
