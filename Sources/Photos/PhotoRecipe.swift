/// How a photo is turned into the site's files: the widths (never wider than the original),
/// the WebP and JPEG qualities, and whether a 1200×630 JPEG for Open Graph is made.
public struct PhotoRecipe: Sendable, Hashable {
    public var widths: [Int]
    public var webpQuality: Int
    public var jpegQuality: Int
    public var openGraph: Bool

    public static let openGraphWidth = 1200
    public static let openGraphHeight = 630
    /// Bumped whenever the pipeline's output changes for the same recipe, so old cache
    /// entries are no longer used (and are pruned).
    static let revision = 2

    public init(widths: [Int], webpQuality: Int = 75, jpegQuality: Int = 80, openGraph: Bool = false) {
        self.widths = Array(Set(widths.filter { $0 > 0 })).sorted()
        self.webpQuality = webpQuality
        self.jpegQuality = jpegQuality
        self.openGraph = openGraph
    }

    /// The widths made from a photo `width` pixels wide (as shown): the recipe's widths below
    /// it, then the largest one, capped at the photo's own width.
    public func targets(forSourceWidth width: Int) -> [Int] {
        guard let largest = widths.last else { return [] }
        var targets = widths.filter { $0 < width }
        let top = min(largest, width)
        if targets.last != top { targets.append(top) }
        return targets
    }

    /// Everything that decides the bytes of the output, libvips' version included.
    var fingerprint: String {
        "r\(Self.revision);vips \(Vips.version);w \(widths.map(String.init).joined(separator: ","));webp q\(webpQuality);jpeg q\(jpegQuality) progressive;og \(openGraph ? "\(Self.openGraphWidth)x\(Self.openGraphHeight)" : "-")"
    }
}

extension PhotoRecipe {
    /// Product photos, for the default theme's layouts: 320 for the cards (88 CSS px on a
    /// phone, about 300 on wider screens), 720 for the product page on a phone (343 CSS px at a
    /// device pixel ratio of 2 needs 686) and on a desktop (640 CSS px), 1280 for a large view
    /// (a phone at DPR 3, a desktop at DPR 2); the first photo of a product also gets the Open
    /// Graph frame.
    public static func productPhoto(openGraph: Bool) -> PhotoRecipe {
        PhotoRecipe(widths: [320, 720, 1280], openGraph: openGraph)
    }

    /// Logos are shown at most 88 CSS px wide (176 pixels on a phone's screen); the business
    /// page's Open Graph frame is made from the logo.
    public static let logo = PhotoRecipe(widths: [160, 320], openGraph: true)

    /// Below this width a product photo looks blurred even in a card (`chonoi check` warns).
    public static var smallestProductWidth: Int { productPhoto(openGraph: false).widths.first! }
    public static var smallestLogoWidth: Int { logo.widths.first! }
}
