import VietnameseText

/// The sectors present in the records, in Vietnamese alphabetical order of their names, which is
/// the order the script lists them in when the page does not provide its own options.
struct SectorTable {
    struct Sector {
        let id: String
        let name: String
        var records: [Int32]
    }

    private(set) var sectors: [Sector] = []
    /// Sector index of each record id.
    private(set) var indexOfRecord: [Int] = []

    init(_ records: [SearchRecord]) {
        var firstSeen: [String: Int] = [:]
        var unsorted: [Sector] = []
        var unsortedIndex: [Int] = []
        unsortedIndex.reserveCapacity(records.count)
        for (id, r) in records.enumerated() {
            let i: Int
            if let known = firstSeen[r.sectorID] {
                i = known
            } else {
                i = unsorted.count
                firstSeen[r.sectorID] = i
                unsorted.append(Sector(id: r.sectorID, name: r.sectorName, records: []))
            }
            unsorted[i].records.append(Int32(id))
            unsortedIndex.append(i)
        }
        let keys = unsorted.map { VietnameseCollation.sortKey($0.name) }
        let order = unsorted.indices.sorted {
            keys[$0] != keys[$1] ? keys[$0] < keys[$1] : unsorted[$0].id.utf8.lexicographicallyPrecedes(unsorted[$1].id.utf8)
        }
        var newIndex = [Int](repeating: 0, count: unsorted.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        sectors = order.map { unsorted[$0] }
        indexOfRecord = unsortedIndex.map { newIndex[$0] }
    }
}
