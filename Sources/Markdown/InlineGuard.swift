/// Defuses two inline shapes that cmark-gfm 0.29 handles in quadratic time or space, before
/// parsing, the way `TableGuard` defuses table bombs: by escaping one bracket, so the
/// construct becomes ordinary text.
///
/// - **Reference expansion.** Every `[x]` that uses a definition `[x]: url "title"` copies
///   the URL and title into the page: a 32 KB URL used 10,000 times is 180 MB of HTML and
///   several seconds (upstream cmark later capped the total). The expansion is at most
///   (number of `[`) × (size of the largest definition, which ends at a blank line); past
///   `maxExpansion` bytes, every definition's `[` is escaped.
/// - **Image openers.** Each link closed after unmatched `![` openers walks back over all of
///   them (fixed upstream in 0.29.0.gfm.7): 16,000 `![` then 8,000 `[]()` took 0.7 s. Past
///   `maxOpenerWalk` (`![` count × `]` count), every `![` becomes `!\[`. Images are never
///   shown from a body anyway (see `Sanitizer`); their text stays.
///
/// Email autolinks (`a@a@a@…`) are not guarded: the extension scans the rest of the text
/// node for each `@`, but stops after 1,000 of them, so at 64 KB that costs about 0.15 s.
enum InlineGuard {
    static let maxExpansion = 1_000_000
    static let maxOpenerWalk = 4_000_000

    static func defuse(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { bytes -> String? in
            var escapes = referenceDefinitionOpeners(bytes)
            escapes += imageOpenerBrackets(bytes)
            guard !escapes.isEmpty else { return nil }
            escapes.sort()
            return BackslashEscapes.insert(before: escapes, in: bytes)
        } ?? markdown
    }

    private static let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), colon = UInt8(ascii: ":")
    private static let bang = UInt8(ascii: "!"), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")

    /// Offsets of the `[` of every possible reference definition, when together they could
    /// expand past `maxExpansion`; else none.
    private static func referenceDefinitionOpeners(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let n = bytes.count
        var labelEnds: [Int] = []  // offsets of "]" in "]:"
        var brackets = 0
        for i in 0..<n where bytes[i] == open || bytes[i] == close {
            if bytes[i] == open { brackets += 1 } else if i + 1 < n && bytes[i + 1] == colon { labelEnds.append(i) }
        }
        guard !labelEnds.isEmpty else { return [] }
        // blockEnd[k]: where the block holding label k ends (the next blank line, or the end).
        var largest = 0
        var k = labelEnds.count - 1
        var blockEnd = n
        var lineEnd = n
        var lineBlank = true
        var i = n - 1
        while i >= -1 && k >= 0 {
            let b = i >= 0 ? bytes[i] : newline
            if b == newline {
                // The line (i, lineEnd) is complete.
                if lineBlank { blockEnd = lineEnd }
                while k >= 0 && labelEnds[k] > i {
                    largest = max(largest, blockEnd - labelEnds[k] + 4_000)  // a label is at most 999 characters
                    k -= 1
                }
                lineEnd = i
                lineBlank = true
            } else if b != 0x20 && b != 0x09 && b != 0x0D {
                lineBlank = false
            }
            i -= 1
        }
        let (expansion, overflow) = brackets.multipliedReportingOverflow(by: largest)
        guard overflow || expansion > maxExpansion else { return [] }
        var openers: [Int] = []
        for end in labelEnds {
            var j = end - 1
            while j >= 0 && end - j <= 4_000 {
                if bytes[j] == open && !isEscaped(bytes, j) {
                    openers.append(j)
                    break
                }
                j -= 1
            }
        }
        return openers
    }

    /// Offsets of the `[` of every `![`, when the opener walk could exceed `maxOpenerWalk`; else none.
    private static func imageOpenerBrackets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var images: [Int] = []
        var closers = 0
        for i in 1..<max(bytes.count, 1) {
            if bytes[i] == open && bytes[i - 1] == bang {
                images.append(i)
            } else if bytes[i] == close {
                closers += 1
            }
        }
        let (walk, overflow) = images.count.multipliedReportingOverflow(by: closers)
        return overflow || walk > maxOpenerWalk ? images : []
    }

    private static func isEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var slashes = 0
        var j = i - 1
        while j >= 0 && bytes[j] == backslash {
            slashes += 1
            j -= 1
        }
        return slashes % 2 == 1
    }
}
