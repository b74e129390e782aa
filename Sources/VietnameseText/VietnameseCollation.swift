import Foundation

/// Alphabetical order for Vietnamese names, as CLDR "vi" defines it:
/// a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < …, tone marks a secondary
/// difference (none < huyền < hỏi < ngã < sắc < nặng), lowercase before uppercase, and digit
/// runs compared by value ("Tân Phước 2" < "Tân Phước 10").
///
/// Why not Foundation: `compare(_:options:range:locale:)` with the "vi" locale gives this order
/// (the tests check we agree with it) but re-collates both strings on every comparison, and
/// `<` / `localizedStandardCompare` are wrong for Vietnamese. A sort key is computed once per
/// name, so sorting 50,000 names is 50,000 key builds plus byte comparisons.
public enum VietnameseCollation {
    /// A byte string whose order is the collation order. Equal keys mean NFC-identical strings.
    public struct SortKey: Comparable, Hashable, Sendable {
        public let bytes: [UInt8]

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
        }
    }

    public static func sortKey(_ s: String) -> SortKey {
        SortKey(bytes: CollationKeyBuilder.key(for: s))
    }

    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let ka = sortKey(a), kb = sortKey(b)
        if ka == kb { return .orderedSame }
        return ka < kb ? .orderedAscending : .orderedDescending
    }
}
