/// A bound, from the text alone, on how deeply YAML can nest collections, checked before
/// it is parsed: no entry needs more than a few levels, and `[[[[…` a few thousand deep (or
/// `- - - …`) is a mistake or an attack that the seller hears about as such (`yaml-too-deep`).
/// (It first guarded a composer that recursed once per level and overflowed the small stacks
/// of the loading threads; `YAMLDocument` keeps its open collections on a heap stack instead.)
///
/// The bound cannot be fooled by quoting, because it does not try to understand it:
/// - every open flow collection has its own `[` or `{`, so the number of those characters
///   anywhere in the text bounds the flow depth;
/// - a block collection nested in another starts further right, or at the same column as a
///   sequence under a mapping key, so a node that starts at column c (after any `- `, `? `,
///   `: ` indicators opening the line) is at most 2c + 2 block levels deep.
///
/// Real entries use a handful of each; the limits leave room for any text a seller writes.
enum YAMLDepth {
    static let maxBrackets = 128
    static let maxIndent = 64
    /// Line feed, carriage return, `[` and `{`.
    private static let countsMidLine: [Bool] = (0...255).map { $0 == 0x0A || $0 == 0x0D || $0 == 0x5B || $0 == 0x7B }

    /// What the diagnostic calls the limit.
    static var limit: Int { maxBrackets }

    /// The line (1-based) where the text goes past a limit, or nil when it stays within them.
    static func lineTooDeep(_ text: String) -> Int? {
        lineTooDeep(utf8: text.utf8)
    }

    static func lineTooDeep<Bytes: Sequence<UInt8>>(utf8: Bytes) -> Int? {
        var brackets = 0
        var line = 1
        var column = 0
        var atLineStart = true
        var pendingIndicator = false
        let countsMidLine = Self.countsMidLine // looked up once, not once per byte
        for byte in utf8 {
            // Past a line's indentation only line ends and opening brackets count: one table
            // look-up lets every other byte through (front matter is read before every entry).
            if !atLineStart && !countsMidLine[Int(byte)] { continue }
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0A { line += 1 }
                column = 0
                atLineStart = true
                pendingIndicator = false
                continue
            }
            if byte == 0x5B || byte == 0x7B { // [ {
                brackets += 1
                if brackets > maxBrackets { return line }
            }
            guard atLineStart else { continue }
            let isSpace = byte == 0x20 || byte == 0x09
            if pendingIndicator {
                // `- `, `? `, `: ` open a nested node; `-x`, `---` are the start of a scalar.
                pendingIndicator = false
                if isSpace {
                    column += 2
                } else {
                    atLineStart = false
                }
            } else if isSpace {
                column += 1
            } else if byte == 0x2D || byte == 0x3F || byte == 0x3A { // - ? :
                pendingIndicator = true
            } else {
                atLineStart = false
            }
            if column > maxIndent { return line }
        }
        return nil
    }
}
