/// Turns collected postings into term shards: groups spellings under their folded word, drops
/// the description postings of stop words, encodes each word's entry and cuts the sorted words
/// into shards by prefix (`ShardPlanner`).
///
/// The entries are encoded twice, once for their sizes (which decide the shards) and once
/// into their shard, which is handed to `emit` at once and whose words' postings are then
/// released: the whole index's entries (some 20 MB at 50,000 businesses) are never held at once.
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
                      emit: (_ key: String, _ bytes: [UInt8]) throws -> Void) throws -> Output {
        let dictionary = collector.dictionary
        var spellings: [String: [Int]] = [:]
        for term in 0..<dictionary.count {
            spellings[dictionary.folded[term], default: []].append(term)
        }
        let words = spellings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var output = Output()
        let stopThreshold = PostingCollector.stopThreshold(recordCount: recordCount)

        // Spellings of one word can share records, so the share is counted over distinct ids.
        var seenBy = [Int32](repeating: -1, count: recordCount)
        var kept: [(word: String, terms: [Int])] = []
        var sizes: [Int] = []
        var scratch = JSONBuffer(capacity: 1 << 16)
        for (index, word) in words.enumerated() {
            let terms = spellings[word]!.sorted {
                dictionary.original[$0].utf8.lexicographicallyPrecedes(dictionary.original[$1].utf8)
            }
            var textRecords = terms.reduce(0) { $0 + collector.count(term: $1, tier: .text) }
            // A spelling whose list was dropped is over the threshold by itself (see `PostingCollector`).
            if textRecords > stopThreshold && terms.count > 1 && !terms.contains(where: { collector.dropped(term: $0, tier: .text) }) {
                textRecords = 0
                let stamp = Int32(index)
                for term in terms {
                    for id in try collector.ids(term: term, tier: .text) where seenBy[Int(id)] != stamp {
                        seenBy[Int(id)] = stamp
                        textRecords += 1
                    }
                }
            }
            if textRecords > stopThreshold {
                output.stopWords.append(word)
                for term in terms { collector.clear(term: term, tier: .text) }
            }
            scratch.bytes.removeAll(keepingCapacity: true)
            if try appendEntry(word, terms: terms, collector: collector, to: &scratch) {
                kept.append((word, terms))
                sizes.append(scratch.bytes.count + 1)
            }
        }
        output.words = kept.count

        for shard in ShardPlanner.plan(words: kept.map(\.word), sizes: sizes, limit: SearchIndexLayout.shardSplitBytes) {
            var json = JSONBuffer(capacity: shard.words.reduce(2) { $0 + sizes[$1] })
            json.byte(UInt8(ascii: "{"))
            for (n, i) in shard.words.enumerated() {
                if n > 0 { json.byte(UInt8(ascii: ",")) }
                try appendEntry(kept[i].word, terms: kept[i].terms, collector: collector, to: &json)
                for term in kept[i].terms {
                    for tier in SearchIndexLayout.Tier.allCases { collector.clear(term: term, tier: tier) }
                }
            }
            json.byte(UInt8(ascii: "}"))
            try emit(shard.key, json.bytes)
            output.shards.append((shard.key, json.bytes.count))
        }
        return output
    }

    /// `"word":[["spelling","ids","ids","ids"],…]`; false (and nothing worth keeping written)
    /// when no spelling has a posting left.
    @discardableResult
    private static func appendEntry(_ word: String, terms: [Int], collector: PostingCollector, to json: inout JSONBuffer) throws -> Bool {
        json.string(word)
        json.raw(":[")
        var variants = 0
        for term in terms {
            let tiers = SearchIndexLayout.Tier.allCases
            if tiers.allSatisfy({ collector.count(term: term, tier: $0) == 0 }) { continue }
            json.raw(variants == 0 ? "[" : ",[")
            json.string(collector.dictionary.original[term])
            for tier in tiers {
                json.byte(UInt8(ascii: ","))
                try collector.appendIDs(term: term, tier: tier, to: &json)
            }
            json.byte(UInt8(ascii: "]"))
            variants += 1
        }
        json.byte(UInt8(ascii: "]"))
        return variants > 0
    }
}
