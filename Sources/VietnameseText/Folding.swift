/// The search folding rule shared by the Swift index builder and the site's JavaScript:
/// NFC, transliterate to ASCII (đ→d, ơ→o, ư→u, ă/â→a, ê→e, ô→o, tone marks removed),
/// lowercase, split on anything that is not a letter or digit.
///
/// Buyers type without tone marks ("banh phong tom", "dong thap"), and Foundation's
/// `.diacriticInsensitive` leaves đ alone, so search matches folded keys, never raw text.
/// The cases in Tests/SharedFixtures/folding-cases.json are the contract both
/// implementations are tested against.
public enum Folding {
    /// Folded words joined by single spaces, e.g. "ĐƯỜNG  Vĩnh-Kim!" → "duong vinh kim".
    public static func fold(_ s: String) -> String {
        Transliterator.words(s, separator: UInt8(ascii: " "), asciiOnly: false)
    }

    /// The folded words of `s`, e.g. "Bánh phồng (Sơn Đốc)" → ["banh", "phong", "son", "doc"].
    public static func words(_ s: String) -> [String] {
        fold(s).split(separator: " ").map(String.init)
    }
}
