import Diagnostics
import VietnameseText
import YAML

/// Reads one file of the content tree up to its composed YAML: bytes, UTF-8, front matter,
/// YAML syntax. Every failure becomes a diagnostic at the right line; nothing throws past here.
enum EntrySource {
    /// The largest Markdown or YAML file accepted: a description longer than this is a mistake
    /// (a pasted image, a whole catalogue), and it would weigh on buyers' phones.
    public static let maxTextBytes = 512 * 1024

    struct Entry {
        /// Nil when the YAML could not be parsed (already reported): the fields are then
        /// unknown, not missing, so nothing more is said about them.
        var root: YAMLNode?
        var yamlIsValid: Bool
        /// Empty when bodies are not wanted (`chonoi check` only needs to know if there is one),
        /// except a body with `![` in it, whose pictures the validator reports.
        var body: String
        var bodyIsBlank: Bool
        var bodyLine: Int
        /// The body's size in the file, in bytes (the validator caps it).
        var bodyBytes: Int
    }

    /// A Markdown entry with front matter, from what reading it gave (at most `maxTextBytes`).
    /// Nil when nothing could be read.
    static func markdown(_ read: FileSystem.ReadResult, display: String, wantBody: Bool, sink: DiagnosticSink) -> Entry? {
        guard let (bytes, start) = text(read, display: display, sink: sink) else { return nil }
        return bytes.withUnsafeBufferPointer { file -> Entry? in
            let text = UnsafeBufferPointer(rebasing: file[start...])
            let parts: FrontMatter
            do throws(FrontMatter.Failure) {
                parts = try FrontMatter.split(text)
            } catch .missing {
                sink.error(.missingFrontMatter, at: SourceLocation(file: display))
                return nil
            } catch {
                sink.error(.unterminatedFrontMatter, at: SourceLocation(file: display))
                return nil
            }
            let reported = sink.diagnostics.count
            let root = compose(UnsafeBufferPointer(rebasing: text[parts.yaml]), display: display,
                               lineOffset: FrontMatter.yamlLineOffset, sink: sink)
            let body = UnsafeBufferPointer(rebasing: text[parts.body])
            let blank = BodyScan.isBlank(body)
            let keepBody = !blank && (wantBody || BodyScan.mayHaveImage(body))
            return Entry(root: root, yamlIsValid: sink.diagnostics.count == reported,
                         body: keepBody ? UnicodeText.nfc(String(decoding: body, as: UTF8.self)) : "", bodyIsBlank: blank,
                         bodyLine: parts.bodyLine, bodyBytes: body.count)
        }
    }

    /// A whole YAML file (site.yml, sectors.yml). Nil when it could not be read or parsed
    /// (already reported); `.some(nil)` when it is empty.
    static func yaml(at path: String, display: String, sink: DiagnosticSink) -> YAMLNode?? {
        guard let (bytes, start) = text(FileSystem.read(path, limit: maxTextBytes), display: display, sink: sink) else { return nil }
        let reported = sink.diagnostics.count
        let root = bytes.withUnsafeBufferPointer { file in
            compose(UnsafeBufferPointer(rebasing: file[start...]), display: display, lineOffset: 0, sink: sink)
        }
        return sink.diagnostics.count == reported ? .some(root) : nil
    }

    /// The file's bytes and where its text starts (after a byte-order mark), once they are
    /// known to be UTF-8.
    private static func text(_ read: FileSystem.ReadResult, display: String, sink: DiagnosticSink) -> (bytes: [UInt8], start: Int)? {
        switch read {
        case .failed(let reason):
            sink.error(.unreadable(reason: reason), at: SourceLocation(file: display))
            return nil
        case .tooLarge(let size):
            sink.error(.fileTooLarge(bytes: size, limit: maxTextBytes), at: SourceLocation(file: display))
            return nil
        case .bytes(let bytes):
            switch SourceText.check(bytes) {
            case .text(let start):
                return (bytes, start)
            case .invalidUTF8(let offset):
                let (line, column) = position(ofByte: offset, in: bytes)
                sink.error(.invalidUTF8(byteOffset: offset), at: SourceLocation(file: display, line: line, column: column))
                return nil
            }
        }
    }

    /// The document's top node; nil when it is empty or could not be read (reported).
    private static func compose(_ yaml: UnsafeBufferPointer<UInt8>, display: String, lineOffset: Int, sink: DiagnosticSink) -> YAMLNode? {
        if let line = YAMLDepth.lineTooDeep(utf8: yaml) {
            sink.error(.yamlTooDeep(limit: YAMLDepth.limit), at: SourceLocation(file: display, line: line + lineOffset, column: 1))
            return nil
        }
        do {
            return try YAMLDocument.parse(utf8: yaml)?.root
        } catch {
            let location = SourceLocation(file: display, line: (error.line ?? 1) + lineOffset, column: error.column ?? 1)
            sink.error(.yamlSyntax(problem: error.problem), at: location)
            return nil
        }
    }

    /// Line and column (in Unicode scalars) of a byte offset, for the invalid-UTF-8 report.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
