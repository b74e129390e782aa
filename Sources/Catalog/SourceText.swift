/// Turns a file's bytes into text: UTF-8 only, a byte-order mark dropped, invalid bytes
/// reported with their offset instead of being replaced silently.
enum SourceText {
    enum Decoded {
        case text(String)
        case invalidUTF8(offset: Int)
    }

    static func decode(_ bytes: [UInt8]) -> Decoded {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let slice = bytes[start...]
        if let text = String(validating: slice, as: UTF8.self) { return .text(text) }
        return .invalidUTF8(offset: start + firstInvalidOffset(slice))
    }

    /// The offset, within `bytes`, of the first byte that does not start a valid sequence.
    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
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
