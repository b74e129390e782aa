import Catalog
import VietnameseText

/// The files around the pages: sitemap, Atom feed of new products, robots.txt.
enum SiteFiles {
    static let feedSize = 50

    /// `businessLines` hands over the sitemap's lines of the businesses and their products, in
    /// plan order (`sitemapLines`): `chonoi build` wrote them as it rendered each business, its
    /// plan no longer knowing the products' slugs.
    static func write(plan: SitePlan, feedLines: [SitePlan.ProductRef: FeedLine], urls: SiteURLs, catalog: Catalog,
                      strings: ThemeStrings, out: OutputFolder, businessLines: ((String) throws -> Void) throws -> Void) throws {
        // Piece by piece: at 50,000 businesses the sitemap is some 100 MB.
        try out.write("sitemap.xml") { append in
            var buffer: [UInt8] = []
            try sitemap(plan: plan, urls: urls, businessLines: businessLines) { piece in
                buffer.append(contentsOf: piece.utf8)
                if buffer.count >= 1 << 16 {
                    try append(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try append(buffer)
        }
        try out.write("feed.xml", feed(plan: plan, lines: feedLines, urls: urls, catalog: catalog, strings: strings))
        try out.write("robots.txt", "User-agent: *\nAllow: /\nSitemap: \(urls.absolute("sitemap.xml"))\n")
    }

    /// Every published page, in a stable order, with `lastmod` where a date is known; from a
    /// plan that kept its names (`SitePlan.keepsNames`).
    static func sitemap(plan: SitePlan, urls: SiteURLs) -> String {
        var s = ""
        // Appending to a String cannot fail.
        try! sitemap(plan: plan, urls: urls, businessLines: { emit in
            for b in plan.businesses.indices {
                try emit(sitemapLines(plan.businesses[b], productSlugs: plan.businesses[b].products.map(plan.businesses[b].slug(of:)), urls: urls))
            }
        }) { s += $0 }
        return s
    }

    /// The sitemap, handed to `emit` a piece at a time.
    static func sitemap(plan: SitePlan, urls: SiteURLs, businessLines: ((String) throws -> Void) throws -> Void,
                        emit: (String) throws -> Void) rethrows {
        try emit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        try emit(entry(SiteURLs.home, plan.newest.first.flatMap { plan.product($0).lastChange }, urls: urls))
        for sector in plan.sectors where sector.entryCount > 0 {
            for page in plan.pagination(of: sector).pages { try emit(entry(SiteURLs.sector(sector.sector.id.value, page: page), nil, urls: urls)) }
        }
        try withoutActuallyEscaping(emit) { emit in try businessLines(emit) }
        try emit("</urlset>\n")
    }

    /// A business's page and its products' pages in the sitemap; `productSlugs` in the order of
    /// its listing.
    static func sitemapLines(_ business: SitePlan.PlannedBusiness, productSlugs: [String], urls: SiteURLs) -> String {
        let products = business.products
        var s = entry(SiteURLs.business(business.slug), (products.map(\.lastChange) + [business.lastChange]).compactMap { $0 }.max(), urls: urls)
        for (p, slug) in zip(products, productSlugs) { s += entry(SiteURLs.product(business.slug, slug), p.lastChange, urls: urls) }
        return s
    }

    private static func entry(_ path: String, _ date: CivilDate?, urls: SiteURLs) -> String {
        var s = "<url><loc>\(Markup.escape(urls.absolute(path)))</loc>"
        if let date { s += "<lastmod>\(date)</lastmod>" }
        return s + "</url>\n"
    }

    /// What the feed says of a product besides the plan's dates and address: kept from when its
    /// business was rendered, for the newest products only (`newestInFeed`).
    struct FeedLine {
        /// The product page's site-relative path.
        let path: String
        let title: String
        let author: String
        let summary: String
    }

    /// The feed's lines of a business's products, in its listing's order.
    static func feedLines(_ listing: SitePlan.Listing, strings: ThemeStrings, only wanted: (Int) -> Bool) -> [FeedLine?] {
        let business = listing.business
        let display = Display(strings: strings, today: CivilDate(year: 1970, month: 1, day: 1)!)
        let author = business.name?.value ?? business.slug
        let place = display.place(business.address)
        return listing.products.enumerated().map { n, item -> FeedLine? in
            guard wanted(n) else { return nil }
            let p = item.product
            return FeedLine(path: SiteURLs.product(business.slug, p.slug), title: p.name?.value ?? p.slug, author: author, summary: display.price(p).text + " · " + author + " · " + place)
        }
    }

    /// The products the feed lists.
    static func newestInFeed(_ plan: SitePlan) -> ArraySlice<SitePlan.ProductRef> { plan.newest.prefix(feedSize) }

    /// Atom (RFC 4287) of the newest products. Dates are the sellers' own, at midnight in
    /// Vietnam, so the feed is the same on every rebuild of the same content.
    static func feed(plan: SitePlan, lines: [SitePlan.ProductRef: FeedLine], urls: SiteURLs, catalog: Catalog, strings: ThemeStrings) -> String {
        let items = newestInFeed(plan)
        let updated = items.compactMap { plan.product($0).lastChange }.max().map(timestamp) ?? "1970-01-01T00:00:00+07:00"
        let title = catalog.site.title?.value ?? ""
        var s = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Markup.escape(catalog.site.language?.value ?? "vi"))">
        <title>\(Markup.escape(title + " – " + strings["feed_title"]))</title>
        <id>\(Markup.escape(urls.absolute("")))</id>
        <link rel="alternate" type="text/html" href="\(Markup.escape(urls.absolute("")))"/>
        <link rel="self" type="application/atom+xml" href="\(Markup.escape(urls.absolute("feed.xml")))"/>
        <updated>\(updated)</updated>

        """
        for item in items {
            let p = plan.product(item)
            let line = lines[item]!
            let sector = plan.sectorList[Int(p.sector)]
            let url = urls.absolute(line.path)
            s += "<entry>\n<title>\(Markup.escape(line.title))</title>\n"
            s += "<id>\(Markup.escape(url))</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape(url))\"/>\n"
            if let published = p.published.date { s += "<published>\(timestamp(published))</published>\n" }
            s += "<updated>\(p.lastChange.map(timestamp) ?? updated)</updated>\n"
            s += "<author><name>\(Markup.escape(line.author))</name></author>\n"
            s += "<category term=\"\(Markup.escape(sector.id.value))\" label=\"\(Markup.escape(sector.name.value))\"/>\n"
            s += "<summary>\(Markup.escape(line.summary))</summary>\n</entry>\n"
        }
        return s + "</feed>\n"
    }

    private static func timestamp(_ d: CivilDate) -> String { "\(d)T00:00:00+07:00" }
}
