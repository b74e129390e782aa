import Fingerprint

/// A short, stable fingerprint of a file's bytes for cache-busting asset names
/// (`style.3f9a1c2e.css`): FNV-1a, 64 bits, as hex. Not for security.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
        String(FNV1a.hex(bytes).prefix(10))
    }
}
