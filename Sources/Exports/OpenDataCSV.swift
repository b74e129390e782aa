/// The open data as CSV (RFC 4180) for spreadsheet programs: UTF-8 with a byte-order mark,
/// without which Excel reads Vietnamese letters as Windows-1252, CRLF line ends, and the
/// same columns as the JSON (lists joined with "; ", `true`/`false`, an empty cell for null).
///
/// Seller text that starts like a formula (`=`, `+`, `-`, `@`, or a tab) gets a leading
/// apostrophe, so a spreadsheet shows it as text instead of running it (CSV injection); the
/// apostrophe is visible in the cell.
enum OpenDataCSV {
    static let byteOrderMark = "\u{FEFF}"

    static func write<Record>(records: [Record], columns: [Column<Record>], to sink: inout TextSink) throws {
        try sink.add(byteOrderMark + columns.map { field($0.name) }.joined(separator: ",") + "\r\n")
        for record in records {
            try sink.add(columns.map { field(text($0.value(record))) }.joined(separator: ",") + "\r\n")
        }
    }

    static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return s.map { defused(ExportText.clean($0)) } ?? ""
        case .integer(let n): return n.map(String.init) ?? ""
        case .number(let d): return d.flatMap { $0.isFinite ? String($0) : nil } ?? ""
        case .boolean(let b): return b ? "true" : "false"
        case .texts(let list): return defused(ExportText.clean(list.joined(separator: "; ")))
        case .integers(let list): return list.map(String.init).joined(separator: "; ")
        }
    }

    /// The characters a spreadsheet reads as the start of a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t"]

    static func defused(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, formulaStarts.contains(first) else { return s }
        return "'" + s
    }

    /// Quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    static func field(_ s: String) -> String {
        guard ExportText.contains(s, anyOf: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var quoted = "\""
        for c in s.unicodeScalars {
            if c == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(c)
        }
        return quoted + "\""
    }
}
