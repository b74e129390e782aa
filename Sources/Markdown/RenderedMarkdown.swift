/// A body rendered once for everything a page needs from it (see `MarkdownRenderer.render`).
public struct RenderedMarkdown: Sendable, Hashable {
    /// `MarkdownRenderer.html` as the UTF-8 cmark-gfm wrote (valid: cmark keeps the text it is
    /// given, which was a `String`): a page writes these bytes as they are.
    public let htmlUTF8: [UInt8]
    /// Same as `MarkdownRenderer.plainText`.
    public let text: String

    /// Same as `MarkdownRenderer.html`.
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
}
