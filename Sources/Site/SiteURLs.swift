/// Every address the site links to, from one place: pages link root-relative under the
/// base path (`/cho-noi/co-so/...`), so the site works at the root of a host or under a
/// sub-path; canonical links, the sitemap and the feed use the absolute form.
public struct SiteURLs: Sendable {
    /// `https://example.org` (no trailing slash).
    public let origin: String
    /// `/` or `/cho-noi/`: always starts and ends with a slash.
    public let basePath: String

    /// Nil when `baseURL` is not an absolute http(s) address.
    public init?(baseURL: String) {
        let lower = baseURL.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") { schemeLength = 8 } else if lower.hasPrefix("http://") { schemeLength = 7 } else { return nil }
        let rest = baseURL.dropFirst(schemeLength)
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let host = rest[..<hostEnd]
        guard !host.isEmpty else { return nil }
        origin = String(baseURL.prefix(schemeLength)).lowercased() + host
        var path = String(rest[hostEnd...].prefix { $0 != "?" && $0 != "#" })
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        basePath = path
    }

    /// A site-relative path (`co-so/a/`) as a link on a page.
    public func link(_ path: String) -> String { basePath + path }

    /// A site-relative path as an absolute address, for canonical links, sitemaps and feeds.
    public func absolute(_ path: String) -> String { origin + basePath + path }

    // The contract's output paths, site-relative, ending with a slash for folders.
    public static let home = ""
    public static let search = "tim-kiem/"
    public static let searchIndex = "tim-kiem/chi-muc/"
    /// The sellers' registration form, when site.yml names a repository for submissions.
    public static let register = "dang-ky/"

    public static func sector(_ id: String, page: Int = 1) -> String {
        page <= 1 ? "linh-vuc/\(id)/" : "linh-vuc/\(id)/trang/\(page)/"
    }

    public static func business(_ slug: String) -> String { "co-so/\(slug)/" }

    public static func product(_ business: String, _ slug: String) -> String { "co-so/\(business)/\(slug)/" }
}
