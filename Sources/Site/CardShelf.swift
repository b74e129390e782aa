/// The rendered cards that sector pages and the home page list, found by the plan's positions:
/// each business's card, and its products' cards in the order of its listing (A–Z).
protocol CardShelf {
    func businessCard(_ business: Int) throws -> String
    func productCard(_ ref: SitePlan.ProductRef) throws -> String
}

extension PageRenderer.Cards: CardShelf {
    func businessCard(_ business: Int) -> String { businesses[business].card }
    func productCard(_ ref: SitePlan.ProductRef) -> String { businesses[Int(ref.business)].productCards[Int(ref.product)] }
}
