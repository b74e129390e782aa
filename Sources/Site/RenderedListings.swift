import Exports
import Foundation
import Search

/// What the pages that list businesses need of each one, gathered in plan order as
/// `BusinessPass` renders them: the cards (in a scratch file for `chonoi build`, in memory for
/// `chonoi serve`, which keeps every output), the feed's lines of the newest products, the
/// records of the search index and the sitemap's lines (in scratch files), and the count of
/// pages written. The partner exports are written as the businesses come (`ExportStream`).
final class RenderedListings: @unchecked Sendable {
    private let plan: SitePlan
    private let spilled: SpilledCards?
    /// Every output, in plan order, when kept.
    private(set) var kept: [PageRenderer.BusinessOutput] = []
    private let exports: ExportStream
    /// The exports' files, open until `finishExports`.
    private let exportFiles: [OutputFolder.OpenFile]
    let search: SpilledSearchRecords
    private let sitemap: SpillFile
    private let urls: SiteURLs
    /// For the feed's products only.
    private(set) var feedLines: [SitePlan.ProductRef: SiteFiles.FeedLine] = [:]
    private let inFeed: Set<SitePlan.ProductRef>
    private(set) var pages = 0
    private var next = 0
    private let lock = NSLock()
    private var failure: Error?

    /// Scratch files go in `out`'s staging folder, and the exports' files in the folder itself.
    init(plan: SitePlan, urls: SiteURLs, catalog: CatalogInfo, keepOutputs: Bool, out: OutputFolder) throws {
        self.plan = plan
        self.urls = urls
        sitemap = try SpillFile(in: out.staging, name: "sitemap")
        spilled = keepOutputs ? nil : try SpilledCards(in: out.staging, businesses: plan.businesses.count, products: plan.productCount)
        search = try SpilledSearchRecords(plan: plan, in: out.staging)
        var files: [OutputFolder.OpenFile] = []
        exports = try ExportStream(catalog: catalog, absolute: urls.absolute, businesses: plan.businesses.count,
                                   products: plan.productCount) { path in
            let file = try out.openFile(path)
            files.append(file)
            return file.append
        }
        exportFiles = files
        inFeed = Set(SiteFiles.newestInFeed(plan))
    }

    /// The next businesses of the plan, in order; called from one thread at a time.
    func add(_ outputs: [PageRenderer.BusinessOutput]) {
        guard (try? check()) != nil else { return }
        do {
            for output in outputs {
                let business = next
                next += 1
                pages += output.pages
                if let spilled {
                    try spilled.append(business: output.card, products: output.productCards)
                } else {
                    kept.append(output)
                }
                if let entry = output.exports { try exports.add(entry) }
                try search.add(output.searchRecords, business: business)
                try sitemap.append(SiteFiles.sitemapLines(plan.businesses[business], productSlugs: output.productSlugs, urls: urls).utf8)
                for case let (p, line?) in output.feedLines.enumerated() {
                    let ref = SitePlan.ProductRef(business: business, product: p)
                    if inFeed.contains(ref) { feedLines[ref] = line }
                }
            }
        } catch {
            lock.lock()
            failure = failure ?? error
            lock.unlock()
        }
    }

    /// Throws what went wrong in `add`, if anything did.
    func check() throws {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }

    /// Whether the feed's line of a product is wanted: for the feed's products, or for every
    /// product when the outputs are kept (`chonoi serve` makes the feed again as products change).
    func keepsFeedLine(of ref: SitePlan.ProductRef) -> Bool {
        spilled == nil || inFeed.contains(ref)
    }

    /// Hands the sitemap's lines of every business (`SiteFiles.write`) to `emit`, a
    /// megabyte or so at a time, cut after a line so no character is split.
    func sitemapLines(_ emit: (String) throws -> Void) throws {
        try sitemap.finishWriting()
        var at = 0
        var carried: [UInt8] = []
        while at < sitemap.size {
            let piece = try sitemap.read(at: at, count: min(1 << 20, sitemap.size - at))
            at += piece.count
            carried += piece
            guard let lastLine = carried.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            try emit(String(decoding: carried[...lastLine], as: UTF8.self))
            carried.removeSubrange(...lastLine)
        }
        if !carried.isEmpty { try emit(String(decoding: carried, as: UTF8.self)) }
    }

    /// Ends and closes the exports' files, once every business has been added; returns the
    /// product feed's counts.
    func finishExports() throws -> ProductFeed.Summary {
        try check()
        defer { for file in exportFiles { file.close() } }
        return try exports.finish()
    }

    /// The cards, once every business has been added.
    func cards() throws -> any CardShelf {
        guard let spilled else { return PageRenderer.Cards(businesses: kept) }
        try spilled.finishWriting()
        return spilled
    }
}
