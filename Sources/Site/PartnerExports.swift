import Catalog
import Exports

/// The files for partner platforms (`du-lieu/`: product feed, open data), from the records
/// each business's render left (`PageRenderer.BusinessOutput.exports`), in page order:
/// businesses A–Z, each one's products A–Z.
enum PartnerExports {
    @discardableResult
    static func render(_ entries: [ExportEntry], catalog: Catalog, urls: SiteURLs, write: ExportFiles.Writer) throws -> ProductFeed.Summary {
        try ExportFiles.render(entries, catalog: info(catalog, urls: urls), absolute: urls.absolute, write: write)
    }

    /// The catalog's title and home address, at the top of every file.
    private static func info(_ catalog: Catalog, urls: SiteURLs) -> CatalogInfo {
        CatalogInfo(title: catalog.site.title?.value ?? "", description: catalog.site.description?.value, url: urls.absolute(SiteURLs.home))
    }

    /// Into the output folder, each file written as it is rendered (`OutputFolder.write(_:pieces:)`),
    /// from records read as they are needed (see `ExportFiles.render(entries:businesses:products:…)`).
    /// The products' JSON and CSV are left out when `separateProductFiles`: `writeProducts` writes them.
    static func write(entries: RecordList<ExportEntry>, businesses: RecordList<BusinessRecord>,
                      products: RecordList<ProductRecord>, catalog: Catalog, urls: SiteURLs, separateProductFiles: Bool = false,
                      out: OutputFolder) throws -> ProductFeed.Summary {
        try ExportFiles.render(entries: entries, businesses: businesses, products: products, catalog: info(catalog, urls: urls),
                               absolute: urls.absolute, separateProductFiles: separateProductFiles) { path, produce in
            try out.write(path, pieces: produce)
        }
    }

    /// The products' JSON (`csv` false) or CSV.
    static func writeProducts(_ products: RecordList<ProductRecord>, csv: Bool, catalog: Catalog, urls: SiteURLs, out: OutputFolder) throws {
        let write: ExportFiles.Writer = { path, produce in try out.write(path, pieces: produce) }
        if csv {
            try ExportFiles.renderProductsCSV(products, write: write)
        } else {
            try ExportFiles.renderProductsJSON(products, catalog: info(catalog, urls: urls), absolute: urls.absolute, write: write)
        }
    }
}
