import CCMark

/// Rewrites a parsed seller body before it is rendered:
/// - raw HTML blocks and inline tags are removed (cmark would print
///   `<!-- raw HTML omitted -->` for each, which is noise in our pages), and so is the text
///   between an inline `<script>`/`<style>` and its closing tag, which no reader should see;
/// - links to anything but http(s)/mailto/tel keep their text and lose the link;
/// - every image is replaced by its alt text: photos come from the entry's folder (the
///   `images` and `logo` fields), never from another site (tracking pixels, mixed content,
///   pictures that vanish) nor from a path the site does not publish;
/// - headings move one level down (`#` → h2), because the page's h1 is the entry's name.
enum Sanitizer {
    static func sanitize(_ doc: CMarkDocument) {
        removeRawHTML(doc.root)
        rewriteLinksAndHeadings(doc.root)
    }

    /// cmark forbids changing the tree while iterating, so each pass collects, then edits.
    private static func nodes(under root: OpaquePointer, _ wanted: (OpaquePointer, cmark_node_type) -> Bool) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            if wanted(node, cmark_node_get_type(node)) { found.append(node) }
        }
        return found
    }

    private static func removeRawHTML(_ root: OpaquePointer) {
        let html = nodes(under: root) { _, type in type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE }
        guard !html.isEmpty else { return }
        var doomed = Set(html)
        var hidden = Set<OpaquePointer>()
        for node in html where !hidden.contains(node) {
            // A script inside an earlier script's hidden run ends at the same closing tag.
            if let closing = hiddenContentClosingTag(node) { hidden.formUnion(siblings(after: node, until: closing)) }
        }
        doomed.formUnion(hidden)
        // Freeing a node frees its subtree, so only the outermost doomed nodes are freed: one
        // walk in document order that skips the inside of each (asking every node for its
        // ancestors took 16 s on 64 KB of `>` followed by inline tags).
        var outermost: [OpaquePointer] = []
        var skipping: OpaquePointer?
        let iter = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            if let s = skipping {
                if event == CMARK_EVENT_EXIT && node == s { skipping = nil }
                continue
            }
            guard event == CMARK_EVENT_ENTER, doomed.contains(node) else { continue }
            outermost.append(node)
            if !isLeaf(cmark_node_get_type(node)) { skipping = node }
        }
        cmark_iter_free(iter)
        for node in outermost { cmark_node_free(node) }
    }

    /// Node types the iterator enters without ever exiting.
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    /// Moving a child costs cmark a walk over all its new parent's ancestors; past this many
    /// steps in one body (deep nesting and many links), unsafe links and images are dropped
    /// with their text instead of unwrapped.
    static let maxUnwrapSteps = 2_000_000

    private static func rewriteLinksAndHeadings(_ root: OpaquePointer) {
        var unwrap: [(node: OpaquePointer, depth: Int)] = []
        var headings: [OpaquePointer] = []
        var depth = 0
        let iter = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                continue
            }
            switch type {
            case CMARK_NODE_LINK:
                if !LinkPolicy.allowsLink(url(node)) { unwrap.append((node, depth)) }
            case CMARK_NODE_IMAGE:
                unwrap.append((node, depth))
            case CMARK_NODE_HEADING:
                headings.append(node)
            default:
                break
            }
            if !isLeaf(type) { depth += 1 }
        }
        cmark_iter_free(iter)
        for node in headings {
            cmark_node_set_heading_level(node, min(cmark_node_get_heading_level(node) + 1, 6))
        }
        // Outer nodes come first; children moved out of one node that is itself listed are
        // simply moved again when its turn comes.
        var steps = 0
        for (node, depth) in unwrap {
            while let child = cmark_node_first_child(node) {
                steps += depth + 1
                // 0 means the parent cannot hold this child; drop it rather than loop forever.
                if steps > maxUnwrapSteps || cmark_node_insert_before(node, child) == 0 { break }
            }
            cmark_node_free(node)
        }
    }

    /// "</script" for an inline `<script ...>`, "</style" for `<style ...>`, else nil.
    private static func hiddenContentClosingTag(_ node: OpaquePointer) -> String? {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE else { return nil }
        let tag = literal(node).lowercased()
        for name in ["script", "style"] where tag.hasPrefix("<" + name) {
            guard let next = tag.dropFirst(name.count + 1).first else { return "</" + name }
            if next == ">" || next == "/" || next.isWhitespace { return "</" + name }
        }
        return nil
    }

    /// The siblings after `node` up to the inline HTML that starts with `closing`, or to the
    /// end of the paragraph if it is never closed (as a browser would hide the rest).
    private static func siblings(after node: OpaquePointer, until closing: String) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        var next = cmark_node_next(node)
        while let n = next {
            if cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE && literal(n).lowercased().hasPrefix(closing) { break }
            found.append(n)
            next = cmark_node_next(n)
        }
        return found
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_literal(node) else { return "" }
        return String(cString: c)
    }

    private static func url(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_url(node) else { return "" }
        return String(cString: c)
    }
}
