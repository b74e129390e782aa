import VietnameseText

/// Interns the index's terms: a folded word and one original spelling of it (NFC, lowercase),
/// which search.js compares with the buyer's own spelling to rank exact diacritics first.
///
/// Folding and lowercasing are the slow part of indexing, and a catalogue repeats a few
/// thousand syllables endlessly, so each distinct run of text is folded once and cached.
struct TermDictionary {
    private(set) var folded: [String] = []
    private(set) var original: [String] = []
    private var idByOriginal: [String: Int32] = [:]
    private var runs = RunCache()

    var count: Int { folded.count }

    /// The terms of one word run (see `WordScanner`): one term normally;
    /// when folding splits the run ("½" → "1 2"), one per folded word, spelled as folded because
    /// no original spelling lines up with it. Runs may be NFD: the spelling is normalised here.
    mutating func terms(ofRun bytes: UnsafeBufferPointer<UInt8>) -> ArraySlice<Int32> {
        let hash = RunCache.hash(bytes)
        if let ids = runs.ids(of: bytes, hash: hash) { return ids }
        let run = String(decoding: bytes, as: UTF8.self)
        let words = Folding.words(run)
        let ids: [Int32]
        if words.count == 1 {
            ids = [intern(folded: words[0], original: UnicodeText.nfc(UnicodeText.nfc(run).lowercased()))]
        } else {
            ids = words.map { intern(folded: $0, original: $0) }
        }
        return runs.insert(bytes, hash: hash, ids: ids)
    }

    /// An extra term that is not in the text, such as the OCOP marker word.
    mutating func term(_ word: String) -> Int32 {
        intern(folded: word, original: word)
    }

    private mutating func intern(folded word: String, original spelling: String) -> Int32 {
        // The spelling determines the folded word, so it alone is the key.
        if let id = idByOriginal[spelling] { return id }
        let id = Int32(folded.count)
        folded.append(word)
        original.append(spelling)
        idByOriginal[spelling] = id
        return id
    }
}
