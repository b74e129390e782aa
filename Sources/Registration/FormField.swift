import Catalog

/// One input of the registration form: a field of the contract (`address.ward` for a nested
/// one), or `body`, the Markdown description below the front matter.
public struct FormField: Sendable, Equatable {
    /// How the page asks for the value and how register.js writes it into YAML.
    public enum Input: String, Sendable {
        case text, phone, email, url, taxCode, year, number, decimal, sector, kind, stars, list
        case price, months, yesNo, date, photo, photos, body
    }

    public let key: String
    public let input: Input
    /// Required by the contract. `unit` is required only with a numeric price: the page marks
    /// it and drops the mark when the seller chooses "contact".
    public let required: Bool

    public init(_ key: String, _ input: Input, required: Bool = false) {
        self.key = key
        self.input = input
        self.required = required
    }
}

/// The fields of the form, in the contract's order (content-model.md). Tests hold them to the
/// loader: every field the schema allows is here, and what the loader reports missing from an
/// empty entry is exactly what is marked required.
public enum FormFields {
    public static let business: [FormField] = [
        FormField("name", .text, required: true),
        FormField("sector", .sector, required: true),
        FormField("kind", .kind, required: true),
        FormField("representative", .text, required: true),
        FormField("phone", .phone, required: true),
        FormField("address.street", .text),
        FormField("address.ward", .text, required: true),
        FormField("address.province", .text, required: true),
        FormField("email", .email),
        FormField("website", .url),
        FormField("tax_code", .taxCode),
        FormField("founded", .year),
        FormField("logo", .photo),
        FormField("zalo", .phone),
        FormField("map.lat", .decimal),
        FormField("map.lng", .decimal),
        FormField("certifications", .list),
        FormField("draft", .yesNo),
        FormField("body", .body),
    ]

    public static let product: [FormField] = [
        FormField("name", .text, required: true),
        FormField("sector", .sector, required: true),
        FormField("price", .price, required: true),
        FormField("unit", .text, required: true),
        FormField("images", .photos),
        FormField("ocop", .stars),
        FormField("ocop_year", .year),
        FormField("min_order", .number),
        FormField("season", .months),
        FormField("delivery", .text),
        FormField("available", .yesNo),
        FormField("published", .date, required: true),
        FormField("updated", .date),
        FormField("tags", .list),
        FormField("draft", .yesNo),
        FormField("body", .body),
    ]
}
