import Foundation
import VietnameseText
import XCTest
@testable import Search

final class ShardingTests: XCTestCase {
    /// Many words under one two-letter prefix, so the planner must split "th" deeper.
    static let crowded: [SearchRecord] = (0..<400).map { i in
        let syllables = ["thanh", "thơm", "thốt", "thịt", "thủy", "thái", "thuốc", "thép", "th", "thành"]
        let name = "\(syllables[i % syllables.count]) th\(String(i, radix: 26)) tr\(i % 37) Đồng Tháp"
        return SearchFixtures.product("p\(i)", name, business: ("b\(i / 5)", "Cơ sở \(i / 5)"),
                                      text: (0..<30).map { "thêm\($0 * i % 97)" }.joined(separator: " "))
    }

    func testEveryWordLandsInTheShardSearchJSFetches() throws {
        for records in [SearchFixtures.catalog, Self.crowded] {
            let dir = SearchFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            _ = try SearchIndexWriter.write(records, to: dir)
            let index = try IndexReader(dir)
            for record in records {
                let id = try XCTUnwrap(index.id(ofURL: record.url))
                for word in Folding.words(record.name + " " + record.businessName + " " + record.place) {
                    XCTAssertNotNil(try index.records(with: word)[id], "\(word) of \(record.url)")
                }
            }
        }
    }

    func testLargePrefixesSplitAndPrefixSearchStillFindsEveryWord() throws {
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SearchIndexWriter.write(Self.crowded, to: dir)
        let index = try IndexReader(dir)
        XCTAssertTrue(index.shardSizes.keys.contains { $0.hasPrefix("th") && $0.count > 2 }, "th must split")
        XCTAssertTrue(index.shardSizes.values.allSatisfy { $0 <= SearchIndexLayout.shardSplitBytes * 2 })

        // Every folded word, looked up by each of its prefixes the way search.js does.
        var all: Set<String> = []
        for key in index.shardSizes.keys { all.formUnion(try index.shard(key).keys) }
        for word in all where word.hasPrefix("th") {
            for length in 1...word.count {
                let prefix = String(word.prefix(length))
                let found = try index.shardKeys(for: prefix, prefix: true).contains { try index.shard($0)[word] != nil }
                XCTAssertTrue(found, "\(word) by prefix \(prefix)")
            }
        }
        // Each word is in exactly one shard.
        var seen: [String: String] = [:]
        for key in index.shardSizes.keys {
            for word in try index.shard(key).keys {
                XCTAssertNil(seen[word], "\(word) in \(key) and \(seen[word] ?? "")")
                seen[word] = key
            }
        }
    }

    func testPlannerKeysAndFileNames() {
        let words = ["a", "ba", "bac", "bad", "bb", "g", "µg", "µm"]
        let shards = ShardPlanner.plan(words: words, sizes: words.map { _ in 10 }, limit: 25)
        // "b…" is 40 bytes over a 25-byte limit: "ba" splits into "ba" (the word itself), "bac", "bad".
        XCTAssertEqual(shards.map(\.key), ["a", "ba", "bac", "bad", "bb", "g", "µg", "µm"])
        XCTAssertEqual(ShardPlanner.plan(words: words, sizes: words.map { _ in 1 }, limit: 25).map(\.key), ["a", "ba", "bb", "g", "µg", "µm"])
        XCTAssertEqual(SearchIndexLayout.termShardFile("µg"), "t-_b5_g.json")
        XCTAssertEqual(SearchIndexLayout.termShardFile("th"), "t-th.json")
        XCTAssertTrue(SearchIndexLayout.isIndexFile("t-_b5_g.json"))
        XCTAssertFalse(SearchIndexLayout.isIndexFile("index.html"))
    }

    func testAOneWordGroupNeverSplitsHowEverLarge() {
        let shards = ShardPlanner.plan(words: ["dong", "ocop"], sizes: [10_000, 90_000], limit: 100)
        XCTAssertEqual(shards.map(\.key), ["do", "oc"])
    }
}
