/// The part of a description the search index uses. The index writer reads only the first
/// words of each description, so keeping the whole text of 50,000 bodies in memory until the
/// index is written would cost over 100 MB for nothing.
import Search

enum SearchText {
    /// A margin over the writer's limit: it counts folded words, which punctuation can split.
    static let words = SearchIndexLayout.textWordLimit * 2

    static func lead(_ text: String) -> String {
        var spaces = 0
        for i in text.indices where text[i] == " " {
            spaces += 1
            if spaces == words { return String(text[..<i]) }
        }
        return text
    }
}
