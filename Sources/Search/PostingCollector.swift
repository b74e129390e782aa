/// Collects, for every term, the ids of the records containing it, split by tier. A record is
/// listed once per term, in the best tier where the term occurs, because ranking only uses the
/// best field.
///
/// Records must be added in ascending id order, tiers best first; the lists then come out
/// sorted and deduplicated without a sort or a set.
struct PostingCollector {
    private(set) var dictionary = TermDictionary()
    /// Index `term * tierCount + tier`.
    private(set) var postings: [[Int32]] = []
    private var lastRecord: [Int32] = []

    static let tierCount = SearchIndexLayout.Tier.allCases.count

    mutating func add(_ text: String, record: Int32, tier: SearchIndexLayout.Tier, wordLimit: Int = .max) {
        guard !text.isEmpty else { return }
        WordScanner.forEachWord(in: text, limit: wordLimit) { run in
            for term in dictionary.terms(ofRun: run) {
                add(term: term, record: record, tier: tier)
            }
        }
    }

    mutating func add(word: String, record: Int32, tier: SearchIndexLayout.Tier) {
        add(term: dictionary.term(word), record: record, tier: tier)
    }

    private mutating func add(term: Int32, record: Int32, tier: SearchIndexLayout.Tier) {
        let t = Int(term)
        while lastRecord.count <= t {
            lastRecord.append(-1)
            for _ in 0..<Self.tierCount { postings.append([]) }
        }
        guard lastRecord[t] != record else { return }
        lastRecord[t] = record
        postings[t * Self.tierCount + tier.rawValue].append(record)
    }

    func ids(term: Int, tier: SearchIndexLayout.Tier) -> [Int32] {
        postings[term * Self.tierCount + tier.rawValue]
    }

    /// Empties a term's lists in one tier (stop words lose their description postings).
    mutating func clear(term: Int, tier: SearchIndexLayout.Tier) {
        postings[term * Self.tierCount + tier.rawValue] = []
    }
}
