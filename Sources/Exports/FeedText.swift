/// Text for the product feed: escaped for XML, cut to the platforms' limits.
enum FeedText {
    /// Appends `s` escaped for XML element content and attributes (seller text is untrusted),
    /// after dropping what XML 1.0 cannot carry (`ExportText`). On bytes: the runs between
    /// the five escaped characters are copied whole.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        ExportText.withCleanUTF8(s) { utf8 in
            var run = 0
            for i in 0..<utf8.count {
                let entity: StaticString
                switch utf8[i] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&apos;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                out.append(entity)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }

    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        appendEscaped(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whitespace runs (line breaks included) as one space, trimmed: titles are one line.
    static func oneLine(_ s: String) -> String {
        ExportText.clean(s).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// At most `limit` characters, cut between two grapheme clusters, never inside one (a
    /// Vietnamese letter written decomposed, a flag, an emoji with its modifier stay whole).
    /// Characters are counted as Unicode scalars, the stricter of the ways platforms count,
    /// so the result is within the limit however it is measured. A cut text ends with "…" at
    /// a word boundary when one is near the end.
    static func truncate(_ s: String, to limit: Int) -> String {
        let clean = ExportText.clean(s)
        if clean.unicodeScalars.count <= limit { return clean }
        let ellipsis = "…"
        var kept = Substring()
        var scalars = 0
        var index = clean.startIndex
        while index < clean.endIndex {
            let next = clean.index(after: index)
            let count = clean[index..<next].unicodeScalars.count
            if scalars + count > limit - 1 { break }
            scalars += count
            index = next
        }
        kept = clean[..<index]
        // Back to the last space when it leaves at least four fifths of the text.
        if let space = kept.lastIndex(where: { $0.isWhitespace }),
           kept[..<space].unicodeScalars.count >= (limit * 4) / 5 {
            kept = kept[..<space]
        }
        while let last = kept.last, last.isWhitespace || ",;:–-".contains(last) { kept = kept.dropLast() }
        return kept + ellipsis
    }
}
