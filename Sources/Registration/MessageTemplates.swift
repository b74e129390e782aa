import Diagnostics

/// The validator's messages with `{placeholders}` for register.js, so the page says exactly
/// what `chonoi check` would, in the catalog's language, from the one message catalog.
///
/// Each message is rendered with marker values, which are then replaced by `{name}`: text
/// parameters get the placeholder itself, number parameters a sentinel number no real value
/// has (the catalog formats numbers itself, so the sentinel must be a number).
public enum MessageTemplates {
    static let a = 987_654_301, b = 987_654_302, c = 987_654_303

    public static func all(_ language: Language) -> [String: String] {
        let numbers = [(a, "{a}"), (b, "{b}"), (c, "{c}")]
        let list: [(String, Message)] = [
            ("empty", .emptyField(key: "{key}")),
            ("phone", .invalidPhone(key: "{key}", value: "{value}")),
            ("email", .invalidEmail(key: "{key}", value: "{value}")),
            ("url", .invalidWebURL(key: "{key}", value: "{value}")),
            ("taxFormat", .taxCodeFormat(value: "{value}")),
            ("taxCheck", .taxCodeCheckDigit(value: "{value}")),
            ("personalID", .personalIDNotAllowed(kind: "{kind}")),
            ("ocopStars", .ocopStars(value: a)),
            ("ocopYearWithoutStars", .ocopYearWithoutStars),
            ("ocopExpired", .ocopExpired(year: a, expiredYear: b)),
            ("ocopFuture", .ocopYearInFuture(year: a)),
            ("year", .yearOutOfRange(key: "{key}", value: a, latest: b)),
            ("price", .priceNotWhole(value: "{value}", suggestion: nil)),
            ("pricePositive", .pricePositive),
            ("unit", .unitRequired),
            ("positive", .positiveNumber(key: "{key}")),
            ("oldAddress", .oldAddressForm(word: "{word}")),
            ("slug", .invalidSlug(name: "{name}", suggestion: "{suggestion}")),
            ("duplicate", .duplicateSlug(slug: "{slug}", other: "{other}")),
            ("coordinate", .coordinateOutOfRange(key: "{key}", value: Double(a), min: Double(b), max: Double(c))),
            ("date", .invalidDate(key: "{key}", value: "{value}")),
            ("future", .dateInFuture(key: "{key}", value: "{value}")),
            ("updatedBefore", .updatedBeforePublished(updated: "{updated}", published: "{published}")),
            ("wholeNumber", .wrongType(key: "{key}", expected: .wholeNumber)),
            ("yearType", .wrongType(key: "{key}", expected: .year)),
            ("decimal", .wrongType(key: "{key}", expected: .decimal)),
            ("emptyBody", .emptyBody),
        ]
        var out: [String: String] = [:]
        for (name, message) in list {
            var text = message.text(language)
            for (n, placeholder) in numbers {
                // A Double prints as "987654301.0"; replace that form first.
                text = text.replacingOccurrences(of: "\(Double(n))", with: placeholder)
                    .replacingOccurrences(of: "\(n)", with: placeholder)
            }
            out[name] = text
        }
        return out
    }
}
