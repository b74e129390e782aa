import Catalog
import Dispatch
import Exports
import Foundation
import Photos
import Platform
import Registration
import Search

/// `chonoi build`: plan pages → render → write, beside the output folder, then swap it in.
///
/// Each business is one unit of work (its images, product cards, product pages and its own
/// page), spread over all cores, a batch of businesses at a time (`BusinessPass`); sector and
/// home pages reuse the cards. Pages go to disk as soon as they are rendered, and what the
/// listings need of each business (cards, feed and search records) is written out in plan
/// order as each batch is done (`RenderedListings`), so memory stays nearly flat as the
/// catalog grows.
public struct SiteBuilder {
    public struct Options {
        public var output: String
        public var themeFolder: String?
        public var defaultThemeFolder: String
        public var baseURL: String?
        public var includeDrafts: Bool
        public var today: CivilDate
        /// Folders the output may never replace or sit inside (the content folder first).
        public var protectedFolders: [String]
        /// Where encoded photos are kept between builds; nil: `.chonoi-cache/images` beside the
        /// content folder. Entries a full build did not use are removed after it.
        public var imageCache: String?
        /// Write a `.gz` beside every text file (`build --precompress`).
        public var precompress: Bool

        public init(output: String, themeFolder: String?, defaultThemeFolder: String, baseURL: String?,
                    includeDrafts: Bool, today: CivilDate, protectedFolders: [String], precompress: Bool = false) {
            self.precompress = precompress
            self.output = output
            self.themeFolder = themeFolder
            self.defaultThemeFolder = defaultThemeFolder
            self.baseURL = baseURL
            self.includeDrafts = includeDrafts
            self.today = today
            self.protectedFolders = protectedFolders
        }
    }

    public struct Report: Sendable {
        public var pages: Int
        public var files: Int
        public var bytes: Int
        public var output: String
        /// The product feed's count of listed products and of those left out, and why.
        public var productFeed: ProductFeed.Summary
    }

    public enum Failure: Error, CustomStringConvertible {
        case invalidBaseURL(String)
        case theme(String)
        case output(String)
        /// The output folder may not be replaced; nothing was rendered or changed.
        case refused(OutputTarget.Refusal)

        public var description: String {
            switch self {
            case .refused(let refusal): return refusal.description
            case .invalidBaseURL(let url): return "base_url \"\(url)\" is not an absolute http(s) address"
            case .theme(let message): return "theme: \(message)"
            case .output(let message): return message
            }
        }
    }

    /// Builds the site of a catalog held in memory (`chonoi serve`, tests).
    public static func build(_ catalog: Catalog, options: Options) throws -> Report {
        try build(catalog, outlines: outlines(of: catalog, today: options.today), entries: CatalogEntries(catalog: catalog), options: options)
    }

    /// Builds the site of the catalog whose settings and sectors are in `catalog` (its businesses
    /// are not read here, and may be left out), whose business folders are described by
    /// `outlines` (in folder order), each entry read from `entries` when its pages are rendered.
    public static func build(_ catalog: Catalog, outlines: consuming [BusinessOutline], entries: some BusinessEntries, options: Options) throws -> Report {
        let setup = try Setup(catalog, options: options, output: options.output)
        do {
            let pass = try RenderPass(catalog, outlines: outlines, entries: entries, setup: setup, options: options, keepOutputs: false)
            let compressed = options.precompress ? try Precompressor.compressTextFiles(in: setup.out.staging) : 0
            try setup.out.commit()
            setup.finishPhotos(pruning: true)
            return Report(pages: pass.pages, files: setup.out.fileCount + compressed, bytes: setup.out.byteCount, output: setup.out.target,
                          productFeed: pass.productFeed)
        } catch {
            setup.out.abandon()
            throw Failure.output("\(error)")
        }
    }

    /// The outline of every business folder of `catalog`, in its order.
    public static func outlines(of catalog: Catalog, today: CivilDate) -> [BusinessOutline] {
        let sectors = SectorLookup(catalog.sectors)
        return catalog.businesses.map { BusinessOutline($0, sectors: sectors, today: today) }
    }

    /// What a build needs before rendering: the addresses, the theme and its words, and the
    /// output folder being written beside its final place.
    struct Setup {
        let urls: SiteURLs
        let theme: Theme
        let strings: ThemeStrings
        let out: OutputFolder
        let photos: PhotoCache

        /// `.chonoi-cache/images` beside the content folder.
        static func defaultImageCache(contentFolder: String) -> String {
            let content = OutputFolder.absolute(contentFolder)
            let parent = content == "/" ? "" : String(content[..<content.lastIndex(of: "/")!])
            return parent + "/.chonoi-cache/images"
        }

        /// Saves the cache's index of source hashes and, after a full build, removes the
        /// entries it did not use. The site is already in place: a failure here only costs a
        /// re-hash or some disk space, so it is not an error.
        func finishPhotos(pruning: Bool) {
            try? photos.save()
            if pruning { photos.prune() }
        }

        init(_ catalog: Catalog, options: Options, output: String) throws {
            let base = options.baseURL ?? catalog.site.baseURL?.value ?? ""
            guard let urls = SiteURLs(baseURL: base) else { throw Failure.invalidBaseURL(base) }
            self.urls = urls
            do {
                theme = try Theme(folder: options.themeFolder, defaultFolder: options.defaultThemeFolder)
                strings = try ThemeStrings(files: theme.folders.map { $0 + "/strings.yml" })
            } catch {
                throw Failure.theme("\(error)")
            }
            do {
                out = try OutputFolder(target: output, protecting: options.protectedFolders + theme.folders)
            } catch OutputFolder.Failure.refused(let refusal) {
                throw Failure.refused(refusal)
            } catch {
                throw Failure.output("\(error)")
            }
            do {
                photos = try PhotoCache(folder: options.imageCache ?? Self.defaultImageCache(contentFolder: catalog.root))
            } catch {
                out.abandon()
                throw Failure.output("image cache: \(error)")
            }
        }
    }

    /// Every page and file of the site, written into `setup.out`; what it leaves behind is what
    /// `LiveSite` keeps to redo only what a change touches.
    struct RenderPass {
        let plan: SitePlan
        let presenter: PagePresenter
        /// The theme with the build's constants written in (see `Theme.specialized`).
        let theme: Theme
        /// What rendering each business left, in plan order, when `keepOutputs` (for `LiveSite`).
        let outputs: [PageRenderer.BusinessOutput]
        let pages: Int
        let productFeed: ProductFeed.Summary

        init(_ catalog: Catalog, outlines: consuming [BusinessOutline], entries: some BusinessEntries, setup: Setup, options: Options,
             keepOutputs: Bool) throws {
            let (urls, strings, out) = (setup.urls, setup.strings, setup.out)
            // Every folder, drafts included, for the registration form (a new seller must not take one).
            let taken = SubmissionRepository(site: catalog.site) == nil ? [] : outlines.map(\.slug)
            // The outlines are the plan's now.
            plan = SitePlan(catalog: catalog, outlines: outlines, includeDrafts: options.includeDrafts, keepNames: keepOutputs)
            // What sorting needed is gone.
            SystemCalls.returnFreedMemory()
            let assets = try AssetCopier.copy(setup.theme.assets, urls: urls, into: out)
            var chromeSite: [String: Any] = ["title": catalog.site.title?.value ?? "", "root": urls.basePath,
                                             "searchURL": urls.link(SiteURLs.search), "assets": assets]
            // The footer links the registration form only when the build writes it.
            if SubmissionRepository(site: catalog.site) != nil { chromeSite["registerURL"] = urls.link(SiteURLs.register) }
            let chromeContext: [String: Any] = [
                "site": chromeSite,
                "sectors": plan.sectors.filter { $0.entryCount > 0 }.map {
                    ["name": $0.sector.name.value, "url": urls.link(SiteURLs.sector($0.sector.id.value))]
                },
                "t": strings.dictionary,
            ]
            // Header and footer are the same on every page: rendered once, not 60,000 times.
            // Rendered with the pages' escaping (see `ByteHTMLContentType`), constants not yet written in.
            let chromeTheme = try setup.theme.specialized(constants: [:])
            let chrome = ["header": chromeTheme.render(chromeContext, template: "partials/header"),
                          "footer": chromeTheme.render(chromeContext, template: "partials/footer")]
            presenter = PagePresenter(catalog: catalog, urls: urls, strings: strings, today: options.today, assets: assets, chrome: chrome)
            theme = try setup.theme.specialized(constants: presenter.constants)
            let renderer = PageRenderer(theme: theme, presenter: presenter, plan: plan, out: out, photos: setup.photos)

            let listings = try RenderedListings(plan: plan, urls: urls, catalog: PartnerExports.info(catalog, urls: urls),
                                                keepOutputs: keepOutputs, out: out)
            try BusinessPass(plan: plan, entries: entries, renderer: renderer, photos: setup.photos, sectors: SectorLookup(catalog.sectors),
                             options: options).run(into: listings)
            outputs = listings.kept
            // The partner exports were written as the businesses were rendered.
            productFeed = try listings.finishExports()
            let cards: any CardShelf = try listings.cards()
            // The search index too (a few per cent of the CPU time, alone at the end before): it
            // needs only the search records, all written by now.
            try listings.search.finishWriting()
            let search = listings.search
            let index = BackgroundWork { try SearchIndexWriter.write(ordered: search, to: out.staging + "/" + SiteURLs.searchIndex) }
            defer { index.wait() }
            var pages = listings.pages
            pages += try renderer.sectorPages(cards: cards)
            try renderer.homePage(cards: cards)
            try renderer.simplePages()
            pages += 3
            if let registration = RegistrationPage(catalog: catalog, taken: taken, presenter: presenter) {
                try registration.write(theme: theme, to: out)
                pages += 1
            }
            self.pages = pages
            try SiteFiles.write(plan: plan, feedLines: listings.feedLines, urls: urls, catalog: catalog, strings: strings, out: out,
                                businessLines: listings.sitemapLines)
            _ = try index.result()
        }
    }
}

/// One piece of work run on another thread; `result()` waits for it and returns its value or
/// rethrows its error.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, Error>?

    init(_ work: @escaping () throws -> Value) {
        Thread.detachNewThread { [self] in
            outcome = Result(catching: work)
            done.signal()
        }
    }

    func wait() {
        done.wait()
        done.signal()
    }

    func result() throws -> Value {
        wait()
        return try outcome!.get()
    }
}
