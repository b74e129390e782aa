import Catalog
import Foundation
import Photos

/// Puts the pictures an entry names into the site, next to the page that shows them: logos in
/// `co-so/<business>/`, product photos in `co-so/<business>/<product>/`. A seller's original
/// file is never published: each picture is re-encoded by `Photos` (a few widths, WebP and a
/// JPEG fallback, EXIF orientation applied, every piece of metadata removed), taken from the
/// image cache when its bytes were encoded before, and hard-linked (or copied) into the site as
/// `<name>.<hash>-<width>.webp|jpg`, plus `<name>.<hash>-og.jpg` (1200×630) for Open Graph.
struct MediaCopier {
    let business: Business
    let out: OutputFolder
    let urls: SiteURLs
    let photos: PhotoCache

    private var folder: String { URL(fileURLWithPath: business.file.path).deletingLastPathComponent().path }

    func copyLogo(_ name: String) throws -> MediaFile? {
        try place(business.assetPaths[name] ?? folder + "/" + name, into: SiteURLs.business(business.slug), name: name, recipe: .logo)
    }

    func copyProductImage(_ name: String, product: String, first: Bool) throws -> MediaFile? {
        try place(business.productAssetPaths[name] ?? folder + "/products/" + name, into: SiteURLs.product(business.slug, product), name: name,
                  recipe: .productPhoto(openGraph: first))
    }

    /// Every picture of a business with its recipe, for `PhotoCache.prepare` (encoding them in
    /// parallel before the pages ask for them one by one). Paths are the names on disk, which
    /// may be in another Unicode form than the entry's (see `Business.assetPaths`).
    static func jobs(for b: Business, products: [Product]) -> [(path: String, recipe: PhotoRecipe)] {
        let folder = URL(fileURLWithPath: b.file.path).deletingLastPathComponent().path
        var jobs: [(path: String, recipe: PhotoRecipe)] = []
        if let logo = b.logo?.value { jobs.append((b.assetPaths[logo] ?? folder + "/" + logo, .logo)) }
        for p in products {
            for (i, image) in p.images.enumerated() {
                jobs.append((b.productAssetPaths[image.value] ?? folder + "/products/" + image.value, .productPhoto(openGraph: i == 0)))
            }
        }
        return jobs.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Nil when the file is gone (the validator reports that; a draft may name one not yet added).
    private func place(_ source: String, into pageFolder: String, name: String, recipe: PhotoRecipe) throws -> MediaFile? {
        guard FileManager.default.fileExists(atPath: source) else { return nil }
        let (photo, entry) = try photos.photo(at: source, recipe: recipe)
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let prefix = stem + "." + photo.sourceHash.prefix(10) + "-"
        func link(_ v: Photo.Variant, _ suffix: String) throws -> String {
            let file = prefix + suffix + "." + v.format.fileExtension
            try out.place(pageFolder + file, from: entry + "/" + v.file)
            return urls.link(pageFolder + Markup.pathSegment(file))
        }
        var webp: [(String, Int)] = [], jpeg: [(String, Int)] = []
        for v in photo.variants {
            let url = try link(v, String(v.width))
            if v.format == .webp { webp.append((url, v.width)) } else { jpeg.append((url, v.width)) }
        }
        let openGraph = try photo.openGraph.map { try link($0, "og") }
        // The fallback for browsers that ignore srcset: a middle size, not the largest.
        let fallback = jpeg.last { $0.1 <= 720 } ?? jpeg[0]
        return MediaFile(src: fallback.0, width: photo.width, height: photo.height,
                         srcset: jpeg.map { "\($0.0) \($0.1)w" }.joined(separator: ", "),
                         webpSrcset: webp.map { "\($0.0) \($0.1)w" }.joined(separator: ", "),
                         largest: jpeg.last!.0, openGraph: openGraph)
    }
}
