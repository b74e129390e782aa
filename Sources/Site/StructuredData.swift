import Catalog
import Diagnostics
import Templates
import VietnameseText

/// schema.org JSON-LD for search engines and link previews. Every key and value passes through
/// `JSONString`, which also escapes `<`, `>`, `&`, U+2028 and U+2029, so seller text cannot end
/// the `<script type="application/ld+json">` element it is written in.
enum StructuredData {
    /// A JSON object from ordered pairs; nil values are left out.
    static func object(_ pairs: [(String, JSONValue?)]) -> UTF8Text {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        JSONValue.object(pairs).append(to: &out)
        return UTF8Text(validUTF8: out)
    }

    static func breadcrumbs(_ items: [(name: String, url: String)]) -> UTF8Text {
        object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("BreadcrumbList")),
            ("itemListElement", .array(items.enumerated().map { i, item in
                .object([("@type", .string("ListItem")), ("position", .int(i + 1)), ("name", .string(item.name)),
                         ("item", .string(item.url))])
            })),
        ])
    }

    static func localBusiness(_ b: Business, url: String, logo: String?, phone: String?) -> UTF8Text {
        var address: [(String, JSONValue?)] = [("@type", .string("PostalAddress"))]
        address.append(("streetAddress", b.address?.street.map { .string($0.value) }))
        address.append(("addressLocality", b.address?.ward.map { .string($0.value) }))
        address.append(("addressRegion", b.address?.province.map { .string($0.value) }))
        address.append(("addressCountry", .string("VN")))
        var geo: JSONValue?
        if let map = b.map {
            geo = .object([("@type", .string("GeoCoordinates")), ("latitude", .double(map.latitude.value)),
                           ("longitude", .double(map.longitude.value))])
        }
        return object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("LocalBusiness")),
            ("@id", .string(url)),
            ("name", .string(b.name?.value ?? b.slug)),
            ("url", .string(url)),
            ("telephone", phone.map { .string($0) }),
            ("email", b.email.map { .string($0.value) }),
            ("image", logo.map { .string($0) }),
            ("address", .object(address)),
            ("geo", geo),
            ("foundingDate", b.founded.map { .string(String($0.value)) }),
        ])
    }

    /// Google's merchant listings want `name`, `image` and `offers` with a `price` above zero and
    /// `priceCurrency`, and recommend `availability`, `itemCondition`, `brand`, `description`
    /// and `sku` (the feed's id, so the two describe one product). A price of "contact" or 0
    /// gives no offer rather than a wrong one.
    static func product(_ p: Product, url: String, images: [String], description: String?, businessName: String,
                        businessURL: String, available: Bool, category: String, sku: String) -> UTF8Text {
        var offers: JSONValue?
        if case .amount(let amount)? = p.price?.value, amount > 0 {
            offers = .object([
                ("@type", .string("Offer")),
                ("price", .string(String(amount))),
                ("priceCurrency", .string("VND")),
                ("availability", .string(available ? "https://schema.org/InStock" : "https://schema.org/OutOfStock")),
                // Handmade and farm goods on this catalog are sold new.
                ("itemCondition", .string("https://schema.org/NewCondition")),
                ("url", .string(url)),
                ("seller", .object([("@type", .string("Organization")), ("name", .string(businessName)), ("url", .string(businessURL))])),
            ])
        }
        return object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("Product")),
            ("name", .string(p.name?.value ?? p.slug)),
            ("url", .string(url)),
            ("description", description.map { .string($0) }),
            ("image", images.isEmpty ? nil : .array(images.map { .string($0) })),
            ("category", .string(category)),
            ("sku", .string(sku)),
            ("brand", .object([("@type", .string("Brand")), ("name", .string(businessName))])),
            ("offers", offers),
        ])
    }
}

/// A JSON value of the JSON-LD, encoded (as UTF-8 bytes, in one buffer for the whole
/// document) by `append(to:)`.
enum JSONValue {
    case string(String)
    case int(Int)
    case double(Double)
    case array([JSONValue])
    /// Ordered pairs; nil values are left out.
    case object([(String, JSONValue?)])

    func append(to out: inout [UInt8]) {
        switch self {
        case .string(let s): JSONString.append(s, to: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.append(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in pairs {
                guard let value else { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONString.append(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.append(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
