import CCMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text content of a Markdown document, for search indexes and meta descriptions.
enum PlainText {
    static func extract(_ doc: CMarkDocument) -> String {
        var out = Collapser()
        let iter = cmark_iter_new(doc.root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                // Block ends (paragraphs, list items, table cells) separate words.
                if type.rawValue & 0xC000 == 0x8000 { out.space() }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { out.append(literal) }
                if type == CMARK_NODE_CODE_BLOCK { out.space() }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_THEMATIC_BREAK:
                out.space()
            default:
                break  // raw HTML is skipped; containers contribute their children's text
            }
        }
        return String(decoding: out.finish(), as: UTF8.self)
    }

    /// Collapses ASCII whitespace runs into one space with none at either end. A no-break space
    /// is kept: in "85.000 ₫" it is there on purpose. The text is gathered as it comes, a block
    /// end being one more space, and collapsed in place once at the end: per byte, an array's
    /// append costs more than the scan (and splitting a String by Character more than parsing
    /// the Markdown).
    struct Collapser {
        private var gathered: [UInt8] = []

        mutating func space() { gathered.append(0x20) }

        mutating func append(_ cString: UnsafePointer<CChar>) {
            gathered.append(contentsOf: UnsafeRawBufferPointer(start: cString, count: strlen(cString)))
        }

        /// The collapsed text (the collapser is left empty).
        mutating func finish() -> [UInt8] {
            var text: [UInt8] = []
            swap(&text, &gathered)
            let count = text.withUnsafeMutableBufferPointer { b -> Int in
                var kept = 0, pendingSpace = false
                for i in 0..<b.count {
                    let c = b[i]
                    if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                        pendingSpace = true
                        continue
                    }
                    if pendingSpace && kept > 0 {
                        b[kept] = 0x20
                        kept += 1
                    }
                    pendingSpace = false
                    b[kept] = c
                    kept += 1
                }
                return kept
            }
            text.removeLast(text.count - count)
            return text
        }
    }

    static func truncate(_ text: String, maxCharacters: Int) -> String {
        guard maxCharacters > 0 else { return "" }
        return truncateByScalars(text, maxCharacters: maxCharacters) ?? truncateByCharacters(text, maxCharacters: maxCharacters)
    }

    /// `truncateByCharacters` where every scalar up to the cut (and the one after it) is a
    /// character of its own: letters, digits and punctuation of Latin scripts, Vietnamese's
    /// precomposed letters, spaces, tabs, line feeds, dashes, quotes and currency signs. No grapheme rule joins two of them, so
    /// scalars can be counted instead of characters: a summary of every product page, and a
    /// grapheme walk there cost 1.5 % of a build. Nil for any other text.
    static func truncateByScalars(_ text: String, maxCharacters: Int) -> String? {
        let scalars = text.unicodeScalars
        var limit = scalars.startIndex, count = 0
        var i = scalars.startIndex
        // The first maxCharacters + 2 scalars: those up to the cut, one after it (is the text
        // longer?) and one more (does it join the one before?).
        while i != scalars.endIndex, count < maxCharacters + 2 {
            guard Self.standsAlone(scalars[i]) else { return nil }
            if count == maxCharacters - 1 { limit = i }
            count += 1
            i = scalars.index(after: i)
        }
        guard count > maxCharacters else { return text }
        var cut = scalars[..<limit]
        if scalars[limit] != " ", let space = cut.lastIndex(of: " ") {
            cut = cut[..<space]
        }
        while let last = cut.last, last.properties.isWhitespace || Self.isPunctuation(last) {
            cut = cut.dropLast()
        }
        return String(cut) + "…"
    }

    /// A scalar that is a character of its own whatever its neighbours (of those above).
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // Tab, line feed; Basic Latin to Latin Extended-B; Vietnamese's precomposed letters; dashes,
        // quotes and the ellipsis; currency signs (₫).
        case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true
        default: return false
        }
    }

    /// `Character.isPunctuation` for a character of one scalar.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    static func truncateByCharacters(_ text: String, maxCharacters: Int) -> String {
        guard maxCharacters > 0 else { return "" }
        // Counting only as far as the limit: `text.count` would break the whole text (a body of
        // thousands of characters) into grapheme clusters to keep the first 160.
        guard let limit = text.index(text.startIndex, offsetBy: maxCharacters - 1, limitedBy: text.endIndex),
              limit != text.endIndex, text.index(after: limit) != text.endIndex else { return text }
        // Leave room for the ellipsis, then back up to the last space if there is one.
        var cut = text[..<limit]
        if text[limit] != " ", let space = cut.lastIndex(of: " ") {
            cut = cut[..<space]
        }
        while let last = cut.last, last.isWhitespace || last.isPunctuation {
            cut = cut.dropLast()
        }
        return cut + "…"
    }
}
