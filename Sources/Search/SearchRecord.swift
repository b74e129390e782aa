/// One thing a buyer can find: a product or a business, with the words shown in a result.
/// The Site module fills these from the catalog; the Search module only indexes them.
public struct SearchRecord: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case product = "p"
        case business = "b"
    }

    public var kind: Kind
    /// Site-relative address without a leading slash, e.g. `co-so/sa-giang/banh-phong-tom/`.
    public var url: String
    public var name: String
    public var businessName: String
    public var sectorID: String
    public var sectorName: String
    /// Ward and province, e.g. "Xã Vĩnh Kim, Đồng Tháp".
    public var place: String
    /// Ready to show: "85.000 ₫/kg", "Liên hệ", or empty for a business.
    public var price: String
    /// OCOP stars while the badge is valid.
    public var ocop: Int?
    /// Plain text of the description, tags and other searchable words (lowest weight).
    /// Only its first `SearchIndexLayout.textWordLimit` words are indexed, to keep shards small.
    public var text: String
    /// Tags, certifications and other short descriptors, indexed in full with the business,
    /// sector and place weight: they are chosen words, and they often sit at the end of a
    /// page, past the indexed part of `text`.
    public var keywords: String

    public init(kind: Kind, url: String, name: String, businessName: String, sectorID: String, sectorName: String,
                place: String, price: String, ocop: Int?, text: String, keywords: String = "") {
        self.kind = kind
        self.url = url
        self.name = name
        self.businessName = businessName
        self.sectorID = sectorID
        self.sectorName = sectorName
        self.place = place
        self.price = price
        self.ocop = ocop
        self.text = text
        self.keywords = keywords
    }
}
