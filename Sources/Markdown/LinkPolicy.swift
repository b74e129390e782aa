/// Which URLs seller Markdown may link to. An allow-list, because every deny-list of schemes
/// (javascript:, vbscript:, data:, file:...) has been bypassed by a spelling someone forgot.
/// Relative URLs and fragments are refused too: a seller body has no business pointing into
/// the site's own paths, and its fragments would collide with the page's ids.
enum LinkPolicy {
    static func allowsLink(_ url: String) -> Bool {
        hasScheme(url, in: ["http:", "https:", "mailto:", "tel:"])
    }

    /// cmark has already decoded entities, so "&#106;avascript:" arrives here as
    /// "javascript:". Leading whitespace and ASCII case are ignored.
    private static func hasScheme(_ url: String, in schemes: [String]) -> Bool {
        let scalars = url.unicodeScalars.drop(while: { $0.properties.isWhitespace })
        return schemes.contains { scheme in
            var rest = scalars.makeIterator()
            return scheme.unicodeScalars.allSatisfy { expected in
                guard let c = rest.next() else { return false }
                let lower = (0x41...0x5A).contains(c.value) ? c.value | 0x20 : c.value
                return lower == expected.value
            }
        }
    }
}
