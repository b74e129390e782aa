/// Every export file, by its site-relative path, from the records of the published catalog.
/// Pure: the caller writes them (`chonoi build` into its output folder, `chonoi serve` one
/// file at a time over the old ones).
public enum ExportFiles {
    public static let folder = "du-lieu/"
    public static let productFeed = folder + "san-pham.xml"
    public static let businessesJSON = folder + "co-so.json"
    public static let productsJSON = folder + "san-pham.json"
    public static let businessesSchema = folder + "co-so.schema.json"
    public static let productsSchema = folder + "san-pham.schema.json"
    public static let businessesCSV = folder + "co-so.csv"
    public static let productsCSV = folder + "san-pham.csv"

    /// `absolute` turns a site-relative path into the address the files name (the schemas'
    /// `$id`, the data's `$schema`).
    public static func render(_ entries: [ExportEntry], catalog: CatalogInfo,
                              absolute: (String) -> String) -> (files: [(path: String, text: String)], feed: ProductFeed.Summary) {
        let businesses = entries.map(\.business)
        let products = entries.flatMap(\.products)
        let feed = ProductFeed.render(entries, catalog: catalog)
        let files: [(path: String, text: String)] = [
            (productFeed, feed.xml),
            (businessesJSON, OpenDataJSON.document(catalog: catalog, listName: "businesses", schemaURL: absolute(businessesSchema),
                                                   records: businesses, columns: OpenDataColumns.businesses)),
            (productsJSON, OpenDataJSON.document(catalog: catalog, listName: "products", schemaURL: absolute(productsSchema),
                                                 records: products, columns: OpenDataColumns.products)),
            (businessesSchema, OpenDataSchema.document(id: absolute(businessesSchema), title: "Cơ sở sản xuất, kinh doanh",
                                                       listName: "businesses", columns: OpenDataColumns.businesses)),
            (productsSchema, OpenDataSchema.document(id: absolute(productsSchema), title: "Sản phẩm",
                                                     listName: "products", columns: OpenDataColumns.products)),
            (businessesCSV, OpenDataCSV.document(records: businesses, columns: OpenDataColumns.businesses)),
            (productsCSV, OpenDataCSV.document(records: products, columns: OpenDataColumns.products)),
        ]
        return (files, feed.summary)
    }
}
