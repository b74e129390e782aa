import Catalog
import Exports

/// The files for partner platforms (`du-lieu/`: product feed, open data), from the records
/// each business's render left (`PageRenderer.BusinessOutput.exports`), in page order:
/// businesses A–Z, each one's products A–Z.
enum PartnerExports {
    static func render(_ entries: [ExportEntry], catalog: Catalog, urls: SiteURLs) -> (files: [(path: String, text: String)], feed: ProductFeed.Summary) {
        let info = CatalogInfo(title: catalog.site.title?.value ?? "", description: catalog.site.description?.value,
                               url: urls.absolute(SiteURLs.home))
        return ExportFiles.render(entries, catalog: info, absolute: urls.absolute)
    }

    static func write(_ entries: [ExportEntry], catalog: Catalog, urls: SiteURLs, out: OutputFolder) throws -> ProductFeed.Summary {
        let rendered = render(entries, catalog: catalog, urls: urls)
        for file in rendered.files { try out.write(file.path, file.text) }
        return rendered.feed
    }
}
