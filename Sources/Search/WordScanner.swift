/// Finds the candidate words of a text: runs of letters, marks, digits and invisible format
/// characters. Each run is then folded by `Folding`, so the folded words are always exactly the
/// Swift rule's; the runs only decide which original spelling belongs to which folded word.
/// search.js splits a query the same way (`[\p{L}\p{M}\p{N}\p{Cf}]+`).
enum WordScanner {
    /// Calls `body` with the UTF-8 bytes of each run, at most `limit` times.
    static func forEachWord(in text: String, limit: Int = .max, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0, start = -1, count = 0
            while i < n {
                let b0 = bytes[i]
                let length: Int, inWord: Bool
                if b0 < 0x80 {
                    length = 1
                    inWord = (b0 | 0x20) >= 0x61 && (b0 | 0x20) <= 0x7A || (b0 >= 0x30 && b0 <= 0x39)
                } else {
                    // Swift Strings hold valid UTF-8, so the lead byte gives the length.
                    length = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                    inWord = isWordScalar(decode(bytes, i, length))
                }
                if inWord {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    start = -1
                    count += 1
                    if count == limit { return }
                }
                i += length
            }
            if start >= 0 { body(UnsafeBufferPointer(rebasing: bytes[start..<n])) }
        }
    }

    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> UInt32 {
        var v = UInt32(bytes[i]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
        return v
    }

    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        switch v {
        // Vietnamese letters and combining marks: the common case, without a property lookup.
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x300...0x36F, 0x1E00...0x1EFF: return true
        default:
            guard let scalar = Unicode.Scalar(v) else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber, .format:
                return true
            default:
                return false
            }
        }
    }
}
