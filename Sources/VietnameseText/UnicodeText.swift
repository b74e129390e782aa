import Foundation

/// NFC normalisation for everything read from disk.
///
/// Front matter, bodies and file names arrive in NFC from most editors but in NFD from macOS
/// file systems and some Vietnamese keyboards; bytes then differ although Swift `==` says the
/// strings are equal. Foundation's normaliser is correct but costs a bridge and an ICU call per
/// string, so text that is provably already NFC is returned untouched.
public enum UnicodeText {
    /// The NFC form of `s`.
    public static func nfc(_ s: String) -> String {
        if isTriviallyNFC(s) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// Whether `s` is byte-for-byte in NFC. (Swift `==` cannot answer this: it compares
    /// canonical equivalence, so NFD and NFC spellings are always "equal".)
    public static func isNFC(_ s: String) -> Bool {
        if isTriviallyNFC(s) { return true }
        return s.utf8.elementsEqual(s.precomposedStringWithCanonicalMapping.utf8)
    }

    /// True when every scalar is one that NFC never changes and that never composes with a
    /// neighbour: below U+0300 (nothing there decomposes or combines), precomposed Latin
    /// Extended Additional U+1E00–U+1EFF (all Vietnamese letters with tone marks live there or
    /// below U+0300), and U+2002–U+20CF (dashes, quotes, ellipsis, ₫). U+2000 and U+2001 are
    /// singletons that NFC rewrites to U+2002/U+2003, so they take the slow path.
    /// Any combining mark (U+0300 and up) falls outside these ranges and forces Foundation.
    static func isTriviallyNFC(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { isTriviallyNFC(utf8: $0) }
    }

    static func isTriviallyNFC(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
            } else if b0 < 0xCC {
                // Two-byte lead C2...CB encodes U+0080...U+02FF.
                i += 2
            } else if b0 == 0xE1 {
                // E1 B8 80 ... E1 BB BF is U+1E00...U+1EFF.
                guard i + 2 < n, (0xB8...0xBB).contains(bytes[i + 1]) else { return false }
                i += 3
            } else if b0 == 0xE2 {
                // E2 80 82 ... E2 83 8F is U+2002...U+20CF.
                guard i + 2 < n else { return false }
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                switch b1 {
                case 0x80: if b2 < 0x82 { return false }
                case 0x81, 0x82: break
                case 0x83: if b2 > 0x8F { return false }
                default: return false
                }
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}
