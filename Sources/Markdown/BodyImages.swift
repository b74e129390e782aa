import CCMark

/// An image a body asks for: `![alt](url)` or `![alt][ref]`. None is shown (see `Sanitizer`);
/// `chonoi check` reports each so the seller puts the photo in the entry's folder instead.
public struct BodyImage: Sendable, Hashable {
    /// As written, after cmark's unescaping (empty for `![alt]()`).
    public let url: String
    /// 1-based line within the body.
    public let line: Int
    /// 1-based column within that line, in characters.
    public let column: Int

    public init(url: String, line: Int, column: Int) {
        self.url = url
        self.line = line
        self.column = column
    }

    /// Whether the picture would come from another site: `http:`, `https:` (any case) or `//host`.
    public var isRemote: Bool {
        let lower = url.drop(while: { $0 == " " }).lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//")
    }
}

extension MarkdownRenderer {
    /// The images in `markdown`, in reading order. Cheap when there are none: the body is only
    /// parsed when it contains `![`, and a body over `BodyLimit.maxBytes` is not parsed at all
    /// (the size is reported instead).
    public static func images(_ markdown: String) -> [BodyImage] {
        guard !BodyLimit.isTooLarge(markdown), containsImageOpener(markdown) else { return [] }
        let text = guarded(markdown)
        let doc = CMarkDocument(markdown: text)
        var found: [BodyImage] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let iter = cmark_iter_new(doc.root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let (line, byteColumn) = position(node)
            var column = 1
            if line >= 1 && line <= lines.count {
                let bytes = Array(lines[line - 1].utf8)
                // cmark-gfm 0.29's inline columns drift after code spans and escapes: take the
                // `![` on that line nearest to where cmark says the image starts.
                var start = max(0, byteColumn - 1)
                var best = Int.max
                for i in bytes.indices.dropLast() where bytes[i] == UInt8(ascii: "!") && bytes[i + 1] == UInt8(ascii: "[") {
                    if abs(i - (byteColumn - 1)) < best {
                        best = abs(i - (byteColumn - 1))
                        start = i
                    }
                }
                // cmark counts bytes; a diagnostic counts characters.
                column = bytes.prefix(min(start, bytes.count)).reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            }
            found.append(BodyImage(url: url, line: max(line, 1), column: column))
        }
        return found
    }

    private static func containsImageOpener(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for b in bytes {
                if b == UInt8(ascii: "[") && previous == UInt8(ascii: "!") { return true }
                previous = b
            }
            return false
        }
    }

    /// The node's own line and byte column when cmark recorded them, else its nearest
    /// ancestor's (inline positions are incomplete in cmark-gfm 0.29).
    private static func position(_ node: OpaquePointer) -> (Int, Int) {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return (line, max(Int(cmark_node_get_start_column(n)), 1)) }
            current = cmark_node_parent(n)
        }
        return (1, 1)
    }
}
