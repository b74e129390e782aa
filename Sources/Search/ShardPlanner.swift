/// Groups the sorted folded words into term shards by prefix: two characters first, one more
/// wherever a group is larger than the limit. Words equal to a split group's prefix stay in a
/// shard named by that prefix.
///
/// search.js relies on two consequences: a word lives in the shard with the longest key that
/// is a prefix of it, and every word starting with p lives in a shard whose key starts with p
/// or in that longest-prefix shard of p.
enum ShardPlanner {
    struct Shard: Equatable {
        let key: String
        let words: Range<Int>
    }

    /// `words` must be sorted by their scalars; `sizes` are their encoded sizes in bytes.
    static func plan(words: [String], sizes: [Int], limit: Int) -> [Shard] {
        let scalars = words.map { Array($0.unicodeScalars) }
        var shards: [Shard] = []
        emit(0..<words.count, depth: 2, scalars, sizes, limit, &shards)
        return shards
    }

    private static func emit(_ range: Range<Int>, depth: Int, _ words: [[Unicode.Scalar]], _ sizes: [Int],
                             _ limit: Int, _ shards: inout [Shard]) {
        var i = range.lowerBound
        while i < range.upperBound {
            let key = words[i].prefix(depth)
            var j = i, size = 0
            while j < range.upperBound && words[j].prefix(depth).elementsEqual(key) {
                size += sizes[j]
                j += 1
            }
            let name = String(String.UnicodeScalarView(key))
            if size <= limit || j - i == 1 {
                shards.append(Shard(key: name, words: i..<j))
            } else {
                // Sorted order puts the word equal to the key first.
                var k = i
                while k < j && words[k].count == key.count { k += 1 }
                if k > i { shards.append(Shard(key: name, words: i..<k)) }
                emit(k..<j, depth: depth + 1, words, sizes, limit, &shards)
            }
            i = j
        }
    }
}
