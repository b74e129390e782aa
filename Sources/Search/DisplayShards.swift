/// Display data of the records, `SearchIndexLayout.docsPerShard` per file, fetched by search.js
/// only for the results it shows: `[[kind, name, business, place, price, url, sector, ocop]…]`,
/// where sector is an index into the manifest's sector list and ocop is 0 without a badge.
enum DisplayShards {
    /// Each shard in turn, handed to `emit` as soon as it is made; returns how many there are.
    @discardableResult
    static func build(_ records: some SearchRecordSource, sectors: SectorTable,
                      emit: (_ name: String, _ bytes: [UInt8]) throws -> Void) throws -> Int {
        let size = SearchIndexLayout.docsPerShard
        var count = 0
        for start in stride(from: 0, to: records.count, by: size) {
            var json = JSONBuffer(capacity: size * 200)
            json.byte(UInt8(ascii: "["))
            for id in start..<min(start + size, records.count) {
                let r = try records.displayRecord(id)
                json.raw(id == start ? "[" : ",[")
                json.string(r.kind.rawValue)
                json.byte(UInt8(ascii: ","))
                json.string(r.name)
                json.byte(UInt8(ascii: ","))
                json.string(r.businessName)
                json.byte(UInt8(ascii: ","))
                json.string(r.place)
                json.byte(UInt8(ascii: ","))
                json.string(r.price)
                json.byte(UInt8(ascii: ","))
                json.string(r.url)
                json.byte(UInt8(ascii: ","))
                json.int(Int(sectors.indexOfRecord[id]))
                json.byte(UInt8(ascii: ","))
                json.int(max(r.ocop ?? 0, 0))
                json.byte(UInt8(ascii: "]"))
            }
            json.byte(UInt8(ascii: "]"))
            try emit(SearchIndexLayout.docShardFile(start / size), json.bytes)
            count += 1
        }
        return count
    }
}
