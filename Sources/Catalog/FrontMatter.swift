/// Splits an entry into its YAML front matter and its Markdown body, on the file's bytes.
///
/// The block opens with a line `---` at the very top and closes with the next line that is
/// `---` (or YAML's `...`). Lines may end in CRLF.
struct FrontMatter {
    /// The YAML between the fences, as byte offsets into the text; its line 1 is the file's line 2.
    var yaml: Range<Int>
    /// The rest of the text after the closing fence's line.
    var body: Range<Int>
    /// The file line the body starts on.
    var bodyLine: Int

    enum Failure: Error {
        case missing
        case unterminated
    }

    static let yamlLineOffset = 1

    static func split(_ text: UnsafeBufferPointer<UInt8>) throws(Failure) -> FrontMatter {
        var lines = LineCursor(text)
        guard let first = lines.next(), isFence(text, first.content, allowDots: false) else { throw .missing }
        let yamlStart = first.end
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isFence(text, line.content, allowDots: true) {
                return FrontMatter(yaml: yamlStart..<line.content.lowerBound, body: line.end..<text.count, bodyLine: lineNumber + 1)
            }
        }
        throw .unterminated
    }

    /// A fence line: `---` (or `...`) and nothing after it but spaces, tabs and a CR.
    private static func isFence(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, allowDots: Bool) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, text[end - 1] == 0x20 || text[end - 1] == 0x09 || text[end - 1] == 0x0D { end -= 1 }
        guard end - line.lowerBound == 3 else { return false }
        let c = text[line.lowerBound]
        guard c == 0x2D || (allowDots && c == 0x2E) else { return false } // - or .
        return text[line.lowerBound + 1] == c && text[line.lowerBound + 2] == c
    }
}

/// Walks the lines of UTF-8 text without copying it.
private struct LineCursor {
    let text: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    /// The line's content (without its newline) and the offset just past its newline.
    mutating func next() -> (content: Range<Int>, end: Int)? {
        guard position < text.count else { return nil }
        let start = position
        if let newline = text[start...].firstIndex(of: 0x0A) {
            position = newline + 1
            return (start..<newline, position)
        }
        position = text.count
        return (start..<text.count, text.count)
    }
}
