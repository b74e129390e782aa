/// What `SearchIndexWriter` wrote, for the build's report and for tests.
public struct SearchIndexSummary: Sendable, Equatable {
    public var records: Int
    public var terms: Int
    public var termShards: Int
    public var docShards: Int
    /// Folded words whose description postings were dropped (see `SearchIndexLayout.stopWordShare`).
    public var stopWords: [String]
    public var files: Int
    public var bytes: Int
    /// Content hash written into the manifest; search.js appends it to shard URLs so a browser
    /// never mixes shards of two builds.
    public var hash: String
}
