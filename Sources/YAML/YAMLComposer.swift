import CYAML

/// Builds a `YAMLDocument` from libyaml's event stream, without recursion (an open
/// collection is a stack entry, its finished children wait in `pending`).
///
/// The errors are libyaml's, with its positions (line and column from 1); composing adds
/// two of its own, worded as libyaml's composer words them: an alias to no anchor, and a
/// second document. An anchor names its node once the node is complete, so `&s [*s]` is
/// an undefined alias rather than a loop.
struct YAMLComposer {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var nodes: [YAMLDocument.Stored] = []
    private var children: [Int32] = []
    private var anchors: [String: Int32] = [:]

    private struct Open {
        var node: Int32
        var pendingStart: Int
        var anchor: String?
    }

    private var open: [Open] = []
    private var pending: [Int32] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        nodes.reserveCapacity(32) // a front matter's worth, so the arrays do not grow one by one
        children.reserveCapacity(32)
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    mutating func singleDocument() throws(YAMLError) -> YAMLDocument? {
        var event = yaml_event_t()
        try next(&event) // the stream's start
        yaml_event_delete(&event)
        try next(&event)
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return nil } // no document at all
        let root = try composeNode()
        var end = yaml_event_t()
        try next(&end) // the document's end
        yaml_event_delete(&end)
        var after = yaml_event_t()
        try next(&after)
        defer { yaml_event_delete(&after) }
        if after.type != YAML_STREAM_END_EVENT {
            throw YAMLError(problem: "but found another document", line: Int(after.start_mark.line) + 1,
                            column: Int(after.start_mark.column) + 1)
        }
        return YAMLDocument(nodes: nodes, children: children, rootIndex: root)
    }

    /// Reads events up to the end of the node that starts with the next one.
    private mutating func composeNode() throws(YAMLError) -> Int32 {
        var event = yaml_event_t()
        while true {
            try next(&event)
            defer { yaml_event_delete(&event) }
            let finished: Int32
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = Self.text(UnsafeBufferPointer(start: scalar.value, count: scalar.length))
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                finished = add(.scalar, isPlain: plain, at: event.start_mark, text: text)
                if let anchor = Self.name(scalar.anchor) { anchors[anchor] = finished }
            case YAML_ALIAS_EVENT:
                guard let anchor = Self.name(event.data.alias.anchor), let target = anchors[anchor] else {
                    throw YAMLError(problem: "found undefined alias", line: Int(event.start_mark.line) + 1,
                                    column: Int(event.start_mark.column) + 1)
                }
                finished = target
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let node = add(isSequence ? .sequence : .mapping, isPlain: false, at: event.start_mark, text: "")
                let anchor = Self.name(isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
                open.append(Open(node: node, pendingStart: pending.count, anchor: anchor))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let closing = open.removeLast()
                let count = pending.count - closing.pendingStart
                nodes[Int(closing.node)].first = Int32(children.count)
                nodes[Int(closing.node)].count = Int32(count)
                children.append(contentsOf: pending[closing.pendingStart...])
                pending.removeLast(count)
                if let anchor = closing.anchor { anchors[anchor] = closing.node }
                finished = closing.node
            default:
                continue // libyaml gives no other event inside a document
            }
            if open.isEmpty { return finished }
            pending.append(finished)
        }
    }

    private mutating func add(_ kind: YAMLNode.Kind, isPlain: Bool, at mark: yaml_mark_t, text: String) -> Int32 {
        nodes.append(YAMLDocument.Stored(kind: kind, isPlain: isPlain, line: Int32(clamping: mark.line + 1),
                                         column: Int32(clamping: mark.column + 1), text: text, first: 0, count: 0))
        return Int32(nodes.count - 1)
    }

    private func next(_ event: inout yaml_event_t) throws(YAMLError) {
        guard yaml_parser_parse(parser, &event) == 1 else { throw failure() }
    }

    /// libyaml's own report. A reader problem (a control character, say) comes with a byte
    /// offset rather than a line, so it has no position here.
    private func failure() -> YAMLError {
        let p = parser.pointee
        switch p.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(problem: "Memory error", line: nil, column: nil)
        case YAML_READER_ERROR:
            return YAMLError(problem: String(cString: p.problem), line: nil, column: nil)
        default:
            return YAMLError(problem: p.problem.map { String(cString: $0) } ?? "unknown problem",
                             line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1)
        }
    }

    /// A scalar's text. One byte-order mark at its start is dropped: it comes from text pasted
    /// out of a Windows file into the middle of a line (`published: \u{FEFF}2026-09-27`), where
    /// it is invisible, and the value is meant without it (as Foundation's UTF-8 decoding, and
    /// so the loader before this one, read it).
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: UnsafePointer($0)) }
    }
}
