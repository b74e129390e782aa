import Mustache

/// swift-mustache's HTML escaping (`{{name}}`), with the same output, computed on bytes.
///
/// swift-mustache escapes per `Character` (a grapheme-cluster walk and a dictionary look-up
/// per character, after counting the characters to reserve room): a tenth of a build's CPU
/// time. Here a value without `< > & " '` is returned as it is, and one whose special
/// characters all sit between ASCII bytes (always a character of their own) is rewritten
/// byte by byte. Anything else, e.g. a `<` followed by a combining mark (one `Character`,
/// which swift-mustache leaves as it is), takes swift-mustache's own per-`Character` path, so
/// pages stay byte-identical.
///
/// The specialized theme (`Theme.specialized`) selects it with a standalone
/// `{{% CONTENT_TYPE: … }}` line in front of each template, which renders nothing.
struct ByteHTMLContentType: MustacheContentType {
    static let name = "CHONOI_HTML"
    /// The first line of every specialized template.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    /// Registered once per process, before the first template that names it is parsed.
    static let registered: Void = MustacheContentTypes.register(ByteHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var text = text
        let escaped: String?? = text.withUTF8 { bytes -> String?? in
            guard let first = bytes.firstIndex(where: { isSpecial($0) }) else { return .some(nil) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for i in first..<bytes.count {
                let b = bytes[i]
                guard isSpecial(b) else { out.append(b); continue }
                // Between two ASCII bytes (or the ends), an ASCII byte is a grapheme of its own.
                guard i == 0 || bytes[i - 1] < 0x80, i + 1 == bytes.count || bytes[i + 1] < 0x80 else { return nil }
                switch b {
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                default: out.append(contentsOf: "&#39;".utf8)
                }
            }
            return .some(String(decoding: out, as: UTF8.self))
        }
        switch escaped {
        case .some(.none): return text
        case .some(.some(let s)): return s
        case .none: return perCharacter(text)
        }
    }

    @inline(__always) private static func isSpecial(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "&") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }

    private static let replacements: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]

    /// swift-mustache's `String.htmlEscape()`, as it is.
    static func perCharacter(_ text: String) -> String {
        var out = ""
        for c in text {
            if let replacement = replacements[c] { out += replacement } else { out.append(c) }
        }
        return out
    }
}
