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

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "sector": return TemplateValue(sector)
        case "pagination": return TemplateValue(pagination)
        case "hasBusinesses": return TemplateValue(!businesses.isEmpty)
        case "businesses": return TemplateValue(businesses)
        case "hasProducts": return TemplateValue(!products.isEmpty)
        case "products": return TemplateValue(products)
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

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "name": return TemplateValue(self.name)
        case "description": return TemplateValue(description)
        case "businessCount": return TemplateValue(businessCount)
        case "productCount": return TemplateValue(productCount)
        case "id": return TemplateValue(id)
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

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "multiple": return TemplateValue(total > 1)
        case "label": return TemplateValue(label)
        case "prevURL": return TemplateValue(prevURL)
        case "nextURL": return TemplateValue(nextURL)
        case "pages": return TemplateValue(pages)
        case "current": return TemplateValue(current)
        case "total": return TemplateValue(total)
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

    override func value(named name: String) -> TemplateValue {
        guard let number else { return name == "gap" ? TemplateValue(true) : nil }
        switch name {
        case "gap": return nil
        case "current": return TemplateValue(current)
        case "number": return TemplateValue(number)
        case "url": return TemplateValue(url)
        default: return nil
        }
    }
}
