/// Text kept as the UTF-8 bytes it was made in, for a context value that is only ever written
/// into a page: a body's HTML, an inline QR code, JSON-LD. Made into a `String`, each would be
/// checked byte by byte as UTF-8 (a twentieth of a build's CPU time at 10,000 businesses) only
/// to be turned back into the same bytes when the page is written.
public struct UTF8Text: Sendable, Hashable {
    public let bytes: [UInt8]

    /// `bytes` must be valid UTF-8: made from `String`s, or by a library that was given them
    /// (cmark-gfm keeps what it is given and writes ASCII of its own). `string` repairs
    /// anything else as `String(decoding:)` does, but the page gets the bytes as they are.
    public init(validUTF8 bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ string: String) {
        self.bytes = Array(string.utf8)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var isEmpty: Bool { bytes.isEmpty }
}
