/// A QR symbol as a square of modules, without its quiet zone: what libqrencode computed,
/// copied out of its buffer so the C memory is freed at once.
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    public init(size: Int, modules: [Bool]) {
        precondition(modules.count == size * size, "a QR matrix is square")
        self.size = size
        self.modules = modules
    }

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
