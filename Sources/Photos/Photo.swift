/// The files made from one source photo, kept in one cache entry.
public struct Photo: Sendable, Equatable {
    public enum Format: String, Sendable {
        case webp, jpeg
        public var fileExtension: String { self == .webp ? "webp" : "jpg" }
        public var mimeType: String { self == .webp ? "image/webp" : "image/jpeg" }
    }

    public struct Variant: Sendable, Equatable {
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

// MARK: - The cache entry's manifest (`photo.txt`)

extension Photo {

    /// One line per field, read without a JSON decoder: a warm build reads one per photo, and
    /// Foundation's JSONDecoder costs more than everything else a cached photo needs.
    ///
    ///     chonoi-photo 1
    ///     source <sha-256>
    ///     size <width> <height>
    ///     variant <webp|jpeg> <width> <height> <file> <bytes>
    ///     og <width> <height> <file> <bytes>
    var manifest: String {
        var lines = ["chonoi-photo 1", "source \(sourceHash)", "size \(width) \(height)"]
        for v in variants { lines.append("variant \(v.format.rawValue) \(v.width) \(v.height) \(v.file) \(v.bytes)") }
        if let og = openGraph { lines.append("og \(og.width) \(og.height) \(og.file) \(og.bytes)") }
        return lines.joined(separator: "\n") + "\n"
    }

    init?(manifest text: String) {
        var hash: String?, size: (Int, Int)?, variants: [Variant] = [], og: Variant?
        var lines = text.split(separator: "\n")
        guard lines.first == "chonoi-photo 1" else { return nil }
        lines.removeFirst()
        for line in lines {
            let f = line.split(separator: " ")
            switch (f.first, f.count) {
            case ("source", 2): hash = String(f[1])
            case ("size", 3):
                guard let w = Int(f[1]), let h = Int(f[2]) else { return nil }
                size = (w, h)
            case ("variant", 6):
                guard let format = Format(rawValue: String(f[1])), let w = Int(f[2]), let h = Int(f[3]), let b = Int(f[5]) else { return nil }
                variants.append(Variant(width: w, height: h, format: format, file: String(f[4]), bytes: b))
            case ("og", 5):
                guard let w = Int(f[1]), let h = Int(f[2]), let b = Int(f[4]) else { return nil }
                og = Variant(width: w, height: h, format: .jpeg, file: String(f[3]), bytes: b)
            default: return nil
            }
        }
        guard let hash, let size, !variants.isEmpty else { return nil }
        self.init(sourceHash: hash, width: size.0, height: size.1, variants: variants, openGraph: og)
    }
}
