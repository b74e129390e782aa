import Catalog
import Diagnostics
import Markdown
import Mustache
import Templates

/// Builds the template context of every page (documented in docs/theme.md) as the objects of
/// PageContext.swift, with display-ready values. Seller text goes in as text and is escaped by
/// `{{ }}`; the only raw HTML is what cmark-gfm rendered in safe mode, fragments this theme
/// rendered, and JSON-LD escaped for a script element.
struct PagePresenter {
    let urls: SiteURLs
    let display: Display
    let strings: ThemeStrings
    let site: SiteContext

    init(catalog: Catalog, urls: SiteURLs, strings: ThemeStrings, today: CivilDate, assets: [String: String], chrome: [String: String]) {
        self.urls = urls
        self.strings = strings
        self.display = Display(strings: strings, today: today)
        let settings = catalog.site
        site = SiteContext(
            title: settings.title?.value ?? "",
            description: settings.description?.value,
            lang: settings.language?.value ?? "vi",
            // Open Graph wants a territory: the catalog's language as Facebook and Zalo list it.
            ogLocale: settings.language?.value == "en" ? "en_US" : "vi_VN",
            root: urls.basePath,
            searchURL: urls.link(SiteURLs.search),
            feedURL: urls.link("feed.xml"),
            assets: assets,
            phone: display.phone(settings.contactPhone),
            email: settings.contactEmail.map { EmailContext($0.value) },
            header: chrome["header"], footer: chrome["footer"])
    }

    /// Every text value that is the same on every page (`site.*`, `t.*`), by its dotted name,
    /// for `Theme.specialized(constants:)`.
    var constants: [String: String] {
        var values = site.texts
        for (key, word) in strings.dictionary { values["t." + key] = word }
        return values
    }

    /// The keys every page has; `content` adds the page's own.
    func page(title: String, description: String?, path: String, breadcrumbs: [(String, String?)],
              jsonLD: [UTF8Text], image: String? = nil, noindex: Bool = false, content: MustacheParent) -> PageContext {
        let crumbs = breadcrumbs.enumerated().map { i, crumb in
            CrumbContext(name: crumb.0, url: crumb.1.map(urls.link), last: i == breadcrumbs.count - 1)
        }
        let page = PageInfoContext(title: title, description: description ?? site.description, canonical: urls.absolute(path),
                                   breadcrumbs: crumbs, jsonLD: jsonLD.map(JSONLDContext.init), noindex: noindex,
                                   image: image.map { urls.origin + $0 })
        return PageContext(site: site, page: page, words: strings.dictionary, content: content)
    }

    /// A product page's `business`, with the seller's fragments rendered once (SellerContext).
    func seller(_ card: BusinessCardContext, theme: Theme) -> SellerContext {
        // The business-card keys, `t` and `site` (docs/theme.md), not the product's or the page's.
        let root = CardRootContext(card, words: strings.dictionary, site: site)
        return SellerContext(card: card, contactHTML: theme.render(root, template: "partials/contact"),
                             sellerHTML: theme.render(root, template: "partials/seller"))
    }

    /// The root object of a card template: the card's keys and `t`.
    func cardRoot(_ card: ContextObject) -> CardRootContext { CardRootContext(card, words: strings.dictionary) }

    // MARK: - Fragments shared by several pages

    func businessSummary(_ b: Business, sector: Sector, logo: MediaFile?, productCount: Int) -> BusinessCardContext {
        BusinessCardContext(
            name: b.name?.value ?? b.slug,
            url: urls.link(SiteURLs.business(b.slug)),
            kind: display.kind(b),
            place: display.place(b.address),
            productCount: productCount,
            sector: sectorLink(sector),
            logo: logo?.context(alt: b.name?.value ?? ""),
            phone: display.phone(b.phone),
            zalo: display.zalo(b.zalo),
            mapURL: display.mapURL(b.map),
            initial: display.initial(b.name?.value ?? b.slug))
    }

    func productSummary(_ p: Product, business: Business, image: MediaFile?) -> ProductCardContext {
        let price = display.price(p)
        return ProductCardContext(
            name: p.name?.value ?? p.slug,
            url: urls.link(SiteURLs.product(business.slug, p.slug)),
            price: price.text,
            isContact: price.isContact,
            businessName: business.name?.value ?? business.slug,
            place: display.place(business.address),
            available: p.available,
            inSeason: display.inSeason(p.season),
            ocop: ocopBadge(p),
            image: image?.context(alt: p.name?.value ?? ""),
            initial: display.initial(p.name?.value ?? p.slug))
    }

    /// A valid OCOP badge; `withYear` adds the year of recognition and the last valid year (product page).
    func ocopBadge(_ p: Product, withYear: Bool = false) -> OCOPContext? {
        guard let stars = p.ocopBadge(today: display.today) else { return nil }
        let year = withYear ? p.ocopYear?.value : nil
        return OCOPContext(stars: stars, label: strings.format("ocop_badge", ["stars": String(stars)]),
                           glyphs: String(repeating: "★", count: stars),
                           year: year, validUntil: year.map { OCOP.lastValidYear(recognisedIn: $0) })
    }

    func sectorLink(_ sector: Sector) -> LinkContext {
        LinkContext(name: sector.name.value, url: urls.link(SiteURLs.sector(sector.id.value)))
    }

    /// One parse gives the page's HTML and the plain text for descriptions and search.
    func markdown(_ body: String) -> (html: UTF8Text, text: String) {
        let rendered = MarkdownRenderer.render(body)
        return (UTF8Text(validUTF8: rendered.htmlUTF8), rendered.text)
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

    func context(alt: String) -> PictureContext {
        PictureContext(src: src, alt: alt, srcset: srcset, webpSrcset: webpSrcset, width: width, height: height)
    }
}
