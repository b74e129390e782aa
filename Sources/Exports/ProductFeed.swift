/// The product feed for shopping platforms (`du-lieu/san-pham.xml`): RSS 2.0 with Google's
/// `g:` namespace, the format Google Merchant Center and others read.
///
/// Only a product with a numeric price and a photo can be listed there (both are required
/// fields); the others are counted in `Summary` so the build can say how many were left out
/// and why, rather than drop them silently.
public enum ProductFeed {
    /// Google Merchant Center's limits, in characters.
    public static let titleLimit = 150
    public static let descriptionLimit = 5000
    public static let brandLimit = 70
    public static let productTypeLimit = 750
    /// `additional_image_link` may repeat up to 10 times.
    public static let additionalImages = 10

    public struct Summary: Sendable, Equatable {
        public var listed = 0
        /// Published products without a price in đồng (`contact`, or 0).
        public var withoutPrice = 0
        /// Published products without a photo.
        public var withoutPhoto = 0
        /// Left out for either reason (a product missing both counts once here).
        public var leftOut = 0

        public init() {}
    }

    static func header(_ catalog: CatalogInfo) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
        <channel>
        <title>\(FeedText.escape(FeedText.oneLine(catalog.title)))</title>
        <link>\(FeedText.escape(catalog.url))</link>
        <description>\(FeedText.escape(FeedText.oneLine(catalog.description ?? catalog.title)))</description>

        """
    }

    static let footer = "</channel>\n</rss>\n"

    /// The product's item if it can be listed; counted either way.
    static func add(_ p: ProductRecord, to out: inout [UInt8], summary: inout Summary) {
        let price = p.price.flatMap { $0 > 0 ? $0 : nil }
        if price == nil { summary.withoutPrice += 1 }
        if p.images.isEmpty { summary.withoutPhoto += 1 }
        guard let price, let image = p.images.first else {
            summary.leftOut += 1
            return
        }
        summary.listed += 1
        item(p, price: price, image: image, to: &out)
    }

    static func item(_ p: ProductRecord, price: Int, image: String, to out: inout [UInt8]) {
        func field(_ name: StaticString, _ value: String) {
            out.append("<g:"); out.append(name); out.append(">")
            FeedText.appendEscaped(value, to: &out)
            out.append("</g:"); out.append(name); out.append(">\n")
        }
        out.append("<item>\n")
        field("id", ProductID.feed(business: p.business, product: p.slug))
        field("title", FeedText.truncate(FeedText.oneLine(p.name), to: titleLimit))
        field("description", FeedText.truncate(description(p), to: descriptionLimit))
        field("link", p.url)
        field("image_link", image)
        for extra in p.images.dropFirst().prefix(additionalImages) { field("additional_image_link", extra) }
        field("availability", p.available ? "in_stock" : "out_of_stock")
        field("price", "\(price) VND")
        field("brand", FeedText.truncate(FeedText.oneLine(p.businessName), to: brandLimit))
        // Handmade and OCOP goods have no GTIN or MPN: say so, or the listing is refused.
        field("identifier_exists", "no")
        field("condition", "new")
        field("product_type", FeedText.truncate(FeedText.oneLine(p.sectorName), to: productTypeLimit))
        out.append("</item>\n")
    }

    /// The product's own text, or, when the seller wrote none, what a buyer needs to know:
    /// the name, the unit, the seller and where (the field is required and may not be empty).
    static func description(_ p: ProductRecord) -> String {
        let own = p.description.trimmingWhitespace
        if !own.isEmpty { return own }
        var parts = [FeedText.oneLine(p.name)]
        if let unit = p.unit { parts[0] += " (" + unit + ")" }
        parts.append(p.businessName + (p.place.isEmpty ? "" : ", " + p.place))
        return parts.joined(separator: " – ")
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
