import Catalog
import Exports

/// The files for partner platforms (`du-lieu/`: product feed, open data), from the records
/// each business's render left (`PageRenderer.BusinessOutput.exports`), in page order:
/// businesses A–Z, each one's products A–Z.
enum PartnerExports {
    @discardableResult
    static func render(_ entries: [ExportEntry], catalog: Catalog, urls: SiteURLs, write: ExportFiles.Writer) throws -> ProductFeed.Summary {
        let info = CatalogInfo(title: catalog.site.title?.value ?? "", description: catalog.site.description?.value,
                               url: urls.absolute(SiteURLs.home))
        return try ExportFiles.render(entries, catalog: info, absolute: urls.absolute, write: write)
    }

    /// Into the output folder, each file written as it is rendered (`OutputFolder.write(_:pieces:)`).
    static func write(_ entries: [ExportEntry], catalog: Catalog, urls: SiteURLs, out: OutputFolder) throws -> ProductFeed.Summary {
        try render(entries, catalog: catalog, urls: urls) { path, produce in
            try out.write(path, pieces: produce)
        }
    }
}
