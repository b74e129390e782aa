import Diagnostics

/// `co-so.json` and `san-pham.json`: one object with the catalog's title and address and the
/// list of records, one record per line so that a diff between two builds reads line by line.
/// Every field is present in every record (`null` or `[]` when there is nothing), in the
/// order of `OpenDataColumns`.
enum OpenDataJSON {
    static func document<Record>(catalog: CatalogInfo, listName: String, schemaURL: String, records: [Record],
                                 columns: [Column<Record>]) -> String {
        var s = "{\"$schema\":" + JSONString.quote(schemaURL)
        s += ",\"catalog\":{\"title\":" + JSONString.quote(catalog.title) + ",\"url\":" + JSONString.quote(catalog.url) + "}"
        s += ",\"count\":\(records.count),\n" + JSONString.quote(listName) + ":["
        for (i, record) in records.enumerated() {
            s += i == 0 ? "\n" : ",\n"
            s += object(record, columns: columns)
        }
        return s + "\n]}\n"
    }

    static func object<Record>(_ record: Record, columns: [Column<Record>]) -> String {
        "{" + columns.map { JSONString.quote($0.name) + ":" + encode($0.value(record)) }.joined(separator: ",") + "}"
    }

    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return s.map { JSONString.quote(ExportText.clean($0)) } ?? "null"
        case .integer(let n): return n.map(String.init) ?? "null"
        case .number(let d): return d.flatMap { $0.isFinite ? String($0) : nil } ?? "null"
        case .boolean(let b): return b ? "true" : "false"
        case .texts(let list): return "[" + list.map { JSONString.quote(ExportText.clean($0)) }.joined(separator: ",") + "]"
        case .integers(let list): return "[" + list.map(String.init).joined(separator: ",") + "]"
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
