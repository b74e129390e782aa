/// What every export does to seller text before writing it: drops the characters no
/// export may carry. XML 1.0 forbids most C0 controls, and none of C0 (but tab and line feed),
/// DEL, C1 or the non-characters U+FFFE/U+FFFF means anything in a name or description,
/// so JSON, CSV and the feed all drop them and stay equal to one another.
enum ExportText {
    /// Whether `s` holds a byte of `special` (ASCII): the fast test before escaping, since
    /// most seller text needs none.
    static func contains(_ s: String, anyOf special: (UInt8) -> Bool) -> Bool {
        s.utf8.contains(where: special)
    }

    static func clean(_ s: String) -> String {
        // Most text has none: a byte scan finds that faster than decoding scalars. C1 controls
        // start with 0xC2 and U+FFFE/U+FFFF with 0xEF, so those bytes send it the slow way.
        guard s.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }),
              s.unicodeScalars.contains(where: isDropped) else { return s }
        var out = ""
        out.unicodeScalars.append(contentsOf: s.unicodeScalars.lazy.filter { !isDropped($0) })
        return out
    }

    static func isDropped(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A: return false
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
