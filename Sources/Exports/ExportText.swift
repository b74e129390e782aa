/// What every export does to seller text before writing it: drops the characters no
/// export may carry. XML 1.0 forbids most C0 controls, and none of C0 (but tab and line feed),
/// DEL, C1 or the non-characters U+FFFE/U+FFFF means anything in a name or description,
/// so JSON, CSV and the feed all drop them and stay equal to one another.
enum ExportText {
    static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isDropped) else { return s }
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
