import Catalog
import VietnameseText

/// The files around the pages: sitemap, Atom feed of new products, robots.txt.
enum SiteFiles {
    static let feedSize = 50

    static func write(plan: SitePlan, feedLines: [SitePlan.ProductRef: FeedLine], urls: SiteURLs, catalog: Catalog,
                      strings: ThemeStrings, out: OutputFolder) throws {
        // Piece by piece: at 50,000 businesses the sitemap is some 100 MB.
        try out.write("sitemap.xml") { append in
            var buffer: [UInt8] = []
            try sitemap(plan: plan, urls: urls) { piece in
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

    /// Every published page, in a stable order, with `lastmod` where a date is known.
    static func sitemap(plan: SitePlan, urls: SiteURLs) -> String {
        var s = ""
        sitemap(plan: plan, urls: urls) { s += $0 }
        return s
    }

    /// The sitemap, handed to `emit` a line at a time.
    static func sitemap(plan: SitePlan, urls: SiteURLs, emit: (String) throws -> Void) rethrows {
        try emit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        func add(_ path: String, _ date: CivilDate? = nil) throws {
            var s = "<url><loc>\(Markup.escape(urls.absolute(path)))</loc>"
            if let date { s += "<lastmod>\(date)</lastmod>" }
            s += "</url>\n"
            try emit(s)
        }
        try add(SiteURLs.home, plan.newest.first.flatMap { plan.product($0).lastChange })
        for sector in plan.sectors where sector.entryCount > 0 {
            for page in plan.pagination(of: sector).pages { try add(SiteURLs.sector(sector.sector.id.value, page: page)) }
        }
        for listing in plan.businesses {
            try add(SiteURLs.business(listing.slug), (listing.products.map(\.lastChange) + [listing.lastChange]).compactMap { $0 }.max())
            for p in listing.products { try add(SiteURLs.product(listing.slug, listing.slug(of: p)), p.lastChange) }
        }
        try emit("</urlset>\n")
    }

    /// What the feed says of a product besides the plan's dates and address: kept from when its
    /// business was rendered, for the newest products only (`newestInFeed`).
    struct FeedLine {
        let title: String
        let author: String
        let summary: String
    }

    /// The feed's lines of a business's products, in its listing's order.
    static func feedLines(_ listing: SitePlan.Listing, strings: ThemeStrings) -> [FeedLine] {
        let business = listing.business
        let display = Display(strings: strings, today: CivilDate(year: 1970, month: 1, day: 1)!)
        let author = business.name?.value ?? business.slug
        let place = display.place(business.address)
        return listing.products.map { item in
            let p = item.product
            return FeedLine(title: p.name?.value ?? p.slug, author: author, summary: display.price(p).text + " · " + author + " · " + place)
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
            let business = plan.businesses[Int(item.business)]
            let line = lines[item]!
            let sector = plan.sectorList[Int(p.sector)]
            let url = urls.absolute(SiteURLs.product(business.slug, business.slug(of: p)))
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
