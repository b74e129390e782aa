import Fingerprint

/// A hash map from a word run's UTF-8 bytes to its term ids, looked up without building a
/// String: a Swift String key costs an allocation and a normalising hash per lookup, and
/// indexing does millions of lookups for a few thousand distinct runs.
struct RunCache {
    private var arena: [UInt8] = []
    /// Term ids of all entries back to back.
    private var ids: [Int32] = []
    /// Open addressing, linear probing; slots hold entry index + 1, 0 when empty.
    private var slots: [Int32]
    private var entries: [(hash: UInt64, start: Int32, length: Int32, idStart: Int32, idCount: Int32)] = []

    init() {
        slots = [Int32](repeating: 0, count: 1024)
    }

    /// The cached ids of `run`, or nil. Drop the slice before the next insert, or it forces a copy.
    func ids(of run: UnsafeBufferPointer<UInt8>, hash: UInt64) -> ArraySlice<Int32>? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[slot])
            if e == 0 { return nil }
            let entry = entries[e - 1]
            if entry.hash == hash && Int(entry.length) == run.count && equals(run, at: Int(entry.start)) {
                return ids[Int(entry.idStart)..<Int(entry.idStart + entry.idCount)]
            }
            slot = (slot + 1) & mask
        }
    }

    @discardableResult
    mutating func insert(_ run: UnsafeBufferPointer<UInt8>, hash: UInt64, ids runIDs: [Int32]) -> ArraySlice<Int32> {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append((hash, Int32(arena.count), Int32(run.count), Int32(ids.count), Int32(runIDs.count)))
        arena.append(contentsOf: run)
        ids.append(contentsOf: runIDs)
        place(entries.count - 1)
        return ids[(ids.count - runIDs.count)...]
    }

    static func hash(_ run: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let h = FNV1a.hash(run)
        return h ^ (h >> 29)
    }

    private func equals(_ run: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for i in 0..<run.count where arena[start + i] != run[i] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for e in entries.indices { place(e) }
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[e].hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(e + 1)
    }
}
