/// The part of a description the search index uses. The index writer reads only the first
/// words of each description, so keeping the whole text of 50,000 bodies in memory until the
/// index is written would cost over 100 MB for nothing.
import Search

enum SearchText {
    /// A margin over the writer's limit: it counts folded words, which punctuation can split.
    static let words = SearchIndexLayout.textWordLimit * 2

    /// The text up to its `words`-th space character (a space that is a character of its own),
    /// or all of it.
    ///
    /// Read as bytes: walking the text by characters (grapheme clusters) was 3 % of a build.
    /// A space between two ASCII bytes is always a character of its own; next to anything
    /// else (a combining mark after it, a prepended mark before it) the character is looked
    /// at, so the cut falls where the character walk put it.
    static func lead(_ text: String) -> String {
        let utf8 = text.utf8
        var spaces = 0
        var previous: UInt8 = 0
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let byte = utf8[i]
            let next = utf8.index(after: i)
            if byte == 0x20 && isCharacterOfItsOwn(text, at: i, before: previous, after: next == utf8.endIndex ? 0 : utf8[next]) {
                spaces += 1
                if spaces == words { return String(text[..<i]) }
            }
            previous = byte
            i = next
        }
        return text
    }

    private static func isCharacterOfItsOwn(_ text: String, at i: String.Index, before: UInt8, after: UInt8) -> Bool {
        if before < 0x80 && after < 0x80 { return true }
        guard let start = String.Index(i, within: text) else { return false }
        return text[start] == " "
    }
}
