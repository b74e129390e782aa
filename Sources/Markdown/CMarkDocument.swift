import CCMark
import Foundation

/// A parsed cmark-gfm document tree, freed when the last reference goes.
///
/// Parsing goes through one process-wide lock: cmark-gfm rewrites a global table of special
/// inline characters on every parse when strikethrough or autolink are attached (upstream
/// github/cmark-gfm PR #176), so two threads parsing at once lose autolinks and emphasis.
/// Rendering only reads the tree and the registered extensions, so it runs unlocked.
final class CMarkDocument {
    let root: OpaquePointer

    /// Safe mode: raw HTML is never emitted, `javascript:` hrefs are blanked by cmark itself
    /// (we also unlink them before that matters).
    static let options = CMARK_OPT_DEFAULT

    private static let parseLock = NSLock()

    /// Registers the GFM extensions once and keeps the list handed to the HTML renderer,
    /// without which tables and task lists render as plain paragraphs.
    private static let extensions: (pointers: [OpaquePointer], list: UnsafeMutablePointer<cmark_llist>?) = {
        cmark_gfm_core_extensions_ensure_registered()
        var list: UnsafeMutablePointer<cmark_llist>?
        var pointers: [OpaquePointer] = []
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm core extension \(name) is not registered")
            }
            pointers.append(ext)
            list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(ext))
        }
        return (pointers, list)
    }()

    init(markdown: String) {
        var text = markdown
        root = text.withUTF8 { bytes in
            Self.parseLock.lock()
            defer { Self.parseLock.unlock() }
            let exts = Self.extensions.pointers
            let parser = cmark_parser_new(Self.options)!
            defer { cmark_parser_free(parser) }
            for ext in exts { cmark_parser_attach_syntax_extension(parser, ext) }
            if let base = bytes.baseAddress, bytes.count > 0 {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                    cmark_parser_feed(parser, chars, bytes.count)
                }
            }
            return cmark_parser_finish(parser)!
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// The HTML as cmark wrote it, handed to `body` before the buffer is freed, so
    /// post-processing can work on the bytes without an intermediate String.
    func withRenderedHTML<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let html = cmark_render_html(root, Self.options, Self.extensions.list) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { free(html) }
        return html.withMemoryRebound(to: UInt8.self, capacity: strlen(html)) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: strlen(html)))
        }
    }
}
