#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `chonoi check` asks of a Markdown body it does not keep, answered on the UTF-8 bytes.
enum BodyScan {
    /// Whether the body has `![` in it (a picture the validator reports), by a byte search.
    ///
    /// Exact on bytes: `!` and `[` are ASCII, UTF-8 never uses bytes below 0x80 inside a
    /// longer character, and neither has another canonically equivalent spelling. Foundation's
    /// `contains` answered the same through UTF-16 and Unicode decomposition, at a quarter of
    /// `check`'s time.
    static func mayHaveImage(_ body: Substring) -> Bool {
        if let found = body.utf8.withContiguousStorageIfAvailable(hasImageMarker) { return found }
        var copy = String(body)
        return copy.withUTF8(hasImageMarker)
    }

    private static func hasImageMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = UnsafeRawPointer(bytes.baseAddress) else { return false }
        var left = bytes.count
        while left > 1, let bang = memchr(p, 0x21, left) { // !
            let next = UnsafeRawPointer(bang) + 1
            left -= next - p
            p = next
            if left > 0 && p.load(as: UInt8.self) == 0x5B { return true } // [
        }
        return false
    }
}
