import Catalog
import Foundation

/// Copies the images an entry names into the site, next to the page that shows them, and
/// reads their size. Logos go to `co-so/<business>/`, product images to
/// `co-so/<business>/<product>/`: a file name can never collide with a page folder there.
struct MediaCopier {
    let business: Business
    let out: OutputFolder
    let urls: SiteURLs

    private var folder: String { URL(fileURLWithPath: business.file.path).deletingLastPathComponent().path }

    func copyLogo(_ name: String) throws -> MediaFile? {
        try copy(from: business.assetPaths[name] ?? folder + "/" + name, into: SiteURLs.business(business.slug), name: name)
    }

    func copyProductImage(_ name: String, product: String) throws -> MediaFile? {
        try copy(from: business.productAssetPaths[name] ?? folder + "/products/" + name, into: SiteURLs.product(business.slug, product), name: name)
    }

    /// Nil when the file is gone (the validator reports that; a draft may name one not yet added).
    private func copy(from source: String, into pageFolder: String, name: String) throws -> MediaFile? {
        guard let data = FileManager.default.contents(atPath: source) else { return nil }
        let bytes = Array(data)
        try out.write(pageFolder + name, bytes)
        let size = ImageSize.read(bytes)
        return MediaFile(src: urls.link(pageFolder + Markup.pathSegment(name)), width: size?.width, height: size?.height)
    }
}
