/// 64-bit FNV-1a: a stable fingerprint of bytes without a crypto dependency. chonoi uses it
/// where a changed input must give another name (asset file names, the search index's
/// version, ETags) and to bucket byte runs; never where someone could gain by a collision.
public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public var value: UInt64 { state }

    @inlinable public init() {}

    @inlinable public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var h = state
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        state = h
    }

    @inlinable public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { add($0) }
    }

    /// Adds `bytes` and then a separator, so that ("ab", "c") and ("a", "bc") differ.
    @inlinable public mutating func addField(_ bytes: [UInt8]) {
        add(bytes)
        state = (state ^ 0xFF) &* 0x0000_0100_0000_01b3
    }

    /// The fingerprint as 16 lowercase hex digits.
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    @inlinable public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = FNV1a()
        h.add(bytes)
        return h.value
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        var h = FNV1a()
        h.add(bytes)
        return h.hex
    }
}
