/// What the guards (`TableGuard`, `NestingGuard`, `InlineGuard`) do to defuse a shape: a
/// backslash before each chosen byte, which Markdown then reads as an escaped character.
enum BackslashEscapes {
    /// `bytes` with a backslash before each of `offsets`, which must be in ascending order.
    static func insert(before offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + offsets.count)
        var start = 0
        for offset in offsets {
            out.append(contentsOf: bytes[start..<offset])
            out.append(UInt8(ascii: "\\"))
            start = offset
        }
        out.append(contentsOf: bytes[start...])
        return String(decoding: out, as: UTF8.self)
    }
}
