import Fingerprint

/// A product's id on partner platforms: `<business>/<product>`, the two folder names, so it
/// stays the same from build to build and a platform updates its listing instead of adding one.
public enum ProductID {
    /// Google Merchant Center's limit for `id`.
    public static let feedLimit = 50

    public static func full(business: String, product: String) -> String { business + "/" + product }

    /// The full id when it fits in 50 characters (slugs are ASCII); otherwise its first 33
    /// characters, `~` and 16 hex digits of its FNV-1a fingerprint, still stable and, for any
    /// real catalog, unique. Used as the feed's `g:id` and the Product JSON-LD's `sku`.
    public static func feed(business: String, product: String) -> String {
        let id = full(business: business, product: product)
        guard id.unicodeScalars.count > feedLimit else { return id }
        return String(id.unicodeScalars.prefix(feedLimit - 17)) + "~" + FNV1a.hex(Array(id.utf8))
    }
}
