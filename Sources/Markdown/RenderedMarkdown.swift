/// A body rendered once for everything a page needs from it (see `MarkdownRenderer.render`).
public struct RenderedMarkdown: Sendable, Hashable {
    /// Same as `MarkdownRenderer.html`.
    public let html: String
    /// Same as `MarkdownRenderer.plainText`.
    public let text: String
}
