import Mustache
import Templates

/// A sector page's own names (docs/theme.md, `sector`): the sector, this page's cards, the pager.
final class SectorPageContent: ContextObject {
    let sector: SectorInfoContext
    let businesses: [CardContext]
    let products: [CardContext]
    let pagination: PaginationContext

    init(sector: SectorInfoContext, businesses: [CardContext], products: [CardContext], pagination: PaginationContext) {
        self.sector = sector
        self.businesses = businesses
        self.products = products
        self.pagination = pagination
    }

    override var names: [String] { ["sector", "pagination", "hasBusinesses", "businesses", "hasProducts", "products"] }

    override func child(named name: String) -> Any? {
        switch name {
        case "sector": return sector
        case "pagination": return pagination
        case "hasBusinesses": return !businesses.isEmpty
        case "businesses": return businesses
        case "hasProducts": return !products.isEmpty
        case "products": return products
        default: return nil
        }
    }
}

/// `sector` on its pages: counts of the whole sector, not of the page.
final class SectorInfoContext: ContextObject {
    let name: String
    let id: String
    let description: String?
    let businessCount: Int
    let productCount: Int

    init(name: String, id: String, description: String?, businessCount: Int, productCount: Int) {
        self.name = name
        self.id = id
        self.description = description
        self.businessCount = businessCount
        self.productCount = productCount
    }

    override var names: [String] { ["name", "description", "businessCount", "productCount", "id"] }

    override func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "description": return description
        case "businessCount": return businessCount
        case "productCount": return productCount
        case "id": return id
        default: return nil
        }
    }
}

/// `pagination`: where this page is among the sector's pages, and the pager's links.
final class PaginationContext: ContextObject {
    let current: Int
    let total: Int
    let label: String
    let prevURL: String?
    let nextURL: String?
    let pages: [PagerItemContext]

    init(current: Int, total: Int, label: String, prevURL: String?, nextURL: String?, pages: [PagerItemContext]) {
        self.current = current
        self.total = total
        self.label = label
        self.prevURL = prevURL
        self.nextURL = nextURL
        self.pages = pages
    }

    override var names: [String] { ["multiple", "label", "prevURL", "nextURL", "pages", "current", "total"] }

    override func child(named name: String) -> Any? {
        switch name {
        case "multiple": return total > 1
        case "label": return label
        case "prevURL": return prevURL
        case "nextURL": return nextURL
        case "pages": return pages
        case "current": return current
        case "total": return total
        default: return nil
        }
    }
}

/// One item of `pagination.pages`: a page (`number`, `url`, `current`) or a gap (`gap`), each
/// without the other's keys.
final class PagerItemContext: ContextObject {
    /// Nil for a gap.
    let number: Int?
    let url: String?
    let current: Bool

    init(number: Int?, url: String?, current: Bool) {
        self.number = number
        self.url = url
        self.current = current
    }

    override var names: [String] { number == nil ? ["gap"] : ["current", "number", "url"] }

    override func child(named name: String) -> Any? {
        guard let number else { return name == "gap" ? true : nil }
        switch name {
        case "gap": return nil
        case "current": return current
        case "number": return number
        case "url": return url
        default: return nil
        }
    }
}
