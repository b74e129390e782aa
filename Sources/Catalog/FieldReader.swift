import Diagnostics
import VietnameseText
import YAML

/// Reads the fields of one YAML mapping into typed, located values, reporting duplicate,
/// unknown, missing and wrongly typed fields as it goes.
///
/// Every scalar arrives as the text the seller wrote (`YAMLDocument` guesses no types):
/// `0912345678` keeps its zero and `no` stays a word. Types are decided here.
final class FieldReader {
    let file: String
    let lineOffset: Int
    let prefix: String
    let sink: DiagnosticSink
    /// The allowed fields present, in the order written. A list, not a dictionary: there are
    /// at most as many as the schema allows (a dozen or so), and hashing each name to build and
    /// read a dictionary per entry cost more than comparing a few short names.
    private var fields: [(name: String, key: YAMLNode, value: YAMLNode)] = []
    /// Nil for an empty front matter, read as an empty mapping.
    private let mappingNode: YAMLNode?
    private let anchorAtMapping: Bool

    init(mapping node: YAMLNode?, allowed: [String], file: String, lineOffset: Int, prefix: String = "",
         sink: DiagnosticSink, anchorAtMapping: Bool = false) {
        self.anchorAtMapping = anchorAtMapping || !prefix.isEmpty
        self.file = file
        self.lineOffset = lineOffset
        self.prefix = prefix
        self.sink = sink
        self.mappingNode = node
        guard let mapping = node?.pairs else { return }
        fields.reserveCapacity(min(mapping.count, allowed.count))
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar else {
                sink.error(.frontMatterNotMapping, at: location(of: keyNode))
                continue
            }
            let name = UnicodeText.nfc(key)
            if let first = field(name) {
                sink.error(.duplicateKey(key: prefix + name, firstLine: line(of: first.key)), at: location(of: keyNode))
                continue
            }
            if !allowed.contains(name) {
                let suggestion = Schema.suggestion(for: name, among: allowed)
                sink.warning(.unknownKey(key: prefix + name, suggestion: suggestion.map { prefix + $0 }), at: location(of: keyNode))
                continue
            }
            fields.append((name, keyNode, valueNode))
        }
    }

    func location(of node: YAMLNode?) -> SourceLocation {
        guard let node else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    private func line(of node: YAMLNode) -> Int { location(of: node).line }

    /// Where a missing field is reported: at the mapping for nested fields and list items,
    /// else at the top of the file.
    var ownLocation: SourceLocation {
        anchorAtMapping ? location(of: mappingNode) : SourceLocation(file: file, line: 1, column: 1)
    }

    private func field(_ name: String) -> (key: YAMLNode, value: YAMLNode)? {
        for field in fields where field.name == name { return (field.key, field.value) }
        return nil
    }

    func has(_ key: String) -> Bool { field(key) != nil }

    func keyLocation(_ key: String) -> SourceLocation? { field(key).map { location(of: $0.key) } }

    // MARK: - Scalars

    /// The scalar's text, or nil for YAML's null forms (`key:` alone, `~`, `null`).
    private func scalarText(_ node: YAMLNode) -> String? {
        guard let scalar = node.scalar else { return nil }
        if node.isPlain {
            switch scalar {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return scalar
    }

    /// A present, non-empty scalar field; reports when it is missing, empty or not a scalar.
    private func scalarField(_ key: String, required: Bool, expected: ValueKind) -> (String, YAMLNode)? {
        guard let (_, value) = field(key) else {
            if required { sink.error(.missingField(key: prefix + key), at: ownLocation) }
            return nil
        }
        guard value.scalar != nil else {
            sink.error(.wrongType(key: prefix + key, expected: expected), at: location(of: value))
            return nil
        }
        guard let text = scalarText(value), !text.isBlank else {
            if required { sink.error(.emptyField(key: prefix + key), at: location(of: field(key)!.key)) }
            return nil
        }
        return (text, value)
    }

    func text(_ key: String, required: Bool = false) -> Located<String>? {
        guard let (raw, node) = scalarField(key, required: required, expected: .text) else { return nil }
        return located(UnicodeText.nfc(raw.trimmingSpaces), node)
    }

    func integer(_ key: String, required: Bool = false, kind: ValueKind = .wholeNumber) -> Located<Int>? {
        guard let (raw, node) = scalarField(key, required: required, expected: kind) else { return nil }
        guard let n = Self.wholeNumber(raw.trimmingSpaces), kind != .year || raw.trimmingSpaces.count == 4 else {
            sink.error(.wrongType(key: prefix + key, expected: kind), at: location(of: node))
            return nil
        }
        return located(n, node)
    }

    func decimal(_ key: String, required: Bool = false) -> Located<Double>? {
        guard let (raw, node) = scalarField(key, required: required, expected: .decimal) else { return nil }
        guard let d = Double(raw.trimmingSpaces), d.isFinite else {
            sink.error(.wrongType(key: prefix + key, expected: .decimal), at: location(of: node))
            return nil
        }
        return located(d, node)
    }

    func yesNo(_ key: String) -> Bool? {
        guard let (raw, node) = scalarField(key, required: false, expected: .yesNo) else { return nil }
        switch raw.trimmingSpaces.lowercased() {
        case "true", "yes", "on", "có": return true
        case "false", "no", "off", "không": return false
        default:
            sink.error(.wrongType(key: prefix + key, expected: .yesNo), at: location(of: node))
            return nil
        }
    }

    func date(_ key: String, required: Bool = false) -> Located<CivilDate>? {
        guard let (raw, node) = scalarField(key, required: required, expected: .date) else { return nil }
        guard let date = CivilDate(iso: raw.trimmingSpaces) else {
            sink.error(.invalidDate(key: prefix + key, value: raw), at: location(of: node))
            return nil
        }
        return located(date, node)
    }

    func price(_ key: String, required: Bool = false) -> Located<Price>? {
        guard let (raw, node) = scalarField(key, required: required, expected: .price) else { return nil }
        let value = raw.trimmingSpaces
        if value.lowercased() == "contact" { return located(.contact, node) }
        if let n = Self.wholeNumber(value) {
            guard n > 0 else {
                sink.error(.pricePositive, at: location(of: node))
                return nil
            }
            return located(.amount(n), node)
        }
        sink.error(.priceNotWhole(value: raw, suggestion: PriceSuggestion.suggest(for: value)), at: location(of: node))
        return nil
    }

    // MARK: - Lists

    /// A list of scalars; a single scalar is taken as a list of one, as sellers often write it.
    private func listItems(_ key: String, expected: ValueKind) -> [YAMLNode] {
        guard let (_, value) = field(key) else { return [] }
        if let sequence = value.items {
            var items: [YAMLNode] = []
            for item in sequence {
                if item.scalar == nil {
                    sink.error(.wrongType(key: prefix + key, expected: expected), at: location(of: item))
                } else if scalarText(item) != nil {
                    items.append(item)
                }
            }
            return items
        }
        if value.scalar != nil { return scalarText(value) == nil ? [] : [value] }
        sink.error(.wrongType(key: prefix + key, expected: expected), at: location(of: value))
        return []
    }

    func textList(_ key: String) -> [Located<String>] {
        listItems(key, expected: .textList).compactMap { node in
            let text = UnicodeText.nfc(scalarText(node)!.trimmingSpaces)
            return text.isEmpty ? nil : located(text, node)
        }
    }

    func integerList(_ key: String, expected: ValueKind) -> [Located<Int>] {
        listItems(key, expected: expected).compactMap { node in
            guard let n = Self.wholeNumber(scalarText(node)!.trimmingSpaces) else {
                sink.error(.wrongType(key: prefix + key, expected: expected), at: location(of: node))
                return nil
            }
            return located(n, node)
        }
    }

    // MARK: - Nested mappings

    func nested(_ key: String, allowed: [String], required: Bool = false) -> FieldReader? {
        guard let (_, value) = field(key) else {
            if required { sink.error(.missingField(key: prefix + key), at: ownLocation) }
            return nil
        }
        guard value.kind == .mapping else {
            if value.scalar != nil, scalarText(value) == nil {
                if required { sink.error(.emptyField(key: prefix + key), at: location(of: field(key)!.key)) }
            } else {
                sink.error(.wrongType(key: prefix + key, expected: .mapping), at: location(of: value))
            }
            return nil
        }
        return FieldReader(mapping: value, allowed: allowed, file: file, lineOffset: lineOffset,
                           prefix: prefix + key + ".", sink: sink)
    }

    // MARK: - Helpers

    private func located<T>(_ value: T, _ node: YAMLNode) -> Located<T> {
        let l = location(of: node)
        return Located(value, line: l.line, column: l.column)
    }

    /// Digits only, no sign, no grouping: what the contract calls a whole number.
    static func wholeNumber(_ s: String) -> Int? {
        guard !s.isEmpty, s.utf8.count <= 15, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(s)
    }
}

extension String {
    /// Whether every character is white space (`Character.isWhitespace`). A value that starts
    /// with a visible ASCII character, nearly every one, is answered from its first byte.
    var isBlank: Bool {
        if let first = utf8.first, first < 0x80, !Self.isASCIISpace(first) { return false }
        return allSatisfy(\.isWhitespace)
    }

    /// White space by Unicode's definition, among ASCII bytes: tab, line feed, vertical tab,
    /// form feed, carriage return and space.
    static func isASCIISpace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    /// The text without white space (Unicode's) at either end. Returned as it is, without
    /// looking at any scalar, when both ends are visible ASCII.
    var trimmingSpaces: String {
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIISpace(first), !Self.isASCIISpace(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
