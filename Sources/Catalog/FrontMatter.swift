/// Splits an entry into its YAML front matter and its Markdown body.
///
/// The block opens with a line `---` at the very top and closes with the next line that is
/// `---` (or YAML's `...`). Lines may end in CRLF.
struct FrontMatter {
    /// The YAML between the fences; its line 1 is the file's line 2.
    var yaml: String
    var body: Substring
    /// The file line the body starts on.
    var bodyLine: Int

    enum Failure: Error {
        case missing
        case unterminated
    }

    static let yamlLineOffset = 1

    static func split(_ text: String) throws(Failure) -> FrontMatter {
        let u = text.utf8
        var lines = LineCursor(u)
        guard let first = lines.next(), isFence(u[first.content], allowDots: false) else { throw .missing }
        let yamlStart = first.end
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isFence(u[line.content], allowDots: true) {
                let yaml = String(text[yamlStart..<line.content.lowerBound])
                let body = text[line.end...]
                return FrontMatter(yaml: yaml, body: body, bodyLine: lineNumber + 1)
            }
        }
        throw .unterminated
    }

    private static func isFence(_ line: Substring.UTF8View.SubSequence, allowDots: Bool) -> Bool {
        var bytes = Array(line)
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes.removeLast() }
        return bytes == [0x2D, 0x2D, 0x2D] || (allowDots && bytes == [0x2E, 0x2E, 0x2E])
    }
}

/// Walks the lines of UTF-8 text without copying it.
private struct LineCursor {
    let view: String.UTF8View
    var position: String.Index

    init(_ view: String.UTF8View) {
        self.view = view
        self.position = view.startIndex
    }

    /// The line's content (without its newline) and the index just past its newline.
    mutating func next() -> (content: Range<String.Index>, end: String.Index)? {
        guard position < view.endIndex else { return nil }
        let start = position
        if let newline = view[start...].firstIndex(of: 0x0A) {
            position = view.index(after: newline)
            return (start..<newline, position)
        }
        position = view.endIndex
        return (start..<view.endIndex, view.endIndex)
    }
}
