/// Ascending record ids as a short ASCII string: each gap (id − previous − 1, starting from −1)
/// in base 32, most significant digit first. The last digit of a gap is "]" + d (U+005D–U+007C),
/// the others "#" + d (U+0023–U+0042): two ranges without `"` or `\`, so the string needs no
/// JSON escaping and search.js decodes it with arithmetic, no table. Neighbouring records (same
/// business, same ward) differ by one, so most ids cost one character; gzip squeezes the rest.
enum IdListCodec {
    static let lastDigit: UInt8 = 0x5D
    static let leadingDigit: UInt8 = 0x23

    static func append(_ ids: [Int32], to out: inout [UInt8]) {
        var previous: Int32 = -1
        for id in ids {
            append(id, after: previous, to: &out)
            previous = id
        }
    }

    /// One more id of a list whose last id is `previous` (−1 for the first), so a list can be
    /// encoded as its ids come (`PostingCollector`).
    static func append(_ id: Int32, after previous: Int32, to out: inout [UInt8]) {
        precondition(id > previous, "IdListCodec: ids must ascend")
        let gap = UInt32(id - previous - 1)
        if gap < 32 {
            out.append(lastDigit + UInt8(gap))
            return
        }
        // At most 7 base-32 digits for a UInt32; most significant first.
        var shift: UInt32 = 5
        while gap >> shift >= 32 { shift += 5 }
        while shift > 0 {
            out.append(leadingDigit + UInt8((gap >> shift) & 31))
            shift -= 5
        }
        out.append(lastDigit + UInt8(gap & 31))
    }

    static func encode(_ ids: [Int32]) -> String {
        var out: [UInt8] = []
        append(ids, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The inverse of `encode`; nil on a malformed string.
    static func decode(_ s: String) -> [Int32]? { decode(bytes: s.utf8) }

    static func decode(bytes: some Sequence<UInt8>) -> [Int32]? {
        var ids: [Int32] = []
        var previous: Int64 = -1, n: Int64 = 0
        for byte in bytes {
            if byte >= leadingDigit && byte < leadingDigit + 32 {
                n = n * 32 + Int64(byte - leadingDigit)
            } else {
                guard byte >= lastDigit && byte < lastDigit + 32 else { return nil }
                previous += n * 32 + Int64(byte - lastDigit) + 1
                guard previous <= Int64(Int32.max) else { return nil }
                ids.append(Int32(previous))
                n = 0
            }
        }
        return n == 0 ? ids : nil
    }
}
