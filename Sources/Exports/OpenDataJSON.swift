import Diagnostics

/// `co-so.json` and `san-pham.json`: one object with the catalog's title and address and the
/// list of records, one record per line so that a diff between two builds reads line by line.
/// Every field is present in every record (`null` or `[]` when there is nothing), in the
/// order of `OpenDataColumns`.
enum OpenDataJSON {
    static func write<Record>(catalog: CatalogInfo, listName: String, schemaURL: String, records: [Record],
                              columns: [Column<Record>], to sink: inout TextSink) throws {
        try sink.add("{\"$schema\":" + JSONString.quote(schemaURL))
        try sink.add(",\"catalog\":{\"title\":" + JSONString.quote(catalog.title) + ",\"url\":" + JSONString.quote(catalog.url) + "}")
        try sink.add(",\"count\":\(records.count),\n" + JSONString.quote(listName) + ":[")
        for (i, record) in records.enumerated() {
            try sink.add((i == 0 ? "\n" : ",\n") + object(record, columns: columns))
        }
        try sink.add("\n]}\n")
    }

    static func object<Record>(_ record: Record, columns: [Column<Record>]) -> String {
        "{" + columns.map { JSONString.quote($0.name) + ":" + encode($0.value(record)) }.joined(separator: ",") + "}"
    }

    /// `JSONString.quote` (which also escapes `<`, `>`, `&`, U+2028 and U+2029, whose UTF-8
    /// starts with 0xE2), after cleaning; text with nothing to escape is quoted as it is.
    static func quote(_ s: String) -> String {
        let clean = ExportText.clean(s)
        let special = ExportText.contains(clean) { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }
        return special ? JSONString.quote(clean) : "\"" + clean + "\""
    }

    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return s.map(quote) ?? "null"
        case .integer(let n): return n.map(String.init) ?? "null"
        case .number(let d): return d.flatMap { $0.isFinite ? String($0) : nil } ?? "null"
        case .boolean(let b): return b ? "true" : "false"
        case .texts(let list): return "[" + list.map(quote).joined(separator: ",") + "]"
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
