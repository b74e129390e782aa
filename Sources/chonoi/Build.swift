import ArgumentParser
import Catalog
import Diagnostics
import Exports
import Foundation
import Site

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dựng trang web tĩnh. Check the catalog, then write the static site.",
        discussion: """
        Writes the home page, sector, business and product pages, printable sheets, QR codes, \
        search index, sitemap, feed, product feed and open data (du-lieu/), robots.txt and 404 page into the output folder, which any static web server serves as it is. \
        The site is written beside the output folder and swapped in when complete: when the catalog \
        has errors, or anything fails, the previous output is left exactly as it was.

        A product without `updated` is dated by the last commit that changed it (its file or \
        its images), a business by the last commit in its folder; outside git, or in a shallow \
        clone, `published` is used and a note says so.

        Exit status: 0 when built, 1 when the catalog has errors or the site could not be written.
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site.", valueName: "dir"))
    var output: String = "public"

    @Option(name: .long, help: ArgumentHelp("A theme folder; templates it lacks come from the default theme (default: site.yml's theme, else themes/default).", valueName: "dir"))
    var theme: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Override site.yml's base_url, e.g. http://localhost:8080/.", valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("image-cache"), help: ArgumentHelp("Where encoded photos are kept between builds (default: $CHONOI_IMAGE_CACHE, else .chonoi-cache/images beside the content folder).", valueName: "dir"))
    var imageCache: String?

    @Flag(name: .long, help: "Publish drafts too (for previewing).")
    var drafts = false

    @Flag(name: .long, help: "Also write a .gz beside every text file (html, css, js, json, xml, svg, txt), for nginx's gzip_static.")
    var precompress = false

    @Option(name: .long, help: "How to print problems: text, json or github.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let started = Date()
        let today = CivilDate.today()
        let root = CatalogLoader(root: common.content).root
        let history = HistoryDates.read(root: root)
        // Each folder is read to check it and plan the site, then again when its pages are
        // rendered: the whole catalog is never in memory (see `BuildReading`).
        var reading = BuildReading.read(content: common.content, today: today, history: history)
        let language = common.language(for: reading.settings.site)
        let say = Say(language: language)
        common.noteIgnoredSourceDateEpoch(language)
        Output.write(format.render(reading.diagnostics, language: language))
        if reading.diagnostics.errorCount > 0 {
            Output.write(say(vi: "Không dựng trang: còn \(reading.diagnostics.errorCount) lỗi cần sửa; thư mục \(output) giữ nguyên.",
                             en: "Not built: \(reading.diagnostics.errorCount) errors to fix; \(output) was left as it was.") + "\n",
                         to: .standardError)
            throw ExitCode(1)
        }
        history.noteIfUnavailable(say: say)
        let cwd = FileManager.default.currentDirectoryPath
        let defaultTheme = try locateDefaultTheme(workingDirectory: cwd, say: say)
        var options = SiteBuilder.Options(
            output: output, themeFolder: theme ?? reading.settings.site.theme?.value, defaultThemeFolder: defaultTheme,
            baseURL: baseURL, includeDrafts: drafts, today: today,
            protectedFolders: [common.content, cwd], precompress: precompress)
        options.imageCache = common.imageCache(imageCache)
        do {
            let report = try SiteBuilder.build(reading.settings, outlines: reading.takeOutlines(),
                                               entries: reading.entries(content: common.content, today: today, history: history),
                                               options: options)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            Output.write(say(vi: "Đã dựng \(report.pages) trang (\(report.files) tệp) vào \(output) trong \(seconds) giây.",
                             en: "Built \(report.pages) pages (\(report.files) files) into \(output) in \(seconds) s.") + "\n",
                         to: .standardError)
            Output.write(feedReport(report.productFeed, say: say) + "\n", to: .standardError)
        } catch SiteBuilder.Failure.refused(let refusal) {
            Output.write("chonoi: " + say(vi: "không dựng trang: ", en: "not built: ") + refusal.message(in: language) + "\n",
                         to: .standardError)
            throw ExitCode(1)
        } catch {
            Output.write("chonoi: " + say(vi: "không dựng được trang: ", en: "build failed: ") + "\(error)\n", to: .standardError)
            throw ExitCode(1)
        }
    }
}

/// The product feed's line of the build report: how many products it lists, and how many it
/// had to leave out and why (platforms require a price and a photo), so a clerk knows whom to ask.
func feedReport(_ feed: ProductFeed.Summary, say: Say) -> String {
    let listed = say(vi: "Nguồn cấp sản phẩm du-lieu/san-pham.xml: \(feed.listed) sản phẩm",
                     en: "Product feed du-lieu/san-pham.xml: \(feed.listed) products")
    guard feed.leftOut > 0 else { return listed + "." }
    return listed + say(vi: "; bỏ qua \(feed.leftOut) (\(feed.withoutPrice) không có giá bằng số, \(feed.withoutPhoto) không có ảnh).",
                        en: "; \(feed.leftOut) left out (\(feed.withoutPrice) without a price in đồng, \(feed.withoutPhoto) without a photo).")
}

/// Picks the Vietnamese or English form of a command's own message.
struct Say {
    let language: Language
    func callAsFunction(vi: String, en: String) -> String { language.pick(vi: vi, en: en) }
}
