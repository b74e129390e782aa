#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the loader asks of a Markdown body before deciding to keep it, answered on its UTF-8
/// bytes (`chonoi check` keeps only the bodies with a picture in them).
enum BodyScan {
    /// Whether the body has `![` in it (a picture the validator reports), by a byte search.
    ///
    /// Exact on bytes: `!` and `[` are ASCII, UTF-8 never uses bytes below 0x80 inside a
    /// longer character, and neither has another canonically equivalent spelling. Foundation's
    /// `contains` answered the same through UTF-16 and Unicode decomposition, at a quarter of
    /// `check`'s time.
    static func mayHaveImage(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = UnsafeRawPointer(body.baseAddress) else { return false }
        var left = body.count
        while left > 1, let bang = memchr(p, 0x21, left) { // !
            let next = UnsafeRawPointer(bang) + 1
            left -= next - p
            p = next
            if left > 0 && p.load(as: UInt8.self) == 0x5B { return true } // [
        }
        return false
    }

    /// Whether every character of the body is white space, as `Character.isWhitespace` says
    /// (so a space carrying a combining mark counts as space). ASCII is decided byte by byte;
    /// the first other byte hands the whole question to `Character`, which is exact.
    static func isBlank(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in body {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case ..<0x80: return false
            default: return String(decoding: body, as: UTF8.self).allSatisfy(\.isWhitespace)
            }
        }
        return true
    }
}
