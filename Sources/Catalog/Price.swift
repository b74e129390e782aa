/// A product's price: whole đồng, or "contact" (Liên hệ) when the seller prefers to be asked.
public enum Price: Hashable, Sendable {
    case amount(Int)
    case contact
}
