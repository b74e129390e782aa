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

    override func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return url
        case "kind": return kind
        case "place": return place
        case "logo": return logo
        case "phone": return phone
        case "zalo": return zalo
        case "mapURL": return mapURL
        case "sector": return sector
        case "productCount": return productCount
        case "initial": return initial
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

    override func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return url
        case "price": return price
        case "isContact": return isContact
        case "image": return image
        case "hasBadges": return hasBadges
        case "ocop": return ocop
        case "inSeason": return inSeason
        case "available": return available
        case "businessName": return businessName
        case "place": return place
        case "initial": return initial
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

    override func child(named name: String) -> Any? {
        switch name {
        case "webpSrcset": return webpSrcset
        case "src": return src
        case "srcset": return srcset
        case "alt": return alt
        case "width": return width
        case "height": return height
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

    override func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return url
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

    override func child(named name: String) -> Any? {
        switch name {
        case "tel": return tel
        case "display": return display
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

    override func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "text": return text
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

    override func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "glyphs": return glyphs
        case "year": return year
        case "validUntil": return validUntil
        case "stars": return stars
        default: return nil
        }
    }
}

/// A page's QR code: `svg` (raw), `file` (the link to qr.svg; not on the printable sheet), `url`.
final class QRContext: ContextObject {
    let svg: String
    let file: String?
    let url: String

    init(svg: String, file: String?, url: String) {
        self.svg = svg
        self.file = file
        self.url = url
    }

    override var names: [String] { ["svg", "file", "url"] }

    override func child(named name: String) -> Any? {
        switch name {
        case "svg": return svg
        case "file": return file
        case "url": return url
        default: return nil
        }
    }
}
