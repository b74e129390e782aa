/// Writes constant values into Mustache template text: `{{key}}` becomes the HTML-escaped
/// value, `{{{key}}}` and `{{&key}}` the raw value. Sections, partials and every other tag are
/// left alone, and so is a template that changes its delimiters (`{{=…=}}`), where `{{` may
/// not start a tag.
enum TemplateConstants {
    static func substitute(_ template: String, _ constants: [String: String]) -> String {
        guard !template.contains("{{="), !constants.isEmpty else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count)
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            guard let close = afterOpen.range(of: closing) else {
                out += rest[open.lowerBound...]
                return out
            }
            var inner = afterOpen[(triple ? afterOpen.index(after: afterOpen.startIndex) : afterOpen.startIndex)..<close.lowerBound]
            var raw = triple
            if !triple, inner.hasPrefix("&") {
                raw = true
                inner = inner.dropFirst()
            }
            let key = inner.trimmingSpaces
            if let value = constants[key] {
                out += inert(raw ? value : Markup.escape(value))
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The value becomes template text, so a `{{…}}` in a catalog's title or a sector's name
    /// would be read as a tag. As a character reference, `{` reads the same in HTML and in
    /// attributes, and Mustache sees no tag.
    private static func inert(_ value: String) -> String {
        value.contains("{") ? value.replacingOccurrences(of: "{", with: "&#123;") : value
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
