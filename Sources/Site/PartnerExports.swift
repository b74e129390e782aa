import Catalog
import Exports

/// The files for partner platforms (`du-lieu/`: product feed, open data), from the records
/// each business's render left (`PageRenderer.BusinessOutput.exports`), in page order:
/// businesses A–Z, each one's products A–Z. `chonoi serve` writes them from the records it keeps;
/// `chonoi build` as it renders (`RenderedListings`); both through `ExportStream`.
enum PartnerExports {
    @discardableResult
    static func render(_ entries: [ExportEntry], catalog: Catalog, urls: SiteURLs, open: ExportStream.Open) throws -> ProductFeed.Summary {
        try ExportFiles.render(entries, catalog: info(catalog, urls: urls), absolute: urls.absolute, open: open)
    }

    /// The catalog's title and home address, at the top of every file.
    static func info(_ catalog: Catalog, urls: SiteURLs) -> CatalogInfo {
        CatalogInfo(title: catalog.site.title?.value ?? "", description: catalog.site.description?.value, url: urls.absolute(SiteURLs.home))
    }
}
