/// The largest Markdown body chonoi parses.
///
/// cmark-gfm 0.29 (Debian's) has inline and block shapes whose cost grows with the square of
/// their length (nested brackets, `![` openers, email autolinks, nested containers). At 64 KB,
/// forty times the longest description in the demo catalog, the worst shape we know of renders
/// in about 0.15 s with the guards in `InlineGuard` and `TableGuard`
/// (Tests/MarkdownTests/PathologicalTests.swift measures each). `chonoi check` reports a body
/// over the limit as an error; the renderer only ever sees its first `maxBytes` bytes.
public enum BodyLimit {
    public static let maxBytes = 64 * 1024

    /// Whether `markdown` is over the limit (a byte count, no scan).
    public static func isTooLarge(_ markdown: String) -> Bool {
        markdown.utf8.count > maxBytes
    }

    /// `markdown` cut to at most `maxBytes` bytes, at the last line break when there is one,
    /// else at a character boundary.
    static func clamp(_ markdown: String) -> String {
        let utf8 = markdown.utf8
        guard utf8.count > maxBytes else { return markdown }
        var end = utf8.index(utf8.startIndex, offsetBy: maxBytes)
        if let newline = utf8[..<end].lastIndex(of: UInt8(ascii: "\n")) {
            end = newline
        } else {
            while end > utf8.startIndex && utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        }
        return String(Substring(utf8[..<end]))
    }
}
