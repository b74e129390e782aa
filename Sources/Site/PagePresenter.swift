import Catalog
import Diagnostics
import Markdown

/// Builds the template context of every page: plain dictionaries of display-ready values
/// (documented in docs/theme.md). Seller text goes in as text and is escaped by `{{ }}`;
/// the only raw HTML is what cmark-gfm rendered in safe mode, fragments this theme rendered,
/// and JSON-LD escaped for a script element.
struct PagePresenter {
    let urls: SiteURLs
    let display: Display
    let strings: ThemeStrings
    let site: [String: Any]

    init(catalog: Catalog, urls: SiteURLs, strings: ThemeStrings, today: CivilDate, assets: [String: String], chrome: [String: String]) {
        self.urls = urls
        self.strings = strings
        self.display = Display(strings: strings, today: today)
        let settings = catalog.site
        var site: [String: Any] = [
            "title": settings.title?.value ?? "",
            "lang": settings.language?.value ?? "vi",
            // Open Graph wants a territory: the catalog's language as Facebook and Zalo list it.
            "ogLocale": settings.language?.value == "en" ? "en_US" : "vi_VN",
            "root": urls.basePath,
            "searchURL": urls.link(SiteURLs.search),
            "feedURL": urls.link("feed.xml"),
            "assets": assets,
        ]
        site["description"] = settings.description?.value
        site["phone"] = display.phone(settings.contactPhone)
        if let email = settings.contactEmail?.value { site["email"] = ["text": email, "href": "mailto:" + email] }
        site.merge(chrome) { _, new in new }
        self.site = site
    }

    /// Every text value that is the same on every page (`site.*`, `t.*`), by its dotted name,
    /// for `Theme.specialized(constants:)`.
    var constants: [String: String] {
        var values: [String: String] = [:]
        func add(_ prefix: String, _ value: Any) {
            switch value {
            case let text as String: values[prefix] = text
            case let dictionary as [String: String]: for (k, v) in dictionary { values[prefix + "." + k] = v }
            case let dictionary as [String: Any]: for (k, v) in dictionary { add(prefix + "." + k, v) }
            default: break
            }
        }
        add("site", site)
        add("t", strings.dictionary)
        return values
    }

    /// The keys every page has; `extra` adds the page's own.
    func page(title: String, description: String?, path: String, breadcrumbs: [(String, String?)],
              jsonLD: [String], image: String? = nil, noindex: Bool = false, extra: [String: Any]) -> [String: Any] {
        var crumbs: [[String: Any]] = []
        for (i, crumb) in breadcrumbs.enumerated() {
            var c: [String: Any] = ["name": crumb.0, "last": i == breadcrumbs.count - 1]
            c["url"] = crumb.1.map(urls.link)
            crumbs.append(c)
        }
        var page: [String: Any] = [
            "title": title,
            "canonical": urls.absolute(path),
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": crumbs.count > 1,
            "jsonLD": jsonLD.map { ["json": $0] },
            "noindex": noindex,
        ]
        page["description"] = description ?? site["description"]
        page["image"] = image.map { urls.origin + $0 }
        var context = extra
        context["site"] = site
        context["page"] = page
        context["t"] = strings.dictionary
        return context
    }

    // MARK: - Fragments shared by several pages

    func businessSummary(_ b: Business, sector: Sector, logo: MediaFile?, productCount: Int) -> [String: Any] {
        var d: [String: Any] = [
            "name": b.name?.value ?? b.slug,
            "url": urls.link(SiteURLs.business(b.slug)),
            "kind": display.kind(b),
            "place": display.place(b.address),
            "productCount": productCount,
            "sector": ["name": sector.name.value, "url": urls.link(SiteURLs.sector(sector.id.value))],
        ]
        d["logo"] = logo?.context(alt: b.name?.value ?? "")
        d["phone"] = display.phone(b.phone)
        d["zalo"] = display.zalo(b.zalo)
        d["mapURL"] = display.mapURL(b.map)
        d["initial"] = display.initial(b.name?.value ?? b.slug)
        return d
    }

    func productSummary(_ p: Product, business: Business, image: MediaFile?) -> [String: Any] {
        let price = display.price(p)
        var d: [String: Any] = [
            "name": p.name?.value ?? p.slug,
            "url": urls.link(SiteURLs.product(business.slug, p.slug)),
            "price": price.text,
            "isContact": price.isContact,
            "businessName": business.name?.value ?? business.slug,
            "place": display.place(business.address),
            "available": p.available,
            "inSeason": display.inSeason(p.season),
        ]
        let stars = p.ocopBadge(today: display.today)
        if let stars {
            d["ocop"] = ["stars": stars, "label": strings.format("ocop_badge", ["stars": String(stars)]),
                         "glyphs": String(repeating: "★", count: stars)]
        }
        d["image"] = image?.context(alt: p.name?.value ?? "")
        d["initial"] = display.initial(p.name?.value ?? p.slug)
        d["hasBadges"] = stars != nil || display.inSeason(p.season) || !p.available
        return d
    }

    /// One parse gives the page's HTML and the plain text for descriptions and search.
    func markdown(_ body: String) -> (html: String, text: String) {
        let rendered = MarkdownRenderer.render(body)
        return (rendered.html, rendered.text)
    }

    /// The meta description: the text cut at a word, at most 160 characters, as Markdown's
    /// own `summary` cuts it.
    func summary(_ text: String) -> String? {
        text.isEmpty ? nil : MarkdownRenderer.summary(ofText: text, maxCharacters: 160)
    }
}

/// A picture in the site: its JPEG fallback, the WebP and JPEG `srcset`s, its size for the
/// `width`/`height` attributes, the largest JPEG (structured data) and the Open Graph frame.
struct MediaFile: Sendable {
    let src: String
    let width: Int?
    let height: Int?
    var srcset = ""
    var webpSrcset = ""
    var largest = ""
    var openGraph: String?

    func context(alt: String) -> [String: Any] {
        var d: [String: Any] = ["src": src, "alt": alt, "srcset": srcset, "webpSrcset": webpSrcset]
        d["width"] = width
        d["height"] = height
        return d
    }
}
