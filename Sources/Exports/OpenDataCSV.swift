/// The open data as CSV (RFC 4180) for spreadsheet programs: UTF-8 with a byte-order mark,
/// without which Excel reads Vietnamese letters as Windows-1252, CRLF line ends, and the
/// same columns as the JSON (lists joined with "; ", `true`/`false`, an empty cell for null).
///
/// Seller text that starts like a formula (`=`, `+`, `-`, `@`, or a tab) gets a leading
/// apostrophe, so a spreadsheet shows it as text instead of running it (CSV injection); the
/// apostrophe is visible in the cell.
///
/// Written as UTF-8 bytes, cell by cell, a record at a time (`ExportStream`).
enum OpenDataCSV {
    /// The byte-order mark and the columns' names.
    static func appendHeader<Record>(_ columns: [Column<Record>], to out: inout [UInt8]) {
        out.append("\u{FEFF}")
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(column.name, defused: false, to: &out)
        }
        out.append("\r\n")
    }

    /// One record's line (`scratch`: see `appendCell`).
    static func appendRow<Record>(_ record: Record, columns: [Column<Record>], to out: inout [UInt8], scratch: inout [UInt8]) {
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendCell(column.value(record), to: &out, scratch: &scratch)
        }
        out.append("\r\n")
    }

    /// One cell as the file holds it (quoted when it must be), for tests.
    static func field(_ cell: Cell) -> String {
        var out: [UInt8] = [], scratch: [UInt8] = []
        appendCell(cell, to: &out, scratch: &scratch)
        return String(decoding: out, as: UTF8.self)
    }

    /// `scratch` holds a list's text while it is joined (reused from cell to cell).
    static func appendCell(_ cell: Cell, to out: inout [UInt8], scratch: inout [UInt8]) {
        switch cell {
        case .text(let s?):
            ExportText.withCleanUTF8(s) { appendField($0, defused: true, to: &out) }
        case .text(nil), .integer(nil):
            break
        case .integer(let n?):
            out.append(decimal: n)
        case .number(let d):
            if let d, d.isFinite { appendField(String(d), defused: false, to: &out) }
        case .boolean(let b):
            out.append(b ? "true" : "false")
        case .texts(let list):
            scratch.removeAll(keepingCapacity: true)
            for (i, item) in list.enumerated() {
                if i > 0 { scratch.append("; ") }
                ExportText.appendClean(item, to: &scratch)
            }
            scratch.withUnsafeBufferPointer { appendField($0, defused: true, to: &out) }
        case .integers(let list):
            for (i, n) in list.enumerated() {
                if i > 0 { out.append("; ") }
                out.append(decimal: n)
            }
        }
    }

    /// The characters a spreadsheet reads as the start of a formula (all ASCII).
    static func isFormulaStart(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@") || b == 0x09
    }

    static func appendField(_ s: String, defused: Bool, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendField($0, defused: defused, to: &out) }
    }

    /// `text` with an apostrophe before a formula start when `defused`, and quoted, with quotes
    /// doubled, when it holds a comma, a quote or a line break.
    static func appendField(_ text: UnsafeBufferPointer<UInt8>, defused: Bool, to out: inout [UInt8]) {
        let formula = defused && !text.isEmpty && isFormulaStart(text[0])
        guard text.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            if formula { out.append(UInt8(ascii: "'")) }
            out.append(contentsOf: text)
            return
        }
        out.append(0x22)
        if formula { out.append(UInt8(ascii: "'")) }
        var run = 0
        for i in 0..<text.count where text[i] == 0x22 {
            // Copies up to and including the quote, which the next run starts with again.
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...i]))
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
        out.append(0x22)
    }
}
