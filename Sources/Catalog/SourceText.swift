import CText

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

    /// Whether `bytes` are well-formed UTF-8: the definition `String(validating:)` applies,
    /// without making the string (see CText: 32 bytes at a time where the processor can).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return chonoi_utf8_valid(base, bytes.count)
    }

    /// The same, one character at a time: the fallback on processors without AVX2.
    static func isValidUTF8OneByOne(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return chonoi_utf8_valid_scalar(base, bytes.count)
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
