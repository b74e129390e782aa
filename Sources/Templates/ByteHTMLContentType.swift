import Mustache

/// The HTML escaping of `{{name}}` in chonoi's pages: every `<`, `>`, `&`, `"` and `'` byte.
///
/// swift-mustache escapes per `Character`, so a special character that a combining mark joins
/// into one grapheme (`"` + U+0301) is left as it is, although a browser reads the `"` alone
/// and ends the attribute there: seller text could break out of `alt="…"`. Escaping every byte
/// closes that, and costs a tenth of the CPU time swift-mustache's escape did (a grapheme walk
/// and a dictionary look-up per character). For text where each special character is a
/// character of its own, which is all real text, the output is the same as swift-mustache's.
///
/// The theme is selected with a standalone `{{% CONTENT_TYPE: … }}` line in front of each
/// template (`Theme.specialized`), which renders nothing.
public struct ByteHTMLContentType: MustacheContentType {
    public static let name = "CHONOI_HTML"
    /// The first line of every specialized template.
    public static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    /// Registered once per process, before the first template that names it is parsed.
    public static let registered: Void = MustacheContentTypes.register(ByteHTMLContentType(), named: name)

    public func escapeText(_ text: String) -> String { Self.escape(text) }

    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { isSpecial($0) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for b in bytes[first...] {
                switch b {
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The entity that stands for a byte `isSpecial` accepts.
    static func entity(_ b: UInt8) -> String {
        switch b {
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return "&#39;"
        }
    }

    @inline(__always) static func isSpecial(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "&") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }
}
