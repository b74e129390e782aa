import Mustache

/// `business` at the top of a product page: the business-card keys, and the seller's contact
/// buttons and card as HTML (`contactHTML`, `sellerHTML`, docs/theme.md).
///
/// Every product page of a business shows the same seller; rendering `partials/contact` and
/// `partials/seller` once per business instead of once per product page took a tenth off the
/// CPU time of a build (2,000 businesses, about five products each).
final class SellerContext: TemplateObject {
    let card: BusinessCardContext
    let contactHTML: String
    let sellerHTML: String

    init(card: BusinessCardContext, contactHTML: String, sellerHTML: String) {
        self.card = card
        self.contactHTML = contactHTML
        self.sellerHTML = sellerHTML
    }

    var names: [String] { card.names + ["contactHTML", "sellerHTML"] }

    func child(named name: String) -> Any? {
        switch name {
        case "contactHTML": return contactHTML
        case "sellerHTML": return sellerHTML
        default: return card.child(named: name)
        }
    }
}

/// The root object `partials/contact` and `partials/seller` are rendered with for a product
/// page: the business-card keys, then `site` and `t`.
final class SellerFragmentRoot: TemplateObject {
    let card: BusinessCardContext
    let site: SiteContext
    let words: [String: String]

    init(card: BusinessCardContext, site: SiteContext, words: [String: String]) {
        self.card = card
        self.site = site
        self.words = words
    }

    var names: [String] { card.names + ["site", "t"] }

    func child(named name: String) -> Any? {
        if let value = card.child(named: name) { return value }
        switch name {
        case "site": return site
        case "t": return words
        default: return nil
        }
    }
}
