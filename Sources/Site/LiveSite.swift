#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import Dispatch
import Exports
import Foundation
import Photos
import Platform
import Search

/// A site that is kept up to date while its content changes, for `chonoi serve`.
///
/// `build` writes the whole site as `SiteBuilder` does, and keeps what rendering left behind:
/// the plan, each business's cards and search records, and what every sector page showed.
/// `update` then redoes only what a change touches:
///
/// - the changed businesses' own folders (`co-so/<slug>/`: business page, product pages,
///   images), rendered anew and swapped in whole, so a removed product's page goes too;
/// - the sector pages whose content differs (their cards, counts or page count), compared
///   card by card against what each page showed last time;
/// - the home page;
/// - then, apart (`updateListings`), the sitemap, the feed and the search index, which list
///   everything: pages show without waiting for them.
///
/// Everything is rendered into a small staging folder beside the site, then moved into the
/// live site file by file (`rename`, atomic on one file system), so a request never sees
/// half a page. When the change alters what every page shows (the header's list of
/// sectors), `update` falls back to `build`. `build` runs the same `SiteBuilder.RenderPass` as `chonoi build`;
/// PreviewTests compares the two outputs byte for byte, so they cannot drift apart.
public final class LiveSite: @unchecked Sendable {
    public struct Report: Sendable {
        /// Pages rendered and written this time.
        public var pages: Int
        /// Files written this time (pages, images, assets, sitemap, feed, search index).
        public var files: Int
        /// Whether the whole site was rebuilt.
        public var full: Bool
        /// The site folder that is served.
        public var output: String
    }

    /// What one sector page showed: when the same values come again, the page is the same.
    struct SectorPageKey: Equatable {
        var name: String
        var description: String?
        var businessCount: Int
        var productCount: Int
        var page: Int
        var pages: Int
        var cards: [String]
    }

    private struct State {
        var catalog: Catalog
        var theme: Theme
        var strings: ThemeStrings
        var urls: SiteURLs
        var plan: SitePlan
        var presenter: PagePresenter
        var photos: PhotoCache
        var chromeKey: [String]
        /// By business slug.
        var outputs: [String: PageRenderer.BusinessOutput]
        /// By sector id, pages 1…n.
        var sectorPages: [String: [SectorPageKey]]
    }

    public let options: SiteBuilder.Options
    private var installs = 0
    /// The absolute path of the site folder.
    public let output: String
    private var state: State?

    public init(options: SiteBuilder.Options) {
        self.options = options
        self.output = OutputFolder.absolute(options.output)
    }

    /// Whether `build` has succeeded at least once (so `update` can be incremental).
    public var hasBuilt: Bool { state != nil }

    // MARK: - Whole site

    /// Renders the whole site (reading the theme again) and swaps it in place of the old one.
    public func build(_ catalog: Catalog) throws -> Report {
        state = nil
        listingsAreStale = false
        let setup = try SiteBuilder.Setup(catalog, options: options, output: output)
        let out = setup.out
        do {
            let pass = try SiteBuilder.RenderPass(catalog, outlines: SiteBuilder.outlines(of: catalog, today: options.today),
                                                  entries: CatalogEntries(catalog: catalog), setup: setup, options: options, keepOutputs: true)
            let (plan, pages, urls) = (pass.plan, pass.pages, setup.urls)
            let cards = PageRenderer.Cards(businesses: pass.outputs)
            try out.commit()
            setup.finishPhotos(pruning: true)

            var outputs: [String: PageRenderer.BusinessOutput] = [:]
            for i in plan.businesses.indices { outputs[plan.businesses[i].slug] = cards.businesses[i] }
            state = State(catalog: Self.settings(of: catalog), theme: pass.theme, strings: setup.strings, urls: urls, plan: plan, presenter: pass.presenter,
                          photos: setup.photos, chromeKey: Self.chromeKey(plan), outputs: outputs,
                          sectorPages: Self.sectorPageKeys(plan: plan, cards: cards))
            return Report(pages: pages, files: out.fileCount, full: true, output: out.target)
        } catch {
            out.abandon()
            throw SiteBuilder.Failure.output("\(error)")
        }
    }

    // MARK: - What a change touches

    /// Brings the site up to date with `catalog`, in which only the businesses whose slugs are
    /// in `changed` differ from the last build or update (added, removed, or edited: the entry,
    /// its products or its files). Site settings and sectors must be unchanged: for those, and
    /// for the theme, call `build`.
    public func update(_ catalog: Catalog, changed: Set<String>) throws -> Report {
        guard var state else { return try build(catalog) }
        self.state = nil // until this update has fully succeeded
        let previous = state.plan
        state.plan = .empty // so the update below owns the old plan and changes it in place
        let plan: SitePlan
        // The sectors whose pages may change (nil: any of them).
        let touched: Set<String>?
        if let updated = SitePlan.updated(from: consume previous, catalog: catalog, changed: changed, includeDrafts: options.includeDrafts,
                                          today: options.today) {
            (plan, touched) = updated
        } else {
            (plan, touched) = (SitePlan(catalog: catalog, outlines: SiteBuilder.outlines(of: catalog, today: options.today),
                                        includeDrafts: options.includeDrafts, keepNames: true), nil)
        }
        // The header and footer list the sectors that have entries: when that list changes,
        // every page changes.
        if Self.chromeKey(plan) != state.chromeKey { return try build(catalog) }

        let delta: OutputFolder
        do {
            delta = try OutputFolder(target: output + ".delta", protecting: options.protectedFolders + state.theme.folders)
        } catch {
            throw SiteBuilder.Failure.output("\(error)")
        }
        defer { delta.abandon() }
        do {
            let renderer = PageRenderer(theme: state.theme, presenter: state.presenter, plan: plan, out: delta, photos: state.photos)
            var pages = 0

            // 1. The changed businesses (and any the last build did not render).
            let toRender = plan.businesses.indices.filter {
                let slug = plan.businesses[$0].slug
                return changed.contains(slug) || state.outputs[slug] == nil
            }
            let listings = toRender.map { plan.listing($0, entry: catalog.businesses[plan.businesses[$0].folder]) }
            // Their photos first, one per core: only new or replaced ones are encoded.
            state.photos.prepare(listings.flatMap { MediaCopier.jobs(for: $0.business, products: $0.products.map(\.product)) })
            var rendered = [PageRenderer.BusinessOutput](repeating: .init(), count: toRender.count)
            rendered.withUnsafeMutableBufferPointer { buffer in
                let slots = Slots(buffer)
                DispatchQueue.concurrentPerform(iterations: toRender.count) { j in
                    do {
                        slots.base[j] = try renderer.renderListing(listings[j])
                    } catch {
                        slots.base[j].error = error
                    }
                }
            }
            if let error = rendered.lazy.compactMap(\.error).first { throw error }
            for (j, i) in toRender.enumerated() {
                state.outputs[plan.businesses[i].slug] = rendered[j]
                pages += rendered[j].pages
            }
            var published = Set<String>()
            for i in plan.businesses.indices { published.insert(plan.businesses[i].slug) }
            let removed = state.outputs.keys.filter { !published.contains($0) }
            for slug in removed { state.outputs[slug] = nil }
            let cards = PageRenderer.Cards(businesses: plan.businesses.indices.map { state.outputs[plan.businesses[$0].slug]! })

            // 2. Sector pages whose content is not what they showed last time.
            // Only the touched sectors can show something new (the others list no changed business).
            var keys = state.sectorPages
            for (id, pages) in Self.sectorPageKeys(plan: plan, cards: cards, only: touched) { keys[id] = pages }
            if touched != nil {
                for id in touched! where !plan.sectors.contains(where: { $0.sector.id.value == id && $0.entryCount > 0 }) { keys[id] = nil }
            }
            var jobs: [(sector: SitePlan.SectorListing, key: SectorPageKey)] = []
            var staleFolders: [String] = []
            for sector in plan.sectors where touched?.contains(sector.sector.id.value) ?? true {
                let id = sector.sector.id.value
                let new = keys[id] ?? [], old = state.sectorPages[id] ?? []
                for key in new where key.page > old.count || old[key.page - 1] != key {
                    jobs.append((sector, key))
                }
                if new.isEmpty && !old.isEmpty {
                    staleFolders.append(SiteURLs.sector(id))
                } else if new.count < old.count {
                    staleFolders += (new.count + 1...old.count).map { SiteURLs.sector(id, page: $0) }
                }
            }
            // 3. With them, on another core, the home page (the newest products, featured businesses).
            var failure: Error?
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: jobs.count + 1) { j in
                do {
                    if j == jobs.count {
                        try renderer.homePage(cards: cards)
                    } else {
                        let job = jobs[j]
                        try renderer.renderSectorPage(job.sector, page: job.key.page, cards: cards)
                    }
                } catch {
                    lock.lock()
                    failure = failure ?? error
                    lock.unlock()
                }
            }
            if let failure { throw failure }
            pages += jobs.count + 1
            // The registration form's list of taken folder names follows the businesses.
            try RegistrationPage(catalog: catalog, presenter: state.presenter)?.writeData(to: delta)
            // 4. Into the live site: business folders whole, everything else file by file.
            let renderedSlugs = toRender.map { plan.businesses[$0].slug }
            try install(delta, businessFolders: renderedSlugs,
                        removing: removed.map { SiteURLs.business($0) } + staleFolders)
            try? state.photos.save()

            state.catalog = Self.settings(of: catalog)
            state.plan = plan
            state.sectorPages = keys
            self.state = state
            // The sitemap, the feed and the search index list everything, and are not pages a
            // reader reloads: `updateListings` writes them once the pages are in place.
            listingsAreStale = true
            return Report(pages: pages, files: delta.fileCount, full: false, output: output)
        } catch {
            throw SiteBuilder.Failure.output("\(error)")
        }
    }

    /// Whether pages changed since the sitemap, feed and search index were last written.
    public private(set) var listingsAreStale = false

    /// Asked for between pieces of the listings: a change is waiting, so stop and let it render.
    public struct Stopped: Error {}

    /// Writes the sitemap, the feeds, the open data and the search index for the pages as they
    /// are now: each file but the search index's replaced at once (`rename`), the search index in
    /// place (only its changed files are rewritten). At 10,000 businesses this takes seconds, so
    /// `shouldStop` is asked between files and between 64 KB pieces of the open data; when it
    /// says yes, the file being written is dropped, the ones before stay, nothing is left
    /// half-written, the listings stay stale and the function returns false. The search index,
    /// written last, is not interrupted: its files must agree with each other.
    @discardableResult
    public func updateListings(stoppingWhen shouldStop: @escaping () -> Bool = { false }) throws -> Bool {
        guard let state else { return true }
        func check() throws { if shouldStop() { throw Stopped() } }
        // Each file is written beside it under a hidden name (never served), then renamed over it.
        // The text is made only once no change waits: the sitemap of 10,000 businesses takes a while.
        func replace(_ name: String, _ text: () -> String) throws {
            try check()
            let text = text()
            let temporary = output + "/.\(name).chonoi-\(getpid())"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileSystemCalls.move(temporary, to: output + "/" + name)
        }
        do {
            try replace("sitemap.xml") { SiteFiles.sitemap(plan: state.plan, urls: state.urls) }
            try replace("feed.xml") {
                var feedLines: [SitePlan.ProductRef: SiteFiles.FeedLine] = [:]
                for ref in SiteFiles.newestInFeed(state.plan) {
                    feedLines[ref] = state.outputs[state.plan.businesses[Int(ref.business)].slug]?.feedLines[Int(ref.product)] ?? nil
                }
                return SiteFiles.feed(plan: state.plan, lines: feedLines, urls: state.urls, catalog: state.catalog, strings: state.strings)
            }
            let exports = state.plan.businesses.compactMap { state.outputs[$0.slug]?.exports }
            try FileSystemCalls.makeFolder(output + "/" + ExportFiles.folder)
            // Every export file is written beside the old one, and all replace theirs once the
            // last is complete: a save that stops this leaves the previous set whole.
            var written: [(temporary: String, name: String, file: FileHandle)] = []
            do {
                try PartnerExports.render(exports, catalog: state.catalog, urls: state.urls) { name in
                    try check()
                    let temporary = output + "/." + name.replacingOccurrences(of: "/", with: "_") + ".chonoi-\(getpid())"
                    guard FileManager.default.createFile(atPath: temporary, contents: nil),
                          let file = FileHandle(forWritingAtPath: temporary) else {
                        throw FileSystemCalls.Failure(description: "cannot write \(temporary)")
                    }
                    written.append((temporary, name, file))
                    return {
                        try check()
                        try file.write(contentsOf: Data($0))
                    }
                }
                for each in written { try each.file.close() }
                try check()
            } catch {
                for each in written {
                    try? each.file.close()
                    try? FileManager.default.removeItem(atPath: each.temporary)
                }
                throw error
            }
            for each in written { try FileSystemCalls.move(each.temporary, to: output + "/" + each.name) }
            try check()
        } catch is Stopped {
            return false
        }
        let records = state.plan.businesses.flatMap { state.outputs[$0.slug]?.searchRecords ?? [] }
        _ = try SearchIndexWriter.write(records, to: output + "/" + SiteURLs.searchIndex)
        listingsAreStale = false
        return true
    }

    /// The catalog without its businesses: what the feed needs later. Keeping the businesses
    /// would share their array with the caller's catalog, and its next edit would copy all of it.
    private static func settings(of catalog: Catalog) -> Catalog {
        Catalog(root: catalog.root, site: catalog.site, sectorsFile: catalog.sectorsFile, sectors: catalog.sectors, businesses: [])
    }

    // MARK: - Keys

    private static func chromeKey(_ plan: SitePlan) -> [String] {
        plan.sectors.filter { $0.entryCount > 0 }.flatMap { [$0.sector.id.value, $0.sector.name.value] }
    }

    /// What each sector page shows, as `PageRenderer.renderSectorPage` lays it out.
    static func sectorPageKeys(plan: SitePlan, cards: PageRenderer.Cards, only: Set<String>? = nil) -> [String: [SectorPageKey]] {
        var keys: [String: [SectorPageKey]] = [:]
        for s in plan.sectors where s.entryCount > 0 && only?.contains(s.sector.id.value) ?? true {
            let layout = plan.pagination(of: s)
            let pages = layout.pageCount
            var list: [SectorPageKey] = []
            list.reserveCapacity(pages)
            for page in layout.pages {
                var shown = s.businesses[layout.businesses(onPage: page)].map { cards.businessCard($0) }
                shown += s.products[layout.products(onPage: page)].map { cards.productCard($0) }
                list.append(SectorPageKey(name: s.sector.name.value, description: s.sector.description?.value,
                                          businessCount: s.businesses.count, productCount: s.products.count,
                                          page: page, pages: pages, cards: shown))
            }
            keys[s.sector.id.value] = list
        }
        return keys
    }

    // MARK: - Moving the staged files into the live site

    private func install(_ delta: OutputFolder, businessFolders: [String], removing stale: [String]) throws {
        installs += 1
        let trash = output + ".chonoi-trash-\(getpid())-\(installs)"
        var trashed = 0
        // What was replaced is deleted in the background: the new pages are served meanwhile.
        defer {
            if trashed > 0 { DispatchQueue.global(qos: .utility).async { try? FileManager.default.removeItem(atPath: trash) } }
        }
        func discard(_ path: String) throws {
            guard FileSystemCalls.exists(path) else { return }
            if trashed == 0 { try FileSystemCalls.makeFolder(trash) }
            trashed += 1
            try FileSystemCalls.move(path, to: trash + "/\(trashed)")
        }
        // A business's folder is swapped whole: a product removed from it loses its page and images.
        var swapped: Set<String> = []
        for slug in businessFolders {
            let relative = SiteURLs.business(slug) // co-so/<slug>/
            let source = delta.staging + "/" + relative.dropLast(), target = output + "/" + relative.dropLast()
            guard FileSystemCalls.exists(source) else { continue }
            try discard(target)
            try FileSystemCalls.makeFolder(String(target[..<target.lastIndex(of: "/")!]))
            try FileSystemCalls.move(source, to: target)
            swapped.insert(relative)
        }
        for path in stale { try discard(output + "/" + path.dropLast()) }
        try moveFiles(from: delta.staging, relative: "", skipping: swapped)
    }

    private func moveFiles(from root: String, relative: String, skipping: Set<String>) throws {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative) else { return }
        for name in entries.sorted() {
            let path = relative + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                if skipping.contains(path + "/") { continue }
                try FileSystemCalls.makeFolder(output + "/" + path)
                try moveFiles(from: root, relative: path + "/", skipping: skipping)
            } else {
                try FileSystemCalls.move(root + "/" + path, to: output + "/" + path)
            }
        }
    }
}
