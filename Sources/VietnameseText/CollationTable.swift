import Foundation

/// Weights behind `CollationKeyBuilder`: the CLDR "vi" alphabet, the tone order, and the
/// decomposition of every precomposed Latin letter into base letter + marks.
struct CollationTable: Sendable {
    /// A letter waiting for its marks. `second` is a second primary for letters that sort as
    /// two (æ → a e, ß → s s); `isVariant` marks letters that only approximate their ASCII
    /// spelling (ø, ð, æ), so they sort right after it rather than equal to it.
    struct Letter: Sendable {
        var index: UInt8
        var second: UInt8 = 0
        var upper: Bool
        var contracted = false
        var isVariant = false
    }

    struct Decomposed: Sendable {
        var letter: Letter
        var marks: [Unicode.Scalar]
    }

    // Primary groups, in CLDR root order: spaces < punctuation < symbols < digits < letters.
    static let spaceGroup: UInt8 = 0x01
    static let asciiPunctuationGroup: UInt8 = 0x02
    static let symbolGroup: UInt8 = 0x03
    static let numberGroup: UInt8 = 0x10
    static let digitGroup: UInt8 = 0x11
    static let letterGroup: UInt8 = 0x20
    static let otherScriptGroup: UInt8 = 0xE0

    static let common: UInt8 = 0x01
    static let variantMark: UInt8 = 0x80
    static let otherMark: UInt8 = 0x81

    static let shared = CollationTable()

    /// 1-based rank in a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z.
    static let alphabet: [UInt8] = {
        let order = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz".unicodeScalars)
        var ranks = [UInt8](repeating: 0, count: 26)
        for (i, s) in order.enumerated() where s.isASCII {
            ranks[Int(s.value - 0x61)] = UInt8(i + 1)
        }
        return ranks
    }()
    static let a: UInt8 = 1, aBreve: UInt8 = 2, aCircumflex: UInt8 = 3, dStroke: UInt8 = 7
    static let e: UInt8 = 8, eCircumflex: UInt8 = 9
    static let o: UInt8 = 19, oCircumflex: UInt8 = 20, oHorn: UInt8 = 21
    static let u: UInt8 = 27, uHorn: UInt8 = 28

    /// ASCII punctuation and symbols in CLDR root order.
    static let punctuationRank: [UInt8] = {
        var ranks = [UInt8](repeating: 0, count: 128)
        for (i, b) in "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".utf8.enumerated() { ranks[Int(b)] = UInt8(i + 1) }
        return ranks
    }()

    /// The Vietnamese vowel letters made by a mark: a+breve ă, a/e/o+circumflex â ê ô,
    /// o/u+horn ơ ư.
    static func contract(_ index: UInt8, _ mark: UInt32) -> UInt8? {
        switch (index, mark) {
        case (a, 0x306): return aBreve
        case (a, 0x302): return aCircumflex
        case (e, 0x302): return eCircumflex
        case (o, 0x302): return oCircumflex
        case (o, 0x31B): return oHorn
        case (u, 0x31B): return uHorn
        default: return nil
        }
    }

    /// Secondary weight of a combining mark, or nil if `scalar` is not one. The five tones come
    /// first in CLDR vi order (huyền < hỏi < ngã < sắc < nặng), other diacritics after them.
    static func markWeight(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        switch v {
        case 0x300: return 2
        case 0x309: return 3
        case 0x303: return 4
        case 0x301: return 5
        case 0x323: return 6
        case 0x301...0x36F: return 0x10 + UInt8(v - 0x300)
        case 0..<0x300: return nil
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return otherMark
            default: return nil
            }
        }
    }

    /// Primary units for anything that is not a Latin letter or an ASCII digit; empty for
    /// controls and invisible format characters, which collation ignores.
    static func otherPrimary(_ scalar: Unicode.Scalar) -> [UInt8] {
        let v = scalar.value
        if v < 0x80 {
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return [spaceGroup, 1] }
            if v < 0x20 || v == 0x7F { return [] }
            return [asciiPunctuationGroup, punctuationRank[Int(v)]]
        }
        let p = scalar.properties
        if p.isWhitespace { return [spaceGroup, 1] }
        switch p.generalCategory {
        case .control, .format, .unassigned, .surrogate, .privateUse:
            return []
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return [symbolGroup, UInt8((v >> 8) & 0xFF), 1, UInt8(v & 0xFF)]
        default:
            return [otherScriptGroup + UInt8(min(v >> 16, 0x1F)), UInt8((v >> 8) & 0xFF), 1, UInt8(v & 0xFF)]
        }
    }

    private let latin: [Decomposed?]       // U+0000–U+024F
    private let additional: [Decomposed?]  // U+1E00–U+1EFF

    init() {
        latin = (0...0x24F).map(Self.decompose)
        additional = (0x1E00...0x1EFF).map(Self.decompose)
    }

    func letter(_ v: UInt32) -> Decomposed? {
        if v <= 0x24F { return latin[Int(v)] }
        if v >= 0x1E00 && v <= 0x1EFF { return additional[Int(v - 0x1E00)] }
        return nil
    }

    /// Letter + marks for one scalar, via Foundation's canonical decomposition (run once per
    /// table entry at first use, never per string).
    private static func decompose(_ v: UInt32) -> Decomposed? {
        guard let scalar = Unicode.Scalar(v) else { return nil }
        let upper = scalar.properties.isUppercase
        if let rank = asciiRank(v) { return Decomposed(letter: Letter(index: rank, upper: upper), marks: []) }
        if v < 0xC0 && v != 0xAA && v != 0xBA { return nil }
        switch v {
        case 0x110, 0x111:
            return Decomposed(letter: Letter(index: dStroke, upper: upper), marks: [])
        case 0xD0:
            // Ð (Icelandic eth) is what some old keyboards type for Đ; sort it with Đ.
            return Decomposed(letter: Letter(index: dStroke, upper: true, isVariant: true), marks: [])
        default:
            break
        }
        let nfd = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        if nfd.count > 1, let base = nfd.first, let rank = asciiRank(base.value) {
            return Decomposed(letter: Letter(index: rank, upper: base.properties.isUppercase), marks: Array(nfd.dropFirst()))
        }
        // No decomposition to an ASCII letter (æ, ø, ß, ł...): sort as its folded spelling.
        guard let folded = FoldingTable.shared.folded(v) else { return nil }
        let ranks = folded.utf8.compactMap { asciiRank(UInt32($0)) }
        guard !ranks.isEmpty, ranks.count <= 2, ranks.count == folded.utf8.count else { return nil }
        return Decomposed(
            letter: Letter(index: ranks[0], second: ranks.count > 1 ? ranks[1] : 0, upper: upper, isVariant: true),
            marks: [])
    }

    private static func asciiRank(_ v: UInt32) -> UInt8? {
        switch v {
        case 0x41...0x5A: return alphabet[Int(v - 0x41)]
        case 0x61...0x7A: return alphabet[Int(v - 0x61)]
        default: return nil
        }
    }
}
