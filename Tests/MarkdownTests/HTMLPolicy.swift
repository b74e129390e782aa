import Foundation

/// Reads rendered HTML back to check it against what seller bodies may contain: a closed set of
/// tags and attributes, and link/image URLs with allowed schemes only.
enum HTMLPolicy {
    static let allowedTags: Set<String> = [
        "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "strong", "em", "del", "code", "pre",
        "table", "thead", "tbody", "tr", "th", "td", "input", "blockquote", "hr", "br",
    ]
    static let allowedAttributes: Set<String> = [
        "href", "src", "alt", "title", "rel", "type", "disabled", "checked", "align", "class", "start",
    ]

    /// Every problem found, empty when the HTML is within policy.
    static func violations(_ html: String) -> [String] {
        var problems: [String] = []
        if html.contains("<!--") { problems.append("comment") }
        for tag in matches(#"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)"#, in: html) where !allowedTags.contains(tag.lowercased()) {
            problems.append("tag \(tag)")
        }
        for tagBody in matches(#"<([^>]*)>"#, in: html) {
            for attribute in matches(#"\s([A-Za-z-]+)\s*="#, in: tagBody) where !allowedAttributes.contains(attribute) {
                problems.append("attribute \(attribute) in <\(tagBody)>")
            }
        }
        for url in matches(#"href="([^"]*)""#, in: html) {
            let lower = url.lowercased()
            if !["http://", "https://", "mailto:", "tel:"].contains(where: lower.hasPrefix) { problems.append("href \(url)") }
        }
        for url in matches(#"src="([^"]*)""#, in: html) {
            let lower = url.lowercased()
            if !["http://", "https://"].contains(where: lower.hasPrefix) { problems.append("src \(url)") }
        }
        return problems
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1))
        }
    }
}
