import CCMark
import CMarkInlines
import Foundation

/// A parsed cmark-gfm document tree, freed when the last reference goes.
///
/// cmark-gfm sets a process-wide table of special inline characters when a parse with
/// strikethrough or autolink starts its inline parsing and clears it when it ends (upstream
/// github/cmark-gfm PR #176), so two threads parsing at once lose autolinks and emphasis.
/// `CMarkInlines` keeps the library from clearing it; where it does (checked on the first
/// parse), parses run at once on every core, and elsewhere they take turns under one lock.
/// Rendering only reads the tree and the registered extensions, so it always runs unlocked.
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

    /// Whether parses must take turns: true unless the first parse, made under the lock with
    /// both inline extensions at work, showed that the library calls `CMarkInlines`' stand-in
    /// (and so never clears the table another parse is reading). Swift runs this once, and
    /// every other thread waits for it.
    static let parsesTakeTurns: Bool = {
        guard chonoi_cmark_sets_special_characters() == 1 else { return true }
        parseLock.lock()
        defer { parseLock.unlock() }
        var probe = "~~a~~ www.example.vn"
        cmark_node_free(probe.withUTF8 { parse($0) })
        return chonoi_cmark_kept_special_characters() == 0
    }()

    init(markdown: String) {
        var text = markdown
        root = text.withUTF8 { bytes in
            guard Self.parsesTakeTurns else { return Self.parse(bytes) }
            Self.parseLock.lock()
            defer { Self.parseLock.unlock() }
            return Self.parse(bytes)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer {
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for ext in extensions.pointers { cmark_parser_attach_syntax_extension(parser, ext) }
        if let base = bytes.baseAddress, bytes.count > 0 {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                cmark_parser_feed(parser, chars, bytes.count)
            }
        }
        return cmark_parser_finish(parser)!
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
