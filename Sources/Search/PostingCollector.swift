/// Collects, for every term, the ids of the records containing it, split by tier. A record is
/// listed once per term, in the best tier where the term occurs, because ranking only uses the
/// best field.
///
/// Records must be added in ascending id order, tiers best first; the lists then come out
/// sorted and deduplicated without a sort or a set. Each list is kept as the index writes it
/// (`IdListCodec`: a byte or two per id, where an array of ids takes four and more), so the
/// postings of a 50,000-business catalog take about a quarter of the memory.
///
/// A description list that grows past the stop-word threshold (its word is then a stop word
/// whatever comes after, and `TermShardBuilder` drops it) stops being kept, only counted:
/// those are the longest lists of all.
///
/// Once the lists held take more than `memoryBudget`, they are written to a scratch file
/// (`PostingScratch`) and started afresh: records come in id order and each list's last id is
/// kept, so a list is the pieces written, in order, then what is held. The postings of any
/// catalog then take a few megabytes (at 50,000 businesses they are some 20 MB).
struct PostingCollector {
    private(set) var dictionary = TermDictionary()
    /// Index `term * tierCount + tier`: the list's ids, encoded (what was not written out yet);
    /// its last id (−1 when empty); how many ids it holds; its pieces in the scratch file.
    private var encoded: [[UInt8]] = []
    private var pieces: [[(offset: Int, count: Int)]] = []
    private var held = 0
    private let scratch: PostingScratch?
    private var last: [Int32] = []
    private var counts: [Int32] = []
    private var lastRecord: [Int32] = []
    private let stopThreshold: Int

    static let tierCount = SearchIndexLayout.Tier.allCases.count

    /// A folded word in the descriptions of more records than this is a stop word.
    static func stopThreshold(recordCount: Int) -> Int {
        max(Int(Double(recordCount) * SearchIndexLayout.stopWordShare), SearchIndexLayout.stopWordMinRecords)
    }

    /// Lists held in memory before they are written out, in bytes.
    static let memoryBudget = 8 << 20
    private let budget: Int

    /// For an index of `recordCount` records; `scratch` takes the lists beyond `budget` bytes
    /// (without one, they are all held).
    init(recordCount: Int, scratch: PostingScratch?, budget: Int = memoryBudget) {
        stopThreshold = Self.stopThreshold(recordCount: recordCount)
        self.scratch = scratch
        self.budget = budget
    }

    /// Call after each record: writes lists out when they pass the budget, until half of it is
    /// held. Long lists go first: they hold most of the bytes, and a short list written out
    /// each time would be read back in as many tiny pieces (one `pread` each).
    mutating func endRecord() throws {
        guard held > budget, let scratch else { return }
        var shortest = 64
        repeat {
            for list in encoded.indices where !encoded[list].isEmpty && encoded[list].count >= shortest {
                pieces[list].append((try scratch.append(encoded[list]), encoded[list].count))
                held -= encoded[list].count
                encoded[list] = []
            }
            shortest /= 4
        } while held > budget / 2 && shortest > 0
    }

    /// A list no longer kept has this as its last id.
    private static let droppedMark = Int32.max

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
            for _ in 0..<Self.tierCount {
                encoded.append([])
                pieces.append([])
                last.append(-1)
                counts.append(0)
            }
        }
        guard lastRecord[t] != record else { return }
        lastRecord[t] = record
        let list = t * Self.tierCount + tier.rawValue
        counts[list] += 1
        if last[list] == Self.droppedMark { return }
        if tier == .text && Int(counts[list]) > stopThreshold {
            held -= encoded[list].count
            encoded[list] = []
            pieces[list] = []
            last[list] = Self.droppedMark
            return
        }
        let before = encoded[list].count
        IdListCodec.append(record, after: last[list], to: &encoded[list])
        held += encoded[list].count - before
        last[list] = record
    }

    /// Whether the list grew past the stop-word threshold and was let go (its count stays).
    func dropped(term: Int, tier: SearchIndexLayout.Tier) -> Bool { last[term * Self.tierCount + tier.rawValue] == Self.droppedMark }

    func count(term: Int, tier: SearchIndexLayout.Tier) -> Int { Int(counts[term * Self.tierCount + tier.rawValue]) }

    func ids(term: Int, tier: SearchIndexLayout.Tier) throws -> [Int32] {
        var bytes: [UInt8] = []
        try appendEncoded(term * Self.tierCount + tier.rawValue, to: &bytes)
        return IdListCodec.decode(bytes: bytes)!
    }

    /// The list as a JSON string (`JSONBuffer.ids` of its ids).
    func appendIDs(term: Int, tier: SearchIndexLayout.Tier, to json: inout JSONBuffer) throws {
        json.byte(UInt8(ascii: "\""))
        try appendEncoded(term * Self.tierCount + tier.rawValue, to: &json.bytes)
        json.byte(UInt8(ascii: "\""))
    }

    private func appendEncoded(_ list: Int, to bytes: inout [UInt8]) throws {
        for piece in pieces[list] { bytes += try scratch!.read(at: piece.offset, count: piece.count) }
        bytes += encoded[list]
    }

    /// Empties a term's lists in one tier (stop words lose their description postings).
    mutating func clear(term: Int, tier: SearchIndexLayout.Tier) {
        let list = term * Self.tierCount + tier.rawValue
        held -= encoded[list].count
        encoded[list] = []
        pieces[list] = []
        last[list] = -1
        counts[list] = 0
    }
}
