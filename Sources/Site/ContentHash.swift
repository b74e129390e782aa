/// A short, stable fingerprint of a file's bytes for cache-busting asset names
/// (`style.3f9a1c2e.css`): FNV-1a, 64 bits, as hex. Not for security.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let s = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - s.count) + s).prefix(10))
    }
}
