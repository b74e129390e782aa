import CCMark

/// Rewrites a parsed seller body before it is rendered:
/// - raw HTML blocks and inline tags are removed (cmark would print
///   `<!-- raw HTML omitted -->` for each, which is noise in our pages), and so is the text
///   between an inline `<script>`/`<style>` and its closing tag, which no reader should see;
/// - links to anything but http(s)/mailto/tel keep their text and lose the link;
/// - images that are not http(s) are replaced by their alt text;
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
        for node in html {
            if let closing = hiddenContentClosingTag(node) { doomed.formUnion(siblings(after: node, until: closing)) }
        }
        // Freeing a node frees its subtree; skip nodes whose ancestor is already going.
        for node in doomed where !hasAncestor(node, in: doomed) {
            cmark_node_free(node)
        }
    }

    private static func rewriteLinksAndHeadings(_ root: OpaquePointer) {
        var unwrap: [OpaquePointer] = []
        let headings = nodes(under: root) { node, type in
            switch type {
            case CMARK_NODE_LINK:
                if !LinkPolicy.allowsLink(url(node)) { unwrap.append(node) }
            case CMARK_NODE_IMAGE:
                if !LinkPolicy.allowsImage(url(node)) { unwrap.append(node) }
            case CMARK_NODE_HEADING:
                return true
            default:
                break
            }
            return false
        }
        for node in headings {
            cmark_node_set_heading_level(node, min(cmark_node_get_heading_level(node) + 1, 6))
        }
        // Outer nodes come first; children moved out of one node that is itself listed are
        // simply moved again when its turn comes.
        for node in unwrap {
            while let child = cmark_node_first_child(node) {
                // 0 means the parent cannot hold this child; drop it rather than loop forever.
                if cmark_node_insert_before(node, child) == 0 { break }
            }
            cmark_node_free(node)
        }
    }

    private static func hasAncestor(_ node: OpaquePointer, in set: Set<OpaquePointer>) -> Bool {
        var parent = cmark_node_parent(node)
        while let p = parent {
            if set.contains(p) { return true }
            parent = cmark_node_parent(p)
        }
        return false
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
