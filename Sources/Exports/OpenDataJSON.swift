import Diagnostics

/// `co-so.json` and `san-pham.json`: one object with the catalog's title and address and the
/// list of records, one record per line so that a diff between two builds reads line by line.
/// Every field is present in every record (`null` or `[]` when there is nothing), in the
/// order of `OpenDataColumns`.
///
/// Written as UTF-8 bytes, field by field, straight into the sink.
enum OpenDataJSON {
    static func write<Record>(catalog: CatalogInfo, listName: String, schemaURL: String, records: some Collection<Record>,
                              columns: [Column<Record>], to sink: inout TextSink) throws {
        sink.bytes.append("{\"$schema\":")
        JSONString.append(schemaURL, to: &sink.bytes)
        sink.bytes.append(",\"catalog\":{\"title\":")
        JSONString.append(catalog.title, to: &sink.bytes)
        sink.bytes.append(",\"url\":")
        JSONString.append(catalog.url, to: &sink.bytes)
        sink.bytes.append("},\"count\":")
        sink.bytes.append(decimal: records.count)
        sink.bytes.append(",\n")
        JSONString.append(listName, to: &sink.bytes)
        sink.bytes.append(":[")
        // `"name":` of every column, encoded once.
        let keys: [[UInt8]] = columns.map { column in
            var key: [UInt8] = []
            JSONString.append(column.name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        for (i, record) in records.enumerated() {
            sink.bytes.append(i == 0 ? "\n{" : ",\n{")
            for (j, column) in columns.enumerated() {
                if j > 0 { sink.bytes.append(UInt8(ascii: ",")) }
                sink.bytes.append(contentsOf: keys[j])
                append(column.value(record), to: &sink.bytes)
            }
            sink.bytes.append(UInt8(ascii: "}"))
            try sink.flushIfFull()
        }
        try sink.add("\n]}\n")
    }

    /// `JSONString` (which also escapes `<`, `>`, `&`, U+2028 and U+2029) after cleaning.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        ExportText.withCleanUTF8(s) { JSONString.append(utf8: $0, to: &out) }
    }

    static func append(_ cell: Cell, to out: inout [UInt8]) {
        switch cell {
        case .text(let s?): appendQuoted(s, to: &out)
        case .text(nil), .integer(nil): out.append("null")
        case .integer(let n?): out.append(decimal: n)
        case .number(let d):
            if let d, d.isFinite { out.append(contentsOf: String(d).utf8) } else { out.append("null") }
        case .boolean(let b): out.append(b ? "true" : "false")
        case .texts(let list):
            out.append(UInt8(ascii: "["))
            for (i, item) in list.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendQuoted(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .integers(let list):
            out.append(UInt8(ascii: "["))
            for (i, n) in list.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(decimal: n)
            }
            out.append(UInt8(ascii: "]"))
        }
    }
}

/// The catalog's own title and home address, at the top of every export.
public struct CatalogInfo: Sendable {
    public var title: String
    public var description: String?
    /// The home page's absolute address.
    public var url: String

    public init(title: String, description: String?, url: String) {
        self.title = title
        self.description = description
        self.url = url
    }
}
