/// Stops GFM tables from turning a small body into an enormous page.
///
/// The table extension pads every row to the header's column count, so a 26 KB body with a
/// 5,000-column header and 2,000 one-character lines becomes 10 million cells: with Debian's
/// cmark-gfm 0.29.0.gfm.6 that was 100 MB of HTML and a minute of parsing, all of it inside
/// the global parse lock. Upstream later capped auto-completed cells; this is our cap.
///
/// Before parsing, every line that could be a table's delimiter row (only pipes, dashes,
/// colons, spaces and container prefixes such as ">" or "1.") is sized: its dash runs bound the
/// column count and the non-blank lines after it bound the row count. If columns × rows could
/// exceed `maxCells`, a backslash is put before the line's first pipe, which makes it ordinary
/// paragraph text (it renders as "|---|…", the backslash being an escape).
enum TableGuard {
    static let maxCells = 100_000

    static func defuse(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(UInt8(ascii: "|")) else { return nil }
            let lines = lineRanges(bytes)
            // nonBlankAfter[i]: how many consecutive non-blank lines follow line i.
            var nonBlankAfter = [Int](repeating: 0, count: lines.count)
            var run = 0
            for i in stride(from: lines.count - 1, through: 0, by: -1) {
                nonBlankAfter[i] = run
                run = isBlank(bytes[lines[i]]) ? 0 : run + 1
            }
            var defuse: [Int] = []  // byte offsets of pipes to escape
            for (i, range) in lines.enumerated() {
                guard let (columns, firstPipe) = delimiterShape(bytes[range]) else { continue }
                if columns * (nonBlankAfter[i] + 1) > maxCells { defuse.append(firstPipe) }
            }
            guard !defuse.isEmpty else { return nil }
            return BackslashEscapes.insert(before: defuse, in: bytes)
        } ?? markdown
    }

    private static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            ranges.append(start..<i)
            start = i + 1
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    private static func isBlank(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// (number of dash runs, offset of the first pipe) if the line could be a delimiter row.
    private static func delimiterShape(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> (Int, Int)? {
        var dashRuns = 0
        var inDashes = false
        var firstPipe: Int?
        for i in line.indices {
            let b = line[i]
            switch b {
            case UInt8(ascii: "-"):
                if !inDashes { dashRuns += 1 }
                inDashes = true
                continue
            case UInt8(ascii: "|"):
                if firstPipe == nil { firstPipe = i }
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "."), UInt8(ascii: ")"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            default:
                return nil
            }
            inDashes = false
        }
        guard let pipe = firstPipe, dashRuns > 0 else { return nil }
        return (dashRuns, pipe)
    }
}
