/// JSON string literals, escaped per RFC 8259; also safe inside an HTML `<script>` element
/// because `<`, `>` and `&` are written as \u escapes, and U+2028 and U+2029 (line ends to
/// older JavaScript) as well.
///
/// Works on UTF-8 bytes: it scans for the few bytes that need an escape and copies the runs
/// between them whole. (Appending scalar by scalar to a String cost a twentieth of a build's
/// CPU time through the exports and the JSON-LD.)
public enum JSONString {
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal, quotes included.
    public static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append(utf8: $0, to: &out) }
    }

    /// Appends the UTF-8 text `text` (valid UTF-8, as a String's) as a JSON string literal.
    public static func append(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.count + 2)
        out.append(0x22)
        var run = 0  // the start of the bytes not yet copied
        var i = 0
        mayEscape.withUnsafeBufferPointer { mayEscape in
            while i < text.count {
                let b = text[i]
                guard mayEscape[Int(b)] else {
                    i += 1
                    continue
                }
                var length = 1
                let escape: StaticString
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0xE2:
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; any other E2 sequence is copied.
                    guard i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9) else {
                        i += 1
                        continue
                    }
                    escape = text[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default: escape = ""  // the other controls: \u00XX below
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i]))
                if escape.utf8CodeUnitCount > 0 {
                    escape.withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    appendControl(b, to: &out)
                }
                i += length
                run = i
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<text.count]))
        out.append(0x22)
    }

    /// For each byte value, whether it may start something to escape: controls, `"`, `\`, `<`,
    /// `>`, `&`, and E2, the lead byte of U+2028 and U+2029. A table look-up per byte is what
    /// keeps the common case (nothing to escape) fast.
    private static let mayEscape: [Bool] = (0...255).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 || b == 0xE2
    }

    /// `\u00XX` in lower-case hex, as `String(_:radix:)` wrote it before.
    private static func appendControl(_ b: UInt8, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])  // \u00
        hex.withUTF8Buffer { digits in
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
    }
}
