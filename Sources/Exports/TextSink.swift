/// Where an export's bytes go, piece by piece: the product JSON of a 10,000-business catalog
/// is over 100 MB, and holding it whole would double the build's peak memory. The encoders
/// append UTF-8 to `bytes` and call `flushIfFull` after each record; pieces are gathered to
/// 64 KB before they are passed on, so the file is written in few system calls.
public struct TextSink {
    public typealias Emit = ([UInt8]) throws -> Void
    private let emit: Emit
    /// What is not passed on yet.
    var bytes: [UInt8] = []
    static let pieceSize = 1 << 16

    public init(_ emit: @escaping Emit) {
        self.emit = emit
        bytes.reserveCapacity(Self.pieceSize + 4096)
    }

    mutating func add(_ s: String) throws {
        bytes.append(contentsOf: s.utf8)
        try flushIfFull()
    }

    mutating func flushIfFull() throws {
        if bytes.count >= Self.pieceSize {
            try emit(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Passes on what is left; call once at the end of the file.
    mutating func finish() throws {
        if !bytes.isEmpty { try emit(bytes) }
        bytes = []
    }
}
