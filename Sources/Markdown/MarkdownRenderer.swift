/// Seller-written Markdown (GitHub flavour: tables, strikethrough, autolinks, task lists)
/// to HTML that is safe to put inside our pages, plus plain text for search and meta tags.
///
/// Thread-safe: parsing is serialised internally (see `CMarkDocument`), everything else runs
/// in parallel.
public enum MarkdownRenderer {
    /// Rendered body HTML. No raw HTML passes through, only http(s)/mailto/tel links survive,
    /// no image survives (its alt text does), headings start at h2, and http(s) links carry
    /// rel="nofollow noopener ugc" (user-generated content must not pass our ranking on).
    /// Only the first `BodyLimit.maxBytes` bytes are read.
    public static func html(_ markdown: String) -> String {
        String(decoding: sanitizedDocument(markdown).withRenderedHTML(LinkRel.addNofollow), as: UTF8.self)
    }

    /// The text a reader of `html` sees (alt text for images, no raw HTML), without markup,
    /// ASCII whitespace collapsed to single spaces. Not HTML-escaped: escape it where it is
    /// inserted.
    public static func plainText(_ markdown: String) -> String {
        PlainText.extract(sanitizedDocument(markdown))
    }

    /// `html` and `plainText` from a single parse: the build renders 50,000 bodies, and the
    /// parse is the part that runs under the global lock.
    public static func render(_ markdown: String) -> RenderedMarkdown {
        let doc = sanitizedDocument(markdown)
        return RenderedMarkdown(htmlUTF8: doc.withRenderedHTML(LinkRel.addNofollow), text: PlainText.extract(doc))
    }

    /// At most `maxCharacters` characters of `plainText`, cut at a word boundary and ending in
    /// "…" when anything was cut.
    public static func summary(_ markdown: String, maxCharacters: Int) -> String {
        PlainText.truncate(plainText(markdown), maxCharacters: maxCharacters)
    }

    /// Cuts already-extracted text (e.g. `RenderedMarkdown.text`) the way `summary` does,
    /// without parsing again.
    public static func summary(ofText text: String, maxCharacters: Int) -> String {
        PlainText.truncate(text, maxCharacters: maxCharacters)
    }

    /// The text cmark is given: at most `BodyLimit.maxBytes`, with table, nesting and inline
    /// bombs defused.
    static func guarded(_ markdown: String) -> String {
        InlineGuard.defuse(NestingGuard.defuse(TableGuard.defuse(BodyLimit.clamp(markdown))))
    }

    private static func sanitizedDocument(_ markdown: String) -> CMarkDocument {
        let doc = CMarkDocument(markdown: guarded(markdown))
        Sanitizer.sanitize(doc)
        return doc
    }
}
