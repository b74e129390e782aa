/// The files made from one source photo, kept in one cache entry.
public struct Photo: Sendable, Codable, Equatable {
    public enum Format: String, Sendable, Codable {
        case webp, jpeg
        public var fileExtension: String { self == .webp ? "webp" : "jpg" }
        public var mimeType: String { self == .webp ? "image/webp" : "image/jpeg" }
    }

    public struct Variant: Sendable, Codable, Equatable {
        public var width: Int
        public var height: Int
        public var format: Format
        /// The file's name inside the cache entry, e.g. `720.webp`.
        public var file: String
        public var bytes: Int
    }

    /// SHA-256 of the source file's bytes (hex).
    public var sourceHash: String
    /// The size of the largest variant: the picture's aspect ratio for `width`/`height`.
    public var width: Int
    public var height: Int
    /// Every width, smallest first, WebP then JPEG at each width.
    public var variants: [Variant]
    /// The 1200×630 JPEG for Open Graph, when the recipe asks for it.
    public var openGraph: Variant?

    public func variants(_ format: Format) -> [Variant] { variants.filter { $0.format == format } }

    /// All files of the entry.
    public var files: [Variant] { variants + (openGraph.map { [$0] } ?? []) }
}
