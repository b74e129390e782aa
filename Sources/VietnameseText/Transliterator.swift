import Foundation

/// The one transliteration engine behind `Folding` and `Slug`: text in, lowercase ASCII words
/// out, so a search key and a URL slug can never disagree about what a letter is.
///
/// Latin text (including NFD input, whose combining marks U+0300–U+036F are simply dropped,
/// which gives the same result as NFC first) is handled by `FoldingTable` without Foundation.
/// Anything else (Greek, Cyrillic, Han...) sends the whole string through ICU
/// "Any-Latin; Latin-ASCII; Lower" and the same word splitting.
enum Transliterator {
    /// Words of `s` joined by `separator`. With `asciiOnly`, letters without an ASCII form
    /// (left as-is by ICU) break words instead of being kept.
    static func words(_ s: String, separator: UInt8, asciiOnly: Bool) -> String {
        var writer = WordWriter(separator: separator, asciiOnly: asciiOnly, capacity: s.utf8.count)
        var input = s
        let complete = input.withUTF8 { writer.scan($0, allowFallback: true) }
        if !complete {
            let latin = UnicodeText.nfc(s).applyingTransform(icuTransform, reverse: false) ?? s
            writer = WordWriter(separator: separator, asciiOnly: asciiOnly, capacity: latin.utf8.count)
            var l = latin
            _ = l.withUTF8 { writer.scan($0, allowFallback: false) }
        }
        return String(decoding: writer.out, as: UTF8.self)
    }

    static let icuTransform = StringTransform("Any-Latin; Latin-ASCII; Lower")
}

/// Appends word bytes and collapses every run of breaks into one separator, never leading or
/// trailing.
struct WordWriter {
    var out: [UInt8] = []
    var pendingBreak = false
    let separator: UInt8
    let asciiOnly: Bool
    let table = FoldingTable.shared

    init(separator: UInt8, asciiOnly: Bool, capacity: Int) {
        self.separator = separator
        self.asciiOnly = asciiOnly
        out.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        if pendingBreak {
            if !out.isEmpty { out.append(separator) }
            pendingBreak = false
        }
        out.append(b)
    }

    @inline(__always)
    mutating func ascii(_ b: UInt8) {
        switch b {
        case 0x61...0x7A, 0x30...0x39: append(b)
        case 0x41...0x5A: append(b | 0x20)
        default: pendingBreak = true
        }
    }

    /// Returns false, having stopped early, when a scalar needs ICU (and `allowFallback`).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, allowFallback: Bool) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                ascii(b0)
                i += 1
                continue
            }
            // Input is a Swift String, so the UTF-8 is valid; decode without checks.
            let scalar: UInt32
            if b0 < 0xE0 {
                scalar = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                scalar = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                scalar = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            if let entry = table.entry(scalar) {
                let start = Int(entry >> 8), end = start + Int(entry & 0xFF)
                for k in start..<end {
                    let b = table.bytes[k]
                    if b == 0x20 || (b >= 0x80 && asciiOnly) { pendingBreak = true } else { append(b) }
                }
                continue
            }
            switch Self.fastClass(scalar) {
            case .drop: continue
            case .wordBreak: pendingBreak = true; continue
            case .other: break
            }
            if allowFallback { return false }
            generic(scalar)
        }
        return true
    }

    /// Scalars left after ICU: marks vanish, letters and digits without an ASCII form are kept
    /// (or break words in ASCII-only mode), everything else breaks words.
    mutating func generic(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value) else { pendingBreak = true; return }
        let p = scalar.properties
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return
        default:
            break
        }
        if !asciiOnly && (p.isAlphabetic || p.numericType != nil) {
            for b in p.lowercaseMapping.utf8 { append(b) }
        } else {
            pendingBreak = true
        }
    }

    enum FastClass { case drop, wordBreak, other }

    /// Common non-letter scalars in Vietnamese seller text (typographic punctuation, ₫, emoji),
    /// classified without ICU so they do not push a whole description onto the slow path.
    @inline(__always)
    static func fastClass(_ v: UInt32) -> FastClass {
        switch v {
        case 0x0300...0x036F: return .drop  // combining diacritics: NFD tone and vowel marks
        case 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF,
             0xFE00...0xFE0F, 0xE0000...0xE007F:
            return .drop  // invisible joiners, direction controls, variation selectors, BOM
        case 0x2000...0x206F, 0x20A0...0x20CF, 0x2190...0x21FF, 0x2500...0x27BF, 0x3000...0x3003,
             0x1F000...0x1FAFF:
            return .wordBreak  // spaces, dashes, quotes, currency, arrows, box/shapes, emoji
        default:
            return .other
        }
    }
}
