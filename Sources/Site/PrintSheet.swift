import Catalog
import VietnameseText

/// The printable A4 sheet of a business (`co-so/<business>/in/`), for a market stall, a fair
/// or a shop window: who sells, how to call or message them, every product with its price,
/// and a QR code large enough to scan from a metre. Linked from the business page; kept out
/// of search engines (`noindex`) and of the sitemap, which lists only the plan's pages.
enum PrintSheet {
    static func path(_ business: String) -> String { SiteURLs.business(business) + "in/" }

    /// - Parameters:
    ///   - detail: the business page's `business` object (card keys, address, …).
    ///   - products: the product summaries (card keys), in page order.
    static func context(_ b: Business, detail: BusinessDetailContext, products: [ProductCardContext], qr: PageQR,
                        presenter: PagePresenter) -> PageContext {
        let business = PrintBusinessContext(detail: detail, zaloNumber: b.zalo.flatMap { PhoneNumber.parse($0.value)?.display },
                                            qr: qr.context)
        let title = (b.name?.value ?? b.slug) + " – " + presenter.strings["print_title"]
        return presenter.page(
            title: title, description: nil, path: path(b.slug), breadcrumbs: [], jsonLD: [], noindex: true,
            content: BusinessPageContent(business: business, products: products))
    }
}
