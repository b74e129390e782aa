import Fingerprint

/// Writes the static search index that themes/default/assets/search.js reads; the file layout
/// is described in `SearchIndexLayout`.
///
/// The output depends only on the set of records, never on their order or on the clock:
/// records are sorted by URL (which also puts a business's products side by side, so id
/// lists of shared words are runs of small gaps) and every list and map is written sorted.
public enum SearchIndexWriter {
    public static func write(_ records: [SearchRecord], to directory: String) throws -> SearchIndexSummary {
        try write(ordered: OrderedRecords(records: inOrder(records)), to: directory)
    }

    /// The index of `records`, already in index order (`inOrder`). Only the postings and the
    /// term shards are held in memory; the records are read twice, one at a time, and each file
    /// is written as soon as it is made.
    public static func write(ordered records: some SearchRecordSource, to directory: String) throws -> SearchIndexSummary {
        try write(ordered: records, to: directory, postingsBudget: PostingCollector.memoryBudget)
    }

    /// The same, holding at most `postingsBudget` bytes of postings (tests make it tiny).
    static func write(ordered records: some SearchRecordSource, to directory: String, postingsBudget: Int) throws -> SearchIndexSummary {
        var index = try IndexDirectory(path: directory)
        var sectors = SectorTable()
        var collector = PostingCollector(recordCount: records.count, scratch: try PostingScratch(in: directory), budget: postingsBudget)
        var byStars: [Int: [Int32]] = [:]
        for n in 0..<records.count {
            let r = try records.record(n)
            let id = Int32(n)
            sectors.add(r)
            collector.add(r.name, record: id, tier: .name)
            collector.add(r.businessName, record: id, tier: .mid)
            collector.add(r.sectorName, record: id, tier: .mid)
            collector.add(r.place, record: id, tier: .mid)
            collector.add(r.keywords, record: id, tier: .mid)
            if let stars = r.ocop, stars > 0 {
                collector.add(word: SearchIndexLayout.ocopWord, record: id, tier: .mid)
                byStars[stars, default: []].append(id)
            }
            collector.add(r.text, record: id, tier: .text, wordLimit: SearchIndexLayout.textWordLimit)
            try collector.endRecord()
        }
        sectors.finish()

        // Term shards, display shards, facets: the content hash covers them in this order.
        let terms = try TermShardBuilder.build(&collector, recordCount: records.count) { key, bytes in
            try index.write(SearchIndexLayout.termShardFile(key), bytes)
        }
        let docShards = try DisplayShards.build(records, sectors: sectors) { name, bytes in try index.write(name, bytes) }
        for file in FacetFiles.build(sectors: sectors, ocop: byStars) { try index.write(file.name, file.bytes) }
        let hash = index.hash.hex
        let manifest = manifestJSON(records: records.count, hash: hash, sectors: sectors, stopWords: terms.stopWords, shards: terms.shards)
        try index.write(SearchIndexLayout.manifestFile, manifest, hashed: false)
        try index.finish()
        return SearchIndexSummary(records: records.count, terms: terms.words, termShards: terms.shards.count,
                                  docShards: docShards, stopWords: terms.stopWords, files: index.files,
                                  bytes: index.bytes, hash: hash)
    }

    /// `{"v":1,"h":…,"n":records,"docs":per shard,"sectors":[[id,name,count]…],"stop":[…],"t":{key:bytes…}}`
    private static func manifestJSON(records: Int, hash: String, sectors: SectorTable, stopWords: [String],
                                     shards: [(key: String, size: Int)]) -> [UInt8] {
        var json = JSONBuffer(capacity: 64 + shards.count * 16)
        json.raw("{\"v\":")
        json.int(SearchIndexLayout.version)
        json.raw(",\"h\":")
        json.string(hash)
        json.raw(",\"n\":")
        json.int(records)
        json.raw(",\"docs\":")
        json.int(SearchIndexLayout.docsPerShard)
        json.raw(",\"sectors\":[")
        for (n, s) in sectors.sectors.enumerated() {
            json.raw(n == 0 ? "[" : ",[")
            json.string(s.id)
            json.byte(UInt8(ascii: ","))
            json.string(s.name)
            json.byte(UInt8(ascii: ","))
            json.int(s.records.count)
            json.byte(UInt8(ascii: "]"))
        }
        json.raw("],\"stop\":[")
        for (n, word) in stopWords.enumerated() {
            if n > 0 { json.byte(UInt8(ascii: ",")) }
            json.string(word)
        }
        json.raw("],\"t\":{")
        for (n, shard) in shards.enumerated() {
            if n > 0 { json.byte(UInt8(ascii: ",")) }
            json.string(shard.key)
            json.byte(UInt8(ascii: ":"))
            json.int(shard.size)
        }
        json.raw("}}\n")
        return json.bytes
    }

    /// Sorted by URL bytes, comparing the other fields only for equal URLs (which a valid site
    /// never has), so equal record sets give equal ids whatever their input order.
    static func inOrder(_ records: [SearchRecord]) -> [SearchRecord] {
        let urls = records.map { Array($0.url.utf8) }
        let order = records.indices.sorted { i, j in
            if urls[i] != urls[j] { return urls[i].lexicographicallyPrecedes(urls[j]) }
            return precedes(records[i], records[j])
        }
        return order.map { records[$0] }
    }

    private static func precedes(_ a: SearchRecord, _ b: SearchRecord) -> Bool {
        let pairs: [(String, String)] = [
            (a.url, b.url), (a.kind.rawValue, b.kind.rawValue), (a.name, b.name), (a.businessName, b.businessName),
            (a.sectorID, b.sectorID), (a.sectorName, b.sectorName), (a.place, b.place), (a.price, b.price),
            (a.text, b.text), (a.keywords, b.keywords),
        ]
        for (x, y) in pairs where x.utf8.elementsEqual(y.utf8) == false {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return (a.ocop ?? 0) < (b.ocop ?? 0)
    }
}
