import Catalog
import Diagnostics
import Dispatch
import Platform
import Site
import Validation

/// How `chonoi build` reads the catalog without ever holding all of it: each business folder is
/// read once to check it and plan the site, keeping only its outline (`BusinessOutline`), and
/// again, a batch at a time, when its pages are rendered (`EntryReader`). The whole catalog is
/// about 1.5 KB an entry without its descriptions, and 130 MB of descriptions at 10,000
/// businesses: held at once, the build's memory grew with the catalog.
///
/// The diagnostics are those of `chonoi check` (`CatalogCheck.run`), found as `chonoi serve`
/// finds them: each folder's from loading it and from validating a catalog of that business
/// alone, site.yml's and sectors.yml's once, and the one rule between folders (two names that
/// give one address) from the folders' names.
struct BuildReading {
    /// site.yml and sectors.yml; no businesses.
    let settings: Catalog
    /// The business folders' names on disk, in the loader's order.
    let folders: [String]
    /// One per folder, dated from history (given away by `takeOutlines`).
    private(set) var outlines: [BusinessOutline]
    /// Sorted for display.
    let diagnostics: [Diagnostic]

    /// Folders read at once: enough to keep every core busy, few enough that their entries,
    /// read in full before they are outlined, stay a few megabytes.
    static let batchSize = 512

    static func read(content: String, today: CivilDate, history: HistoryDates) -> BuildReading {
        let loader = CatalogLoader(root: content, loadBodies: false)
        let loaded = loader.loadSettings()
        let listing = loader.listBusinessFolders()
        let settings = loaded.catalog
        let sectors = SectorLookup(settings.sectors)
        let rules = Validator.OneBusiness(sectors: settings.sectors, today: today)
        let names = listing.names

        var outlines: [BusinessOutline] = []
        var found: [[Diagnostic]] = [], checked: [[Diagnostic]] = []
        outlines.reserveCapacity(names.count)
        for start in stride(from: 0, to: names.count, by: batchSize) {
            let batch = start..<min(start + batchSize, names.count)
            var read = [(outline: BusinessOutline, found: [Diagnostic], checked: [Diagnostic])?](repeating: nil, count: batch.count)
            read.withUnsafeMutableBufferPointer { buffer in
                let slots = Slots(buffer)
                ReadingWorkers.perform(iterations: batch.count) { j in
                    var (business, loadFound) = loader.loadBusinessFolder(named: names[batch.lowerBound + j])
                    let problems = rules.check(business)
                    history.apply(to: &business)
                    slots.base[j] = (BusinessOutline(business, sectors: sectors, today: today), loadFound, problems)
                }
            }
            for case let folder? in read {
                outlines.append(folder.outline.relocated())
                found.append(folder.found)
                checked.append(folder.checked)
            }
        }
        // What reading the entries left behind, on every core's share of the heap.
        SystemCalls.returnFreedMemory()

        var diagnostics = loaded.diagnostics + listing.diagnostics
        for f in found { diagnostics += f }
        diagnostics += Validator(catalog: settings, today: today).run()
        for c in checked { diagnostics += c }
        diagnostics += Validator.duplicateFolderAddresses(outlines.indices.map {
            (outlines[$0].slug, loader.businessFolderDisplayPath(names[$0]))
        })
        return BuildReading(settings: settings, folders: names, outlines: outlines, diagnostics: diagnostics.sortedForDisplay())
    }

    /// The outlines, which the plan then keeps (this reading no longer holds them).
    mutating func takeOutlines() -> [BusinessOutline] {
        defer { outlines = [] }
        return outlines
    }

    /// The second reading of each folder, for rendering (see `EntryReader`).
    func entries(content: String, today: CivilDate, history: HistoryDates) -> EntryReader {
        EntryReader(loader: CatalogLoader(root: content, loadBodies: true), folders: folders,
                    rules: Validator.OneBusiness(sectors: settings.sectors, today: today), history: history)
    }
}

/// A business folder read again when its pages are rendered, this time with its descriptions;
/// checked again, since a file saved after the first reading must still be valid (`SiteBuilder`
/// also checks that it still plans the same), and dated from history like the first time.
///
/// All its members are values that are never changed.
struct EntryReader: BusinessEntries, @unchecked Sendable {
    let loader: CatalogLoader
    let folders: [String]
    let rules: Validator.OneBusiness
    let history: HistoryDates

    struct Changed: Error, CustomStringConvertible {
        let folder: String
        var description: String {
            "\(folder) changed while the site was being built and now has errors (thư mục đã thay đổi trong lúc dựng trang và nay có lỗi); "
                + "run chonoi build again"
        }
    }

    func entry(_ folder: Int) throws -> Business {
        var (business, found) = loader.loadBusinessFolder(named: folders[folder])
        let problems = found + rules.check(business)
        if problems.contains(where: { $0.severity == .error }) { throw Changed(folder: business.folderDisplayPath) }
        history.apply(to: &business)
        return business
    }

    var readsAgain: Bool { true }
}
