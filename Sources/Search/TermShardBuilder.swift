/// Turns collected postings into term shards: groups spellings under their folded word, drops
/// the description postings of stop words, encodes each word's entry and cuts the sorted words
/// into shards by prefix (`ShardPlanner`). Each shard is handed to `emit` as soon as it is
/// assembled, and a word's postings are released once its entry is encoded.
///
/// Shard body: `{"banh":[["bánh","<name ids>","<mid ids>","<text ids>"],["bành",…]],…}`, words
/// and spellings in byte order, empty id lists as "".
struct TermShardBuilder {
    struct Output {
        /// Each shard's key and size in bytes, in order.
        var shards: [(key: String, size: Int)] = []
        var stopWords: [String] = []
        var words = 0
    }

    static func build(_ collector: inout PostingCollector, recordCount: Int,
                      emit: (_ key: String, _ bytes: [UInt8]) throws -> Void) rethrows -> Output {
        let dictionary = collector.dictionary
        var spellings: [String: [Int]] = [:]
        for term in 0..<dictionary.count {
            spellings[dictionary.folded[term], default: []].append(term)
        }
        let words = spellings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var output = Output()
        let stopThreshold = max(Int(Double(recordCount) * SearchIndexLayout.stopWordShare), SearchIndexLayout.stopWordMinRecords)

        // Spellings of one word can share records, so the share is counted over distinct ids.
        var seenBy = [Int32](repeating: -1, count: recordCount)
        var entries: [[UInt8]] = []
        var kept: [String] = []
        entries.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            let terms = spellings[word]!.sorted {
                dictionary.original[$0].utf8.lexicographicallyPrecedes(dictionary.original[$1].utf8)
            }
            var textRecords = terms.reduce(0) { $0 + collector.count(term: $1, tier: .text) }
            if textRecords > stopThreshold && terms.count > 1 {
                textRecords = 0
                let stamp = Int32(index)
                for term in terms {
                    for id in collector.ids(term: term, tier: .text) where seenBy[Int(id)] != stamp {
                        seenBy[Int(id)] = stamp
                        textRecords += 1
                    }
                }
            }
            if textRecords > stopThreshold {
                output.stopWords.append(word)
                for term in terms { collector.clear(term: term, tier: .text) }
            }
            var json = JSONBuffer(capacity: 64)
            json.string(word)
            json.raw(":[")
            var variants = 0
            for term in terms {
                let tiers = SearchIndexLayout.Tier.allCases
                if tiers.allSatisfy({ collector.count(term: term, tier: $0) == 0 }) { continue }
                json.raw(variants == 0 ? "[" : ",[")
                json.string(dictionary.original[term])
                for tier in tiers {
                    json.byte(UInt8(ascii: ","))
                    collector.appendIDs(term: term, tier: tier, to: &json)
                    collector.clear(term: term, tier: tier)
                }
                json.byte(UInt8(ascii: "]"))
                variants += 1
            }
            json.byte(UInt8(ascii: "]"))
            if variants > 0 {
                entries.append(json.bytes)
                kept.append(word)
            }
        }
        output.words = kept.count

        for shard in ShardPlanner.plan(words: kept, sizes: entries.map { $0.count + 1 }, limit: SearchIndexLayout.shardSplitBytes) {
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            for (n, i) in shard.words.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: entries[i])
                entries[i] = []
            }
            bytes.append(UInt8(ascii: "}"))
            try emit(shard.key, bytes)
            output.shards.append((shard.key, bytes.count))
        }
        return output
    }
}
