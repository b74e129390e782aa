/// URL path segments made from Vietnamese names: "Bánh Phồng" → "banh-phong".
///
/// Uses the same transliteration as `Folding`, so "Đồng Tháp" is "dong-thap" (never the
/// Serbian "djong" or the accent-stripped "đong" that naive slug libraries give).
/// Slugs are lossy ("Bà" and "Ba" collide); callers must detect duplicates.
public enum Slug {
    /// Lowercase ASCII letters and digits in runs joined by "-". Returns "" when the input
    /// has no letters or digits at all (e.g. "!!!" or an emoji): callers must treat that as
    /// "no slug", not as a valid path.
    public static func make(from s: String) -> String {
        Transliterator.words(s, separator: UInt8(ascii: "-"), asciiOnly: true)
    }

    /// Whether `s` matches ^[a-z0-9]+(-[a-z0-9]+)*$.
    public static func isValid(_ s: String) -> Bool {
        var previousWasDash = true  // so a leading dash, and the empty string, fail
        for b in s.utf8 {
            switch b {
            case 0x61...0x7A, 0x30...0x39:
                previousWasDash = false
            case UInt8(ascii: "-"):
                if previousWasDash { return false }
                previousWasDash = true
            default:
                return false
            }
        }
        return !previousWasDash
    }
}
