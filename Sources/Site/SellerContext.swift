import Mustache
import Templates

/// `business` at the top of a product page: the business-card keys, and the seller's contact
/// buttons and card as HTML (`contactHTML`, `sellerHTML`, docs/theme.md).
///
/// Every product page of a business shows the same seller; rendering `partials/contact` and
/// `partials/seller` once per business instead of once per product page took a tenth off the
/// CPU time of a build (2,000 businesses, about five products each).
final class SellerContext: ContextObject {
    let card: BusinessCardContext
    let contactHTML: String
    let sellerHTML: String

    init(card: BusinessCardContext, contactHTML: String, sellerHTML: String) {
        self.card = card
        self.contactHTML = contactHTML
        self.sellerHTML = sellerHTML
    }

    override var names: [String] { card.names + ["contactHTML", "sellerHTML"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "contactHTML": return TemplateValue(contactHTML)
        case "sellerHTML": return TemplateValue(sellerHTML)
        default: return card.value(named: name)
        }
    }
}
