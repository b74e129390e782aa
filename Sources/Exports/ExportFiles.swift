/// Every export file, by its site-relative path, from the records of the published catalog.
/// The caller opens the files (`chonoi build` in its output folder, `chonoi serve` beside the
/// old ones, which it replaces once all are written).
public enum ExportFiles {
    public static let folder = "du-lieu/"
    public static let productFeed = folder + "san-pham.xml"
    public static let businessesJSON = folder + "co-so.json"
    public static let productsJSON = folder + "san-pham.json"
    public static let businessesSchema = folder + "co-so.schema.json"
    public static let productsSchema = folder + "san-pham.schema.json"
    public static let businessesCSV = folder + "co-so.csv"
    public static let productsCSV = folder + "san-pham.csv"

    /// Renders every file from the whole list, through the same `ExportStream` that `chonoi
    /// build` feeds as its businesses are rendered. `open` (see `ExportStream.Open`) is called
    /// once per file, every file is open until this returns, and the caller closes them then.
    /// `absolute` turns a site-relative path into the address the files name (the schemas'
    /// `$id`, the data's `$schema`). Returns the product feed's counts.
    @discardableResult
    public static func render(_ entries: [ExportEntry], catalog: CatalogInfo, absolute: (String) -> String,
                              open: ExportStream.Open) throws -> ProductFeed.Summary {
        let stream = try ExportStream(catalog: catalog, absolute: absolute, businesses: entries.count,
                                      products: entries.reduce(0) { $0 + $1.products.count }, open: open)
        for entry in entries { try stream.add(entry) }
        return try stream.finish()
    }

    static let businessesListName = "businesses"
    static let productsListName = "products"

    static func businessesSchemaText(id: String) -> String {
        OpenDataSchema.document(id: id, title: "Cơ sở sản xuất, kinh doanh", listName: businessesListName, columns: OpenDataColumns.businesses)
    }

    static func productsSchemaText(id: String) -> String {
        OpenDataSchema.document(id: id, title: "Sản phẩm", listName: productsListName, columns: OpenDataColumns.products)
    }

    /// Every file as text, for tests and small catalogs.
    public static func texts(_ entries: [ExportEntry], catalog: CatalogInfo, absolute: (String) -> String)
        -> (files: [String: String], feed: ProductFeed.Summary) {
        final class Files { var bytes: [String: [UInt8]] = [:] }
        let files = Files()
        // Collecting into a dictionary cannot fail, and the counts given are the list's own.
        let summary = try! render(entries, catalog: catalog, absolute: absolute) { path in
            files.bytes[path] = []
            return { files.bytes[path]! += $0 }
        }
        return (files.bytes.mapValues { String(decoding: $0, as: UTF8.self) }, summary)
    }
}
