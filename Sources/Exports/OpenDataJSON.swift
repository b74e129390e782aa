import Diagnostics

/// `co-so.json` and `san-pham.json`: one object with the catalog's title and address and the
/// list of records, one record per line so that a diff between two builds reads line by line.
/// Every field is present in every record (`null` or `[]` when there is nothing), in the
/// order of `OpenDataColumns`.
///
/// Written as UTF-8 bytes, field by field, a record at a time (`Writer`, fed by `ExportStream`).
enum OpenDataJSON {
    /// One file a record at a time: `start`, `add` for each record, `finish`. The count of
    /// records comes first in the file, so it is given at the start.
    struct Writer<Record> {
        let columns: [Column<Record>]
        /// `"name":` of every column, encoded once.
        private let keys: [[UInt8]]
        private(set) var added = 0

        init(columns: [Column<Record>]) {
            self.columns = columns
            keys = columns.map { column in
                var key: [UInt8] = []
                JSONString.append(column.name, to: &key)
                key.append(UInt8(ascii: ":"))
                return key
            }
        }

        func start(catalog: CatalogInfo, listName: String, schemaURL: String, count: Int, to out: inout [UInt8]) {
            out.append("{\"$schema\":")
            JSONString.append(schemaURL, to: &out)
            out.append(",\"catalog\":{\"title\":")
            JSONString.append(catalog.title, to: &out)
            out.append(",\"url\":")
            JSONString.append(catalog.url, to: &out)
            out.append("},\"count\":")
            out.append(decimal: count)
            out.append(",\n")
            JSONString.append(listName, to: &out)
            out.append(":[")
        }

        mutating func add(_ record: Record, to out: inout [UInt8]) {
            out.append(added == 0 ? "\n{" : ",\n{")
            added += 1
            for (j, column) in columns.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: keys[j])
                OpenDataJSON.append(column.value(record), to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }

        func finish(to out: inout [UInt8]) {
            out.append("\n]}\n")
        }
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
