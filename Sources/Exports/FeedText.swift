/// Text for the product feed: escaped for XML, cut to the platforms' limits.
enum FeedText {
    /// Escapes for XML element content and attributes (seller text is untrusted), after
    /// dropping what XML 1.0 cannot carry (`ExportText.clean`).
    static func escape(_ s: String) -> String {
        let clean = ExportText.clean(s)
        guard ExportText.contains(clean, anyOf: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return clean }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in clean.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
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
