/// Bytes of a JSON document written by hand: the index is tens of thousands of small values
/// whose order must be stable, and JSONEncoder would cost more time than the rest of the build
/// step while giving no control over key order or escaping.
struct JSONBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ b: UInt8) {
        bytes.append(b)
    }

    mutating func int(_ v: Int) {
        bytes.append(contentsOf: String(v).utf8)
    }

    /// A JSON string. Seller text can hold anything, so quotes, backslashes and controls are
    /// escaped, and U+2028/U+2029 too, which older JavaScript parsers reject inside literals.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Copy clean stretches in one go; only the rare escaped byte goes one at a time.
            var clean = 0, i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                let escape = b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
                    || (b == 0xE2 && i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] | 1) == 0xA9)
                if !escape { i += 1; continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<i]))
                switch b {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0xE2:
                    hexEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    i += 2
                default: hexEscape(UInt16(b))
                }
                i += 1
                clean = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<n]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An id list as a JSON string; its alphabet needs no escaping.
    mutating func ids(_ list: [Int32]) {
        bytes.append(UInt8(ascii: "\""))
        IdListCodec.append(list, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func hexEscape(_ v: UInt16) {
        let hex = Array("0123456789abcdef".utf8)
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((v >> UInt16(shift)) & 0xF)])
        }
    }
}
