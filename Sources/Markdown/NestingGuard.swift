/// Caps how deeply one line can nest blockquotes and lists, before parsing.
///
/// cmark-gfm 0.29 walks up every ancestor each time it adds an inline node, so a body that
/// opens thousands of containers on one line (`>>>>…`, `- - - …`, `1. 1. …`) and then writes
/// text costs depth × inline nodes: 32 KB of `>` then 32 KB of `*a* ` took 4.5 s. Past
/// `maxMarkersPerLine` container markers at the start of a line, or once the markers plus
/// half the indentation before them (a nested list item is indented at least two columns
/// per level) pass `maxDepth`, a backslash goes before the next marker, which makes the rest
/// of the line text. Thematic breaks (`- - - - …`) are left alone.
enum NestingGuard {
    static let maxMarkersPerLine = 16
    static let maxDepth = 64

    static func defuse(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { bytes -> String? in
            var escapes: [Int] = []
            var lineStart = 0
            let n = bytes.count
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if let offset = excessMarker(bytes, lineStart, lineEnd) { escapes.append(offset) }
                lineStart = lineEnd + 1
            }
            guard !escapes.isEmpty else { return nil }
            return BackslashEscapes.insert(before: escapes, in: bytes)
        } ?? markdown
    }

    /// The offset to escape (the first marker past the cap), or nil.
    private static func excessMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var markers = 0, columns = 0
        var i = start
        func isSpace(_ j: Int) -> Bool { j >= end || bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D }
        while i < end {
            let b = bytes[i]
            var escapeAt = i
            if b == 0x20 || b == 0x09 {
                columns += b == 0x09 ? 4 : 1
                i += 1
                continue
            } else if b == UInt8(ascii: ">") {
                i += 1
            } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")) && isSpace(i + 1) {
                i += 1
            } else if (0x30...0x39).contains(b) {
                var j = i
                while j < end && j - i < 9 && (0x30...0x39).contains(bytes[j]) { j += 1 }
                guard j < end, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")"), isSpace(j + 1) else { return nil }
                escapeAt = j
                i = j + 1
            } else {
                return nil
            }
            markers += 1
            if markers > maxMarkersPerLine || markers + columns / 2 > maxDepth {
                return isThematicBreak(bytes, start, end) ? nil : escapeAt
            }
        }
        return nil
    }

    /// Three or more of one of `-`, `*`, `_` with only spaces between: a horizontal rule.
    private static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var mark: UInt8 = 0
        for i in start..<end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D { continue }
            guard b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") else { return false }
            if mark == 0 { mark = b } else if b != mark { return false }
        }
        return mark != 0
    }
}
