/// One YAML document as libyaml reads it: scalars kept as the text written (no types are
/// guessed: `0912345678` keeps its zero, `no` stays a word), every node with the line and
/// column it starts at.
///
/// The nodes live in two flat arrays instead of a tree of objects: front matter is a few dozen
/// nodes, read once, and a catalog has tens of thousands of files, so the cost per node is
/// what counts. An alias is the node its anchor names (the same index), as YAML means it,
/// so `*a` repeated never copies anything.
public final class YAMLDocument {
    struct Stored {
        var kind: YAMLNode.Kind
        var isPlain: Bool
        var line: Int32
        var column: Int32
        /// A scalar's text; empty for collections.
        var text: String
        /// A collection's children in `children`: items, or key and value by turns.
        var first: Int32
        var count: Int32
    }

    // Constants once composed: reading a `let` of a class needs no run-time exclusivity check.
    let nodes: [Stored]
    let children: [Int32]
    let rootIndex: Int32

    init(nodes: [Stored], children: [Int32], rootIndex: Int32) {
        self.nodes = nodes
        self.children = children
        self.rootIndex = rootIndex
    }

    /// The document's top node.
    public var root: YAMLNode { YAMLNode(document: self, index: Int(rootIndex)) }

    /// Reads a stream holding at most one document. Nil when it holds none (empty text,
    /// only comments). Throws libyaml's own problem and position, or, as composing goes,
    /// an undefined alias or a second document.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> YAMLDocument? {
        var composer = YAMLComposer(bytes)
        defer { composer.close() }
        return try composer.singleDocument()
    }

    public static func parse(_ text: String) throws(YAMLError) -> YAMLDocument? {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(YAMLError) in try parse(utf8: bytes) } }.get()
    }
}

/// A node of a `YAMLDocument`.
public struct YAMLNode {
    public enum Kind: UInt8 {
        case scalar
        case sequence
        case mapping
    }

    let document: YAMLDocument
    let index: Int

    private var stored: YAMLDocument.Stored { document.nodes[index] }

    public var kind: Kind { stored.kind }

    /// Where the node starts: line and column from 1, columns counted in Unicode scalars.
    public var line: Int { Int(stored.line) }
    public var column: Int { Int(stored.column) }

    /// The scalar's text as written (after YAML's quoting, escapes and folding); nil for a collection.
    public var scalar: String? { stored.kind == .scalar ? stored.text : nil }

    /// Whether the scalar was written without quotes or a block indicator: only then are
    /// an empty text, `~` and `null` YAML's null.
    public var isPlain: Bool { stored.isPlain }

    /// A sequence's items; nil for a scalar or a mapping.
    public var items: Items? { stored.kind == .sequence ? Items(node: self) : nil }

    /// A mapping's keys and values, in the order written; nil for a scalar or a sequence.
    public var pairs: Pairs? { stored.kind == .mapping ? Pairs(node: self) : nil }

    fileprivate func child(_ offset: Int) -> YAMLNode {
        YAMLNode(document: document, index: Int(document.children[Int(stored.first) + offset]))
    }

    public struct Items: RandomAccessCollection {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { Int(node.stored.count) }
        public subscript(position: Int) -> YAMLNode { node.child(position) }
    }

    public struct Pairs: RandomAccessCollection {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { Int(node.stored.count) / 2 }
        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            (node.child(2 * position), node.child(2 * position + 1))
        }
    }
}

/// What stopped a YAML text from being read: libyaml's problem (in English, as it words it)
/// and, when it knows, the line and column (from 1) where it noticed.
public struct YAMLError: Error, CustomStringConvertible {
    public var problem: String
    public var line: Int?
    public var column: Int?

    public var description: String {
        guard let line, let column else { return problem }
        return "\(line):\(column): \(problem)"
    }
}
