/// The filters' id lists, fetched only when a filter is on: one file per sector, and one for
/// OCOP with a list per star count, so "OCOP 4★ or more" is the union of two lists.
enum FacetFiles {
    /// `ocop`: the ids of the records with each star count (above 0), ascending.
    static func build(sectors: SectorTable, ocop byStars: [Int: [Int32]]) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        for (n, sector) in sectors.sectors.enumerated() {
            var json = JSONBuffer()
            json.ids(sector.records)
            files.append((SearchIndexLayout.sectorFile(n), json.bytes))
        }
        var json = JSONBuffer()
        json.byte(UInt8(ascii: "{"))
        for (n, stars) in byStars.keys.sorted().enumerated() {
            if n > 0 { json.byte(UInt8(ascii: ",")) }
            json.string(String(stars))
            json.byte(UInt8(ascii: ":"))
            json.ids(byStars[stars]!)
        }
        json.byte(UInt8(ascii: "}"))
        files.append((SearchIndexLayout.ocopFile, json.bytes))
        return files
    }
}
