import Mustache
import Templates

// The small objects of the template context (docs/theme.md): a card's keys, a picture, a link,
// a phone number, an OCOP badge, a QR code. See PageContext.swift for why they are classes.

/// The keys of `partials/business-card`, also the `business` of a product page.
final class BusinessCardContext: ContextObject {
    let name: String
    let url: String
    let kind: String
    let place: String
    let productCount: Int
    let sector: LinkContext
    let logo: PictureContext?
    let phone: PhoneContext?
    let zalo: String?
    let mapURL: String?
    let initial: String

    init(name: String, url: String, kind: String, place: String, productCount: Int, sector: LinkContext, logo: PictureContext?,
         phone: PhoneContext?, zalo: String?, mapURL: String?, initial: String) {
        self.name = name
        self.url = url
        self.kind = kind
        self.place = place
        self.productCount = productCount
        self.sector = sector
        self.logo = logo
        self.phone = phone
        self.zalo = zalo
        self.mapURL = mapURL
        self.initial = initial
    }

    override var names: [String] { ["name", "url", "kind", "place", "logo", "phone", "zalo", "mapURL", "sector", "productCount", "initial"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(url)
        case "kind": return TemplateValue(kind)
        case "place": return TemplateValue(place)
        case "logo": return TemplateValue(logo)
        case "phone": return TemplateValue(phone)
        case "zalo": return TemplateValue(zalo)
        case "mapURL": return TemplateValue(mapURL)
        case "sector": return TemplateValue(sector)
        case "productCount": return TemplateValue(productCount)
        case "initial": return TemplateValue(initial)
        default: return nil
        }
    }
}

/// The keys of `partials/product-card`, also the base of a product page's `product`.
final class ProductCardContext: ContextObject {
    let name: String
    let url: String
    let price: String
    let isContact: Bool
    let businessName: String
    let place: String
    let available: Bool
    let inSeason: Bool
    let ocop: OCOPContext?
    let image: PictureContext?
    let initial: String

    init(name: String, url: String, price: String, isContact: Bool, businessName: String, place: String, available: Bool,
         inSeason: Bool, ocop: OCOPContext?, image: PictureContext?, initial: String) {
        self.name = name
        self.url = url
        self.price = price
        self.isContact = isContact
        self.businessName = businessName
        self.place = place
        self.available = available
        self.inSeason = inSeason
        self.ocop = ocop
        self.image = image
        self.initial = initial
    }

    var hasBadges: Bool { ocop != nil || inSeason || !available }

    override var names: [String] { ["name", "url", "price", "isContact", "image", "hasBadges", "ocop", "inSeason", "available", "businessName", "place", "initial"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(url)
        case "price": return TemplateValue(price)
        case "isContact": return TemplateValue(isContact)
        case "image": return TemplateValue(image)
        case "hasBadges": return TemplateValue(hasBadges)
        case "ocop": return TemplateValue(ocop)
        case "inSeason": return TemplateValue(inSeason)
        case "available": return TemplateValue(available)
        case "businessName": return TemplateValue(businessName)
        case "place": return TemplateValue(place)
        case "initial": return TemplateValue(initial)
        default: return nil
        }
    }
}

/// A picture (docs/theme.md, "Pictures").
final class PictureContext: ContextObject {
    let src: String
    let alt: String
    let srcset: String
    let webpSrcset: String
    let width: Int?
    let height: Int?

    init(src: String, alt: String, srcset: String, webpSrcset: String, width: Int?, height: Int?) {
        self.src = src
        self.alt = alt
        self.srcset = srcset
        self.webpSrcset = webpSrcset
        self.width = width
        self.height = height
    }

    override var names: [String] { ["webpSrcset", "src", "srcset", "alt", "width", "height"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "webpSrcset": return TemplateValue(webpSrcset)
        case "src": return TemplateValue(src)
        case "srcset": return TemplateValue(srcset)
        case "alt": return TemplateValue(alt)
        case "width": return TemplateValue(width)
        case "height": return TemplateValue(height)
        default: return nil
        }
    }
}

/// `name` and `url`: a sector.
final class LinkContext: ContextObject {
    let name: String
    let url: String

    init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    override var names: [String] { ["name", "url"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(url)
        default: return nil
        }
    }
}

/// A phone number the validator accepted: `display` and `tel` (`tel:+84…`).
final class PhoneContext: ContextObject {
    let display: String
    let tel: String

    init(display: String, tel: String) {
        self.display = display
        self.tel = tel
    }

    override var names: [String] { ["tel", "display"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "tel": return TemplateValue(tel)
        case "display": return TemplateValue(display)
        default: return nil
        }
    }
}

/// An e-mail address: `text` and `href` (`mailto:…`).
final class EmailContext: ContextObject {
    let text: String
    let href: String

    init(_ address: String) {
        self.text = address
        self.href = "mailto:" + address
    }

    override var names: [String] { ["href", "text"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "href": return TemplateValue(href)
        case "text": return TemplateValue(text)
        default: return nil
        }
    }
}

/// A valid OCOP badge: `stars`, `label`, `glyphs`, and on a product page `year`, `validUntil`.
final class OCOPContext: ContextObject {
    let stars: Int
    let label: String
    let glyphs: String
    let year: Int?
    let validUntil: Int?

    init(stars: Int, label: String, glyphs: String, year: Int? = nil, validUntil: Int? = nil) {
        self.stars = stars
        self.label = label
        self.glyphs = glyphs
        self.year = year
        self.validUntil = validUntil
    }

    override var names: [String] { ["label", "glyphs", "year", "validUntil", "stars"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "label": return TemplateValue(label)
        case "glyphs": return TemplateValue(glyphs)
        case "year": return TemplateValue(year)
        case "validUntil": return TemplateValue(validUntil)
        case "stars": return TemplateValue(stars)
        default: return nil
        }
    }
}

/// A page's QR code: `svg` (raw), `file` (the link to qr.svg; not on the printable sheet), `url`,
/// `label` (its accessible name).
///
/// The inline drawing is made only if the template asks for `svg`: the default theme's pages
/// show `qr.svg` as an image, and drawing it inline for each of 60,000 pages it never showed
/// was 5 KB a page to make and copy.
final class QRContext: ContextObject {
    private let drawing: () -> UTF8Text
    let file: String?
    let url: String
    let label: String

    init(file: String?, url: String, label: String, svg: @escaping () -> UTF8Text) {
        self.drawing = svg
        self.file = file
        self.url = url
        self.label = label
    }

    var svg: UTF8Text { drawing() }

    override var names: [String] { ["svg", "file", "url", "label"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "svg": return TemplateValue(svg)
        case "file": return TemplateValue(file)
        case "url": return TemplateValue(url)
        case "label": return TemplateValue(label)
        default: return nil
        }
    }
}
