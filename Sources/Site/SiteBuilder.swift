import Catalog
import Dispatch
import Foundation
import Search

/// `chonoi build`: plan pages → render → write, beside the output folder, then swap it in.
///
/// Each business is one unit of work (its images, product cards, product pages and its own
/// page), spread over all cores; sector and home pages reuse the cards. Pages go to disk as
/// soon as they are rendered, so memory grows with the catalog's cards, not its HTML.
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

        public init(output: String, themeFolder: String?, defaultThemeFolder: String, baseURL: String?,
                    includeDrafts: Bool, today: CivilDate, protectedFolders: [String]) {
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
    }

    public enum Failure: Error, CustomStringConvertible {
        case invalidBaseURL(String)
        case theme(String)
        case output(String)

        public var description: String {
            switch self {
            case .invalidBaseURL(let url): return "base_url \"\(url)\" is not an absolute http(s) address"
            case .theme(let message): return "theme: \(message)"
            case .output(let message): return message
            }
        }
    }

    public static func build(_ catalog: Catalog, options: Options) throws -> Report {
        let base = options.baseURL ?? catalog.site.baseURL?.value ?? ""
        guard let urls = SiteURLs(baseURL: base) else { throw Failure.invalidBaseURL(base) }
        let theme: Theme
        let strings: ThemeStrings
        do {
            theme = try Theme(folder: options.themeFolder, defaultFolder: options.defaultThemeFolder)
            strings = try ThemeStrings(files: theme.folders.map { $0 + "/strings.yml" })
        } catch {
            throw Failure.theme("\(error)")
        }
        let out: OutputFolder
        do {
            out = try OutputFolder(target: options.output, protecting: options.protectedFolders + theme.folders)
        } catch {
            throw Failure.output("\(error)")
        }
        do {
            let pages = try render(catalog, urls: urls, theme: theme, strings: strings, options: options, into: out)
            try out.commit()
            return Report(pages: pages, files: out.fileCount, bytes: out.byteCount, output: out.target)
        } catch {
            out.abandon()
            throw Failure.output("\(error)")
        }
    }

    private static func render(_ catalog: Catalog, urls: SiteURLs, theme: Theme, strings: ThemeStrings,
                               options: Options, into out: OutputFolder) throws -> Int {
        let plan = SitePlan(catalog: catalog, includeDrafts: options.includeDrafts)
        let assets = try AssetCopier.copy(theme.assets, urls: urls, into: out)
        let chromeContext: [String: Any] = [
            "site": ["title": catalog.site.title?.value ?? "", "root": urls.basePath, "searchURL": urls.link(SiteURLs.search),
                     "assets": assets],
            "sectors": plan.sectors.filter { $0.entryCount > 0 }.map {
                ["name": $0.sector.name.value, "url": urls.link(SiteURLs.sector($0.sector.id.value))]
            },
            "t": strings.dictionary,
        ]
        // Header and footer are the same on every page: rendered once, not 60,000 times.
        let chrome = ["header": theme.render(chromeContext, template: "partials/header"),
                      "footer": theme.render(chromeContext, template: "partials/footer")]
        let presenter = PagePresenter(catalog: catalog, urls: urls, strings: strings, today: options.today, assets: assets, chrome: chrome)
        let renderer = PageRenderer(theme: try theme.specialized(constants: presenter.constants), presenter: presenter, plan: plan, out: out)

        let businessPages = try renderer.businessesAndProducts()
        var pages = businessPages.pages
        pages += try renderer.sectorPages(cards: businessPages)
        try renderer.homePage(cards: businessPages)
        try renderer.simplePages()
        pages += 3
        try SiteFiles.write(plan: plan, urls: urls, catalog: catalog, strings: strings, out: out)
        let summary = try SearchIndexWriter.write(businessPages.searchRecords, to: out.staging + "/" + SiteURLs.searchIndex)
        _ = summary
        return pages
    }
}
