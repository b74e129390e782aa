import Catalog
import Dispatch
import Exports
import Foundation
import Photos
import Platform
import Search

/// Renders and writes the pages of the plan.
struct PageRenderer {
    let theme: Theme
    let presenter: PagePresenter
    let plan: SitePlan
    let out: OutputFolder
    let photos: PhotoCache

    /// What rendering one business leaves for the pages that list it.
    struct BusinessOutput {
        var card = ""
        var productCards: [String] = []
        var searchRecords: [SearchRecord] = []
        /// The business and its products for the product feed and the open data.
        var exports: ExportEntry?
        /// The feed's lines of its products, in its listing's order (`SiteFiles.feed`); nil for
        /// those `renderListing` was told the feed does not list.
        var feedLines: [SiteFiles.FeedLine?] = []
        /// Its products' slugs, in its listing's order (for the sitemap).
        var productSlugs: [String] = []
        var pages = 0
        var error: Error?
    }

    /// Every business's output, in plan order, held in memory: what `chonoi serve` keeps
    /// between rebuilds (`chonoi build` writes the cards to a scratch file instead, `SpilledCards`).
    struct Cards {
        var businesses: [BusinessOutput]
    }

    /// A business's pages, cards and records (`renderBusiness`), with its products' lines of the
    /// feed (of those at the positions `inFeed` accepts: `chonoi build` knows the feed's 50
    /// products; `chonoi serve` keeps every line, since the newest products change) and their slugs.
    func renderListing(_ listing: SitePlan.Listing, inFeed: (Int) -> Bool = { _ in true }) throws -> BusinessOutput {
        var output = try renderBusiness(listing)
        output.feedLines = SiteFiles.feedLines(listing, strings: presenter.strings, only: inFeed)
        output.productSlugs = listing.products.map(\.product.slug)
        return output
    }

    // Internal (not private): LiveSite.swift re-renders one business or one sector page for `chonoi serve`.
    func renderBusiness(_ listing: SitePlan.Listing) throws -> BusinessOutput {
        let b = listing.business
        let urls = presenter.urls
        let strings = presenter.strings
        let businessPath = SiteURLs.business(b.slug)
        let media = MediaCopier(business: b, out: out, urls: urls, photos: photos)
        let logo = try b.logo.flatMap { try media.copyLogo($0.value) }
        var result = BusinessOutput()

        let summary = presenter.businessSummary(b, sector: listing.sector, logo: logo, productCount: listing.products.count)
        var productImages: [[MediaFile]] = []
        var productSummaries: [ProductCardContext] = []
        for item in listing.products {
            let images = try item.product.images.enumerated().compactMap { try media.copyProductImage($1.value, product: item.product.slug, first: $0 == 0) }
            productImages.append(images)
            let s = presenter.productSummary(item.product, business: b, image: images.first)
            productSummaries.append(s)
            result.productCards.append(theme.render(presenter.cardRoot(s), template: "partials/product-card"))
        }
        result.card = theme.render(presenter.cardRoot(summary), template: "partials/business-card")
        let seller = presenter.seller(summary, theme: theme)

        let businessName = b.name?.value ?? b.slug
        let businessURL = urls.absolute(businessPath)
        let home = (strings["nav_home"], Optional(SiteURLs.home))
        let sectorCrumb = (listing.sector.name.value, Optional(SiteURLs.sector(listing.sector.id.value)))
        let place = presenter.display.place(b.address)
        var productRecords: [ProductRecord] = []

        // Product pages: details, the seller's card, the seller's other products.
        for (i, item) in listing.products.enumerated() {
            let p = item.product
            let path = SiteURLs.product(b.slug, p.slug)
            let body = presenter.markdown(p.body)
            let description = presenter.summary(body.text)
            let images = productImages[i]
            let card = productSummaries[i]
            productRecords.append(presenter.productRecord(p, business: b, sector: item.sector, images: images, text: body.text))
            let qr = try PageQR(url: urls.absolute(path), label: strings.format("qr_label", ["name": p.name?.value ?? p.slug]))
                .map { try $0.write(folder: path, out: out, urls: urls) }
            let detail = ProductDetailContext(
                card: card, bodyHTML: body.html, hasBody: !body.text.isEmpty, images: images.map { $0.context(alt: p.name?.value ?? "") },
                unit: p.unit?.value, minOrder: p.minOrder?.value, delivery: p.delivery?.value,
                season: presenter.display.season(p.season),
                published: p.published.map { presenter.display.date($0.value) },
                updated: p.updated.map { presenter.display.date($0.value) },
                tags: p.tags.map(\.value), sector: presenter.sectorLink(item.sector),
                ocop: p.ocopYear == nil ? card.ocop : presenter.ocopBadge(p, withYear: true), qr: qr)
            let others = result.productCards.enumerated().filter { $0.offset != i }.prefix(8).map { CardContext($0.element) }
            let jsonLD = [
                StructuredData.product(p, url: urls.absolute(path), images: images.map(presenter.partnerImageURL), description: description,
                                       businessName: businessName, businessURL: businessURL, available: p.available,
                                       category: item.sector.name.value, sku: ProductID.feed(business: b.slug, product: p.slug)),
                StructuredData.breadcrumbs([(strings["nav_home"], urls.absolute("")), (item.sector.name.value, urls.absolute(SiteURLs.sector(item.sector.id.value))),
                                            (businessName, businessURL), (p.name?.value ?? p.slug, urls.absolute(path))]),
            ]
            let context = presenter.page(
                title: p.name?.value ?? p.slug, description: description, path: path,
                breadcrumbs: [home, (item.sector.name.value, SiteURLs.sector(item.sector.id.value)), (businessName, businessPath), (p.name?.value ?? p.slug, nil)],
                jsonLD: jsonLD, image: images.first.map { $0.openGraph ?? $0.largest },
                content: ProductPageContent(product: detail, business: seller, otherProducts: others))
            try out.write(path + "index.html", theme.renderBytes(context, template: "product"))
            result.pages += 1
            result.searchRecords.append(SearchRecord(
                kind: .product, url: path, name: p.name?.value ?? p.slug, businessName: businessName,
                sectorID: item.sector.id.value, sectorName: item.sector.name.value, place: place,
                price: card.price, ocop: p.ocopBadge(today: presenter.display.today),
                text: SearchText.lead(body.text), keywords: p.tags.map(\.value).joined(separator: " ")))
        }

        // The business's own page.
        let body = presenter.markdown(b.body)
        let description = presenter.summary(body.text)
        result.exports = ExportEntry(business: presenter.businessRecord(b, sector: listing.sector, logo: logo,
                                                                        productCount: listing.products.count, text: body.text),
                                     products: productRecords)
        let pageQR = PageQR(url: businessURL, label: strings.format("qr_label", ["name": businessName]))
        let detail = BusinessDetailContext(
            card: summary, representative: b.representative?.value,
            street: b.address?.street?.value, ward: b.address?.ward?.value, province: b.address?.province?.value,
            email: b.email.map { EmailContext($0.value) }, website: b.website?.value, founded: b.founded?.value,
            taxCode: presenter.display.publicTaxCode(b), certifications: b.certifications.map(\.value),
            bodyHTML: body.html, hasBody: !body.text.isEmpty,
            qr: try pageQR.map { try $0.write(folder: businessPath, out: out, urls: urls) },
            printURL: pageQR == nil ? nil : urls.link(PrintSheet.path(b.slug)))
        if let pageQR {
            let sheet = PrintSheet.context(b, detail: detail, products: productSummaries, qr: pageQR, presenter: presenter)
            try out.write(PrintSheet.path(b.slug) + "index.html", theme.renderBytes(sheet, template: "print"))
            result.pages += 1
        }
        let jsonLD = [
            StructuredData.localBusiness(b, url: businessURL, logo: logo.map(presenter.partnerImageURL),
                                         phone: presenter.display.phone(b.phone).map { String($0.tel.dropFirst(4)) }),
            StructuredData.breadcrumbs([(strings["nav_home"], urls.absolute("")), (listing.sector.name.value, urls.absolute(SiteURLs.sector(listing.sector.id.value))),
                                        (businessName, businessURL)]),
        ]
        let context = presenter.page(
            title: businessName, description: description, path: businessPath,
            breadcrumbs: [home, sectorCrumb, (businessName, nil)], jsonLD: jsonLD, image: logo.map { $0.openGraph ?? $0.largest },
            content: BusinessPageContent(business: detail, products: result.productCards.map(CardContext.init)))
        try out.write(businessPath + "index.html", theme.renderBytes(context, template: "business"))
        result.pages += 1
        result.searchRecords.append(SearchRecord(
            kind: .business, url: businessPath, name: businessName, businessName: presenter.display.kind(b),
            sectorID: listing.sector.id.value, sectorName: listing.sector.name.value, place: place, price: "", ocop: nil,
            text: SearchText.lead(body.text),
            keywords: ([b.representative?.value ?? "", b.address?.street?.value ?? ""] + b.certifications.map(\.value)).joined(separator: " ")))
        return result
    }

    /// One page per sector and page number: its businesses A–Z, then its products A–Z.
    func sectorPages(cards: some CardShelf) throws -> Int {
        var jobs: [(sector: SitePlan.SectorListing, page: Int)] = []
        for sector in plan.sectors where sector.entryCount > 0 {
            for page in plan.pagination(of: sector).pages { jobs.append((sector, page)) }
        }
        var failure: Error?
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let job = jobs[j]
            do {
                try renderSectorPage(job.sector, page: job.page, cards: cards)
            } catch {
                lock.lock()
                failure = failure ?? error
                lock.unlock()
            }
        }
        if let failure { throw failure }
        return jobs.count
    }

    // Internal (not private): LiveSite.swift re-renders one business or one sector page for `chonoi serve`.
    func renderSectorPage(_ s: SitePlan.SectorListing, page: Int, cards: some CardShelf) throws {
        let urls = presenter.urls
        let strings = presenter.strings
        let id = s.sector.id.value
        let layout = plan.pagination(of: s)
        let pages = layout.pageCount
        let businessCards = try s.businesses[layout.businesses(onPage: page)].map { CardContext(try cards.businessCard($0)) }
        let productCards = try s.products[layout.products(onPage: page)].map { CardContext(try cards.productCard($0)) }
        let pagination = PaginationContext(
            current: page, total: pages, label: strings.format("page_of", ["n": String(page), "total": String(pages)]),
            prevURL: page > 1 ? urls.link(SiteURLs.sector(id, page: page - 1)) : nil,
            nextURL: page < pages ? urls.link(SiteURLs.sector(id, page: page + 1)) : nil,
            pages: Pagination.window(current: page, total: pages).map { n in
                PagerItemContext(number: n, url: n.map { urls.link(SiteURLs.sector(id, page: $0)) }, current: n == page)
            })
        let path = SiteURLs.sector(id, page: page)
        let title = page > 1 ? s.sector.name.value + " – " + strings.format("page_n", ["n": String(page)]) : s.sector.name.value
        let sector = SectorInfoContext(name: s.sector.name.value, id: id, description: s.sector.description?.value,
                                       businessCount: s.businesses.count, productCount: s.products.count)
        let context = presenter.page(
            title: title, description: s.sector.description?.value, path: path,
            breadcrumbs: [(strings["nav_home"], SiteURLs.home), (s.sector.name.value, page > 1 ? SiteURLs.sector(id) : nil)]
                + (page > 1 ? [(strings.format("page_n", ["n": String(page)]), nil)] : []),
            jsonLD: [StructuredData.breadcrumbs([(strings["nav_home"], urls.absolute("")), (s.sector.name.value, urls.absolute(SiteURLs.sector(id)))])],
            content: SectorPageContent(sector: sector, businesses: businessCards, products: productCards, pagination: pagination))
        try out.write(path + "index.html", theme.renderBytes(context, template: "sector"))
    }

    func homePage(cards: some CardShelf) throws {
        let urls = presenter.urls
        let strings = presenter.strings
        let sectors = plan.sectors.filter { $0.entryCount > 0 }.map { s -> [String: Any] in
            var d: [String: Any] = ["name": s.sector.name.value, "url": urls.link(SiteURLs.sector(s.sector.id.value)),
                                    "productCount": s.products.count, "businessCount": s.businesses.count,
                                    "countLabel": strings.format("sector_count", ["products": String(s.products.count)])]
            d["description"] = s.sector.description?.value
            return d
        }
        let newest = try plan.newest.prefix(12).map { ["card": try cards.productCard($0)] }
        // Featured: businesses with a valid OCOP badge first (the province's showcase), then A–Z.
        // (The plan's badges are those valid on the build's day, `presenter.display.today`.)
        let withOCOP = plan.businesses.indices.filter { i in plan.businesses[i].products.contains { $0.ocopBadge != nil } }
        // A set, not the array: `contains` on the array made this quadratic (~50 ms at 10,000 businesses).
        let hasOCOP = Set(withOCOP)
        let featured = try (withOCOP + plan.businesses.indices.filter { !hasOCOP.contains($0) }).prefix(6).map { ["card": try cards.businessCard($0)] }
        // In season this month (from the products' season months), newest first.
        let month = presenter.display.today.month
        let inSeason = try Array(plan.newest.lazy.filter { plan.product($0).isInSeason(month: month) }.prefix(8))
            .map { ["card": try cards.productCard($0)] }
        let context = presenter.page(
            title: presenter.site.title, description: nil, path: SiteURLs.home,
            breadcrumbs: [(strings["nav_home"], nil)], jsonLD: [],
            content: ["isHome": true, "sectors": sectors, "newest": newest, "featured": featured,
                    "hasNewest": !newest.isEmpty, "hasFeatured": !featured.isEmpty,
                    "inSeason": inSeason, "hasInSeason": !inSeason.isEmpty, "sectorCount": sectors.count,
                    "businessCount": plan.businesses.count, "productCount": plan.productCount] as [String: Any])
        try out.write("index.html", theme.renderBytes(context, template: "home"))
    }

    /// The search page and the 404 page.
    func simplePages() throws {
        let strings = presenter.strings
        let urls = presenter.urls
        let sectors = plan.sectors.filter { $0.entryCount > 0 }.map {
            ["name": $0.sector.name.value, "id": $0.sector.id.value, "url": urls.link(SiteURLs.sector($0.sector.id.value))]
        }
        let search = presenter.page(
            title: strings["search_title"], description: nil, path: SiteURLs.search,
            breadcrumbs: [(strings["nav_home"], SiteURLs.home), (strings["search_title"], nil)], jsonLD: [], noindex: true,
            content: ["sectors": sectors, "indexURL": urls.link(SiteURLs.searchIndex)] as [String: Any])
        try out.write(SiteURLs.search + "index.html", theme.renderBytes(search, template: "search"))
        let notFound = presenter.page(
            title: strings["not_found_title"], description: nil, path: "404.html",
            breadcrumbs: [(strings["nav_home"], SiteURLs.home), (strings["not_found_title"], nil)], jsonLD: [], noindex: true,
            content: ["sectors": sectors] as [String: Any])
        try out.write("404.html", theme.renderBytes(notFound, template: "404"))
    }
}
