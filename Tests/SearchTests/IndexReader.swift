import Foundation
@testable import Search

/// Reads a written index back the way search.js does, so tests check the files, not the
/// writer's internals.
final class IndexReader {
    struct Variant: Equatable {
        let original: String
        /// Ids per tier: name, mid, text.
        let tiers: [[Int32]]
    }

    struct Doc {
        let kind: String, name: String, business: String, place: String, price: String, url: String
        let sector: Int, ocop: Int
    }

    let directory: URL
    let manifest: [String: Any]
    private var shards: [String: [String: [Variant]]] = [:]
    private(set) var docs: [Doc] = []

    init(_ path: String) throws {
        directory = URL(fileURLWithPath: path)
        manifest = try Self.json(directory.appendingPathComponent(SearchIndexLayout.manifestFile)) as! [String: Any]
        let per = manifest["docs"] as! Int
        for n in 0..<(recordCount + per - 1) / per {
            let rows = try Self.json(directory.appendingPathComponent(SearchIndexLayout.docShardFile(n))) as! [[Any]]
            docs += rows.map { r in
                Doc(kind: r[0] as! String, name: r[1] as! String, business: r[2] as! String, place: r[3] as! String,
                    price: r[4] as! String, url: r[5] as! String, sector: r[6] as! Int, ocop: r[7] as! Int)
            }
        }
    }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url), options: [.fragmentsAllowed])
    }

    var shardSizes: [String: Int] { manifest["t"] as! [String: Int] }
    var stopWords: [String] { manifest["stop"] as! [String] }
    var recordCount: Int { manifest["n"] as! Int }

    /// search.js `shardsFor`: the longest key that is a prefix of `word`, plus, for a prefix
    /// search, every key that starts with it.
    func shardKeys(for word: String, prefix: Bool) -> [String] {
        var best = ""
        var keys: [String] = []
        for key in shardSizes.keys.sorted() {
            if word.unicodeScalars.starts(with: key.unicodeScalars) && key.unicodeScalars.count > best.unicodeScalars.count {
                best = key
            } else if prefix && key.unicodeScalars.starts(with: word.unicodeScalars) {
                keys.append(key)
            }
        }
        return best.isEmpty ? keys : keys + [best]
    }

    func shard(_ key: String) throws -> [String: [Variant]] {
        if let cached = shards[key] { return cached }
        let raw = try Self.json(directory.appendingPathComponent(SearchIndexLayout.termShardFile(key))) as! [String: [[String]]]
        let shard = raw.mapValues { variants in
            variants.map { v in Variant(original: v[0], tiers: v[1...].map { IdListCodec.decode($0)! }) }
        }
        shards[key] = shard
        return shard
    }

    /// The variants of a folded word, found as search.js finds them, or nil if absent.
    func variants(of word: String) throws -> [Variant]? {
        for key in shardKeys(for: word, prefix: false) {
            if let found = try shard(key)[word] { return found }
        }
        return nil
    }

    /// Records containing `word` (folded) in any spelling, with their best tier.
    func records(with word: String) throws -> [Int32: Int] {
        var best: [Int32: Int] = [:]
        for v in try variants(of: word) ?? [] {
            for (tier, ids) in v.tiers.enumerated() {
                for id in ids { best[id] = min(best[id] ?? tier, tier) }
            }
        }
        return best
    }

    func doc(_ id: Int) throws -> Doc { docs[id] }

    /// Ids of the record whose URL is `url`.
    func id(ofURL url: String) throws -> Int32? {
        docs.firstIndex { $0.url == url }.map(Int32.init)
    }
}
