/// Where an export's text goes, piece by piece: the product JSON of a 10,000-business catalog
/// is over 100 MB, and holding it whole (and then a copy in bytes to write it) would double
/// the build's peak memory. Pieces are gathered to 64 KB before they are passed on, so the
/// file is written in few system calls.
public struct TextSink {
    public typealias Emit = (String) throws -> Void
    private let emit: Emit
    private var buffer = ""
    static let pieceSize = 1 << 16

    public init(_ emit: @escaping Emit) {
        self.emit = emit
        buffer.reserveCapacity(Self.pieceSize + 4096)
    }

    mutating func add(_ s: String) throws {
        buffer += s
        if buffer.utf8.count >= Self.pieceSize {
            try emit(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Passes on what is left; call once at the end of the file.
    mutating func finish() throws {
        if !buffer.isEmpty { try emit(buffer) }
        buffer = ""
    }
}
