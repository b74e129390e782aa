/// The file layout of the static search index, shared knowledge with
/// `themes/default/assets/search.js` (which must agree on every name and number here).
///
///     index.json        manifest: version, content hash, record count, sectors, stop words,
///                       and every term shard's key with its size in bytes
///     t-<key>.json      term shard: folded word → [[original word, name ids, mid ids, text ids]…]
///     d-<n>.json        display data of records n·docsPerShard ..< (n+1)·docsPerShard
///     s-<n>.json        ids of the records in sector n of the manifest's list
///     ocop.json         {"<stars>": ids} for records with an OCOP badge
///
/// Id lists are strings (see `IdListCodec`), so a shard parses with one `JSON.parse` and
/// decodes lazily, only for the words a query touches.
public enum SearchIndexLayout {
    public static let version = 1
    public static let manifestFile = "index.json"
    public static let ocopFile = "ocop.json"

    /// A page of results fetches at most this many doc shards, so small shards keep the first
    /// query cheap; too small and the directory fills with thousands of files.
    public static let docsPerShard = 32

    /// Term shards start at two characters of the folded word and split one character deeper
    /// while larger than this, so a common prefix ("th", "ch", "ng") never becomes one huge file.
    public static let shardSplitBytes = 24_000

    /// Descriptions are indexed by their first words only: the opening says what a thing is,
    /// the rest repeats it and would multiply the index size.
    public static let textWordLimit = 60

    /// A folded word whose description postings cover more than this share of all records
    /// (and at least `stopWordMinRecords`) loses them: "có", "được", "và" in most texts would
    /// dominate shard sizes and tell records apart not at all. The manifest lists these words
    /// so the script does not require them unless the query has nothing else.
    public static let stopWordShare = 0.25
    public static let stopWordMinRecords = 500

    /// Field weights per tier, most important first; search.js applies them.
    public enum Tier: Int, CaseIterable {
        case name = 0, mid = 1, text = 2
    }

    /// Added to the mid tier of every record with OCOP stars, so a buyer can type "ocop".
    public static let ocopWord = "ocop"

    /// `t-<key>.json`, with every character outside a–z, 0–9 written as `_<hex>_` so file names
    /// stay portable whatever letters a folded word keeps.
    public static func termShardFile(_ key: String) -> String {
        var name = "t-"
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: name.unicodeScalars.append(scalar)
            default: name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return name + ".json"
    }

    public static func docShardFile(_ n: Int) -> String { "d-\(n).json" }
    public static func sectorFile(_ n: Int) -> String { "s-\(n).json" }

    /// Whether `name` is a file this layout writes, so stale ones from an earlier build can go.
    static func isIndexFile(_ name: String) -> Bool {
        if name == manifestFile || name == ocopFile { return true }
        guard name.hasSuffix(".json"), name.count > 7 else { return false }
        return name.hasPrefix("t-") || name.hasPrefix("d-") || name.hasPrefix("s-")
    }
}
