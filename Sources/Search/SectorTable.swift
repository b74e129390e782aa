import VietnameseText

/// The sectors present in the records, in Vietnamese alphabetical order of their names, which is
/// the order the script lists them in when the page does not provide its own options.
///
/// Filled record by record, in id order (`add`), then put in order (`finish`).
struct SectorTable {
    struct Sector {
        let id: String
        let name: String
        var records: [Int32]
    }

    private(set) var sectors: [Sector] = []
    /// Sector index of each record id (before `finish`, in the order sectors were first seen).
    private(set) var indexOfRecord: [Int32] = []
    private var firstSeen: [String: Int] = [:]

    init() {}

    init(_ records: [SearchRecord]) {
        for r in records { add(r) }
        finish()
    }

    /// The record with the next id.
    mutating func add(_ r: SearchRecord) {
        let i: Int
        if let known = firstSeen[r.sectorID] {
            i = known
        } else {
            i = sectors.count
            firstSeen[r.sectorID] = i
            sectors.append(Sector(id: r.sectorID, name: r.sectorName, records: []))
        }
        sectors[i].records.append(Int32(indexOfRecord.count))
        indexOfRecord.append(Int32(i))
    }

    mutating func finish() {
        let unsorted = sectors
        let keys = unsorted.map { VietnameseCollation.sortKey($0.name) }
        let order = unsorted.indices.sorted {
            keys[$0] != keys[$1] ? keys[$0] < keys[$1] : unsorted[$0].id.utf8.lexicographicallyPrecedes(unsorted[$1].id.utf8)
        }
        var newIndex = [Int32](repeating: 0, count: unsorted.count)
        for (new, old) in order.enumerated() { newIndex[old] = Int32(new) }
        sectors = order.map { unsorted[$0] }
        for id in indexOfRecord.indices { indexOfRecord[id] = newIndex[Int(indexOfRecord[id])] }
        firstSeen = [:]
    }
}
