/// The records of an index in index order (by URL, `SearchIndexWriter.inOrder`), read one at a
/// time: `SearchIndexWriter` goes through them twice, and never needs them all in memory, so a
/// build can keep them in a file until then.
public protocol SearchRecordSource {
    var count: Int { get }
    /// The record with this id, in 0..<count.
    func record(_ id: Int) throws -> SearchRecord
    /// The record with at least what a result shows (kind, name, business, place, price, url,
    /// OCOP): a source that decodes its records may leave the searched text and keywords empty.
    func displayRecord(_ id: Int) throws -> SearchRecord
}

extension SearchRecordSource {
    public func displayRecord(_ id: Int) throws -> SearchRecord { try record(id) }
}

/// Records held in memory, already in index order.
struct OrderedRecords: SearchRecordSource {
    let records: [SearchRecord]
    var count: Int { records.count }
    func record(_ id: Int) -> SearchRecord { records[id] }
}

extension SearchRecord {
    /// The record as bytes, to be read back with `init(encoded:)` (a build's scratch file).
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(kind == .product ? 0 : 1)
        if let ocop {
            bytes.append(1)
            withUnsafeBytes(of: Int64(ocop).littleEndian) { bytes.append(contentsOf: $0) }
        } else {
            bytes.append(0)
        }
        for field in [url, name, businessName, sectorID, sectorName, place, price, text, keywords] {
            withUnsafeBytes(of: UInt32(field.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: field.utf8)
        }
    }

    /// A record from `encode(into:)`'s bytes; without `searchedText`, its `text`, `keywords` and
    /// sector are left empty, not decoded (what `displayRecord` needs: the lead text is most of
    /// a record, and decoding it was most of the display shards' time at the end of a build).
    public init(encoded bytes: [UInt8], searchedText: Bool = true) {
        var at = 0
        func integer<T: FixedWidthInteger>(_: T.Type) -> T {
            var value: T = 0
            withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[at..<at + MemoryLayout<T>.size]) }
            at += MemoryLayout<T>.size
            return T(littleEndian: value)
        }
        func text(_ wanted: Bool = true) -> String {
            let count = Int(integer(UInt32.self))
            defer { at += count }
            return wanted ? String(decoding: bytes[at..<at + count], as: UTF8.self) : ""
        }
        let kind: Kind = bytes[0] == 0 ? .product : .business
        let hasOCOP = bytes[1] == 1
        at = 2
        let ocop = hasOCOP ? Int(integer(Int64.self)) : nil
        let (url, name, businessName, sectorID, sectorName) = (text(), text(), text(), text(searchedText), text(searchedText))
        let (place, price, lead, keywords) = (text(), text(), text(searchedText), text(searchedText))
        self.init(kind: kind, url: url, name: name, businessName: businessName, sectorID: sectorID, sectorName: sectorName,
                  place: place, price: price, ocop: ocop, text: lead, keywords: keywords)
    }
}
