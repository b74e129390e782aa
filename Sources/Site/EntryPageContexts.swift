import Mustache
import Templates

// The objects of the business, product and print pages (docs/theme.md). Each adds its page's
// keys to a card's and asks the card for the rest, as the dictionaries they replace were the
// card's dictionary with keys added.

/// `business` on the business page: the card's keys, the address, contacts, text, QR code.
final class BusinessDetailContext: ContextObject {
    let card: BusinessCardContext
    let representative: String?
    let street: String?
    let ward: String?
    let province: String?
    let email: EmailContext?
    let website: String?
    let founded: Int?
    let taxCode: String?
    let certifications: [String]
    let bodyHTML: UTF8Text
    let hasBody: Bool
    let qr: QRContext?
    let printURL: String?

    init(card: BusinessCardContext, representative: String?, street: String?, ward: String?, province: String?,
         email: EmailContext?, website: String?, founded: Int?, taxCode: String?, certifications: [String],
         bodyHTML: UTF8Text, hasBody: Bool, qr: QRContext?, printURL: String?) {
        self.card = card
        self.representative = representative
        self.street = street
        self.ward = ward
        self.province = province
        self.email = email
        self.website = website
        self.founded = founded
        self.taxCode = taxCode
        self.certifications = certifications
        self.bodyHTML = bodyHTML
        self.hasBody = hasBody
        self.qr = qr
        self.printURL = printURL
    }

    override var names: [String] { ["representative", "street", "ward", "province", "email", "website", "founded", "taxCode", "certifications", "hasCertifications", "bodyHTML", "hasBody", "qr", "printURL"] + card.names }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "representative": return TemplateValue(representative)
        case "street": return TemplateValue(street)
        case "ward": return TemplateValue(ward)
        case "province": return TemplateValue(province)
        case "email": return TemplateValue(email)
        case "website": return TemplateValue(website)
        case "founded": return TemplateValue(founded)
        case "taxCode": return TemplateValue(taxCode)
        case "certifications": return TemplateValue(certifications)
        case "hasCertifications": return TemplateValue(!certifications.isEmpty)
        case "bodyHTML": return TemplateValue(bodyHTML)
        case "hasBody": return TemplateValue(hasBody)
        case "qr": return TemplateValue(qr)
        case "printURL": return TemplateValue(printURL)
        default: return card.value(named: name)
        }
    }
}

/// `business` on the printable sheet: the business page's object as it is before the sheet's
/// link is added (no `printURL`), with `zaloNumber` and the sheet's own QR code (`svg`, `url`).
final class PrintBusinessContext: ContextObject {
    let detail: BusinessDetailContext
    let zaloNumber: String?
    let qr: QRContext

    init(detail: BusinessDetailContext, zaloNumber: String?, qr: QRContext) {
        self.detail = detail
        self.zaloNumber = zaloNumber
        self.qr = qr
    }

    override var names: [String] { detail.names + ["zaloNumber"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "qr": return TemplateValue(qr)
        case "zaloNumber": return TemplateValue(zaloNumber)
        case "printURL": return nil
        default: return detail.value(named: name)
        }
    }
}

/// `product` on the product page: the card's keys and the product's details.
final class ProductDetailContext: ContextObject {
    let card: ProductCardContext
    let bodyHTML: UTF8Text
    let hasBody: Bool
    let images: [PictureContext]
    let unit: String?
    let minOrder: Int?
    let delivery: String?
    let season: String?
    let published: String?
    let updated: String?
    let tags: [String]
    let sector: LinkContext
    /// The card's badge with the year of recognition and the last valid year, when known.
    let ocop: OCOPContext?
    let qr: QRContext?

    init(card: ProductCardContext, bodyHTML: UTF8Text, hasBody: Bool, images: [PictureContext], unit: String?, minOrder: Int?,
         delivery: String?, season: String?, published: String?, updated: String?, tags: [String], sector: LinkContext,
         ocop: OCOPContext?, qr: QRContext?) {
        self.card = card
        self.bodyHTML = bodyHTML
        self.hasBody = hasBody
        self.images = images
        self.unit = unit
        self.minOrder = minOrder
        self.delivery = delivery
        self.season = season
        self.published = published
        self.updated = updated
        self.tags = tags
        self.sector = sector
        self.ocop = ocop
        self.qr = qr
    }

    override var names: [String] { ["hasImages", "images", "sector", "ocop", "minOrder", "unit", "delivery", "season", "published", "updated", "tags", "hasTags", "bodyHTML", "hasBody", "qr"] + card.names }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "hasImages": return TemplateValue(!images.isEmpty)
        case "images": return TemplateValue(images)
        case "sector": return TemplateValue(sector)
        case "ocop": return TemplateValue(ocop)
        case "minOrder": return TemplateValue(minOrder)
        case "unit": return TemplateValue(unit)
        case "delivery": return TemplateValue(delivery)
        case "season": return TemplateValue(season)
        case "published": return TemplateValue(published)
        case "updated": return TemplateValue(updated)
        case "tags": return TemplateValue(tags)
        case "hasTags": return TemplateValue(!tags.isEmpty)
        case "bodyHTML": return TemplateValue(bodyHTML)
        case "hasBody": return TemplateValue(hasBody)
        case "qr": return TemplateValue(qr)
        default: return card.value(named: name)
        }
    }
}

/// The product page's own names.
final class ProductPageContent: ContextObject {
    let product: ProductDetailContext
    let business: SellerContext
    let otherProducts: [CardContext]

    init(product: ProductDetailContext, business: SellerContext, otherProducts: [CardContext]) {
        self.product = product
        self.business = business
        self.otherProducts = otherProducts
    }

    override var names: [String] { ["product", "business", "hasOtherProducts", "otherProducts"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "product": return TemplateValue(product)
        case "business": return TemplateValue(business)
        case "hasOtherProducts": return TemplateValue(!otherProducts.isEmpty)
        case "otherProducts": return TemplateValue(otherProducts)
        default: return nil
        }
    }
}

/// The business page's own names (its products as cards), and the printable sheet's (its
/// products' card keys): `business` and its products.
final class BusinessPageContent<Business: ContextObject, Product: ContextObject>: ContextObject {
    let business: Business
    let products: [Product]

    init(business: Business, products: [Product]) {
        self.business = business
        self.products = products
    }

    override var names: [String] { ["business", "hasProducts", "products"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "business": return TemplateValue(business)
        case "hasProducts": return TemplateValue(!products.isEmpty)
        case "products": return TemplateValue(products)
        default: return nil
        }
    }
}
