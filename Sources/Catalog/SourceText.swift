/// Checks that a file's bytes are text: UTF-8 only, a byte-order mark skipped, invalid bytes
/// reported with their offset instead of being replaced silently.
///
/// It only looks: the loader reads front matter and bodies straight from the bytes, and makes
/// a `String` only of what it keeps (a `String` of every whole file was a copy of 131 MB for
/// the 10,000-business catalog, and `chonoi check` keeps no bodies).
enum SourceText {
    enum Checked: Equatable {
        /// Valid UTF-8; the text starts at this offset (3 after a byte-order mark, else 0).
        case text(start: Int)
        case invalidUTF8(offset: Int)
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Checked {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let text = UnsafeBufferPointer(rebasing: bytes[start...])
        if isValidUTF8(text) { return .text(start: start) }
        return .invalidUTF8(offset: start + firstInvalidOffset(text))
    }

    static func check(_ bytes: [UInt8]) -> Checked {
        bytes.withUnsafeBufferPointer { check($0) }
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing past
    /// U+10FFFF): the definition `String(validating:)` applies, without making the string.
    /// ASCII, most of any Vietnamese text, is skipped eight bytes at a time.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func continuation(_ k: Int) -> Bool { i + k < n && base[i + k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return false }
                let b1 = base[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { return false } // overlong
                if b0 == 0xED && b1 > 0x9F { return false } // surrogates
                i += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                let b1 = base[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { return false } // overlong
                if b0 == 0xF4 && b1 > 0x8F { return false } // past U+10FFFF
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// The offset, within `bytes`, of the first byte that does not start a valid sequence.
    private static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error(let length): _ = length; return offset
            }
        }
    }
}
