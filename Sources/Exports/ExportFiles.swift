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

    /// Writes one file: the caller opens `path`, calls `produce` with a function that appends a
    /// piece of it (UTF-8 bytes) to it, and closes it once `produce` returns.
    public typealias Writer = (_ path: String, _ produce: (_ append: TextSink.Emit) throws -> Void) throws -> Void

    /// Renders each file in turn, straight into `write`'s files (see `TextSink`). `absolute`
    /// turns a site-relative path into the address the files name (the schemas' `$id`, the
    /// data's `$schema`). Returns the product feed's counts.
    @discardableResult
    public static func render(_ entries: [ExportEntry], catalog: CatalogInfo, absolute: (String) -> String,
                              write: Writer) throws -> ProductFeed.Summary {
        try render(entries: RecordList(entries), businesses: RecordList(entries.map(\.business)),
                   products: RecordList(entries.flatMap(\.products)), catalog: catalog, absolute: absolute, write: write)
    }

    /// The same from records a caller may read from elsewhere as each file is written (every
    /// list is gone through once or twice, one record at a time, in order): `businesses` and
    /// `products` are `entries`' own, in the same order. With `separateProductFiles`, the
    /// products' JSON and CSV are left out, for the caller to write with `renderProductsJSON`
    /// and `renderProductsCSV` on other threads (they are the largest files, and were the last
    /// thing a build waited for).
    @discardableResult
    public static func render(entries: RecordList<ExportEntry>, businesses: RecordList<BusinessRecord>,
                              products: RecordList<ProductRecord>, catalog: CatalogInfo, absolute: (String) -> String,
                              separateProductFiles: Bool = false, write: Writer) throws -> ProductFeed.Summary {
        let businessesSchemaURL = absolute(businessesSchema), productsSchemaURL = absolute(productsSchema)
        var summary = ProductFeed.Summary()
        try file(productFeed) { summary = try ProductFeed.write(entries, catalog: catalog, to: &$0) }
        try file(businessesJSON) {
            try OpenDataJSON.write(catalog: catalog, listName: "businesses", schemaURL: businessesSchemaURL,
                                   records: businesses, columns: OpenDataColumns.businesses, to: &$0)
        }
        try file(businessesCSV) { try OpenDataCSV.write(records: businesses, columns: OpenDataColumns.businesses, to: &$0) }
        try file(businessesSchema) {
            try $0.add(OpenDataSchema.document(id: businessesSchemaURL, title: "Cơ sở sản xuất, kinh doanh",
                                               listName: "businesses", columns: OpenDataColumns.businesses))
        }
        if !separateProductFiles {
            try renderProductsJSON(products, catalog: catalog, absolute: absolute, write: write)
            try renderProductsCSV(products, write: write)
        }
        try file(productsSchema) {
            try $0.add(OpenDataSchema.document(id: productsSchemaURL, title: "Sản phẩm",
                                               listName: "products", columns: OpenDataColumns.products))
        }
        return summary

        func file(_ path: String, _ body: @escaping (inout TextSink) throws -> Void) throws {
            try ExportFiles.file(path, write: write, body)
        }
    }

    /// The products' JSON alone (see `render`'s `separateProductFiles`).
    public static func renderProductsJSON(_ products: RecordList<ProductRecord>, catalog: CatalogInfo, absolute: (String) -> String,
                                          write: Writer) throws {
        let productsSchemaURL = absolute(productsSchema)
        try file(productsJSON, write: write) {
            try OpenDataJSON.write(catalog: catalog, listName: "products", schemaURL: productsSchemaURL,
                                   records: products, columns: OpenDataColumns.products, to: &$0)
        }
    }

    /// The products' CSV alone (see `render`'s `separateProductFiles`).
    public static func renderProductsCSV(_ products: RecordList<ProductRecord>, write: Writer) throws {
        try file(productsCSV, write: write) { try OpenDataCSV.write(records: products, columns: OpenDataColumns.products, to: &$0) }
    }

    // `body` escapes only formally (to be called inside `write`'s closure); nothing keeps it.
    private static func file(_ path: String, write: Writer, _ body: @escaping (inout TextSink) throws -> Void) throws {
        try write(path) { append in
            try withoutActuallyEscaping(append) { append in
                var sink = TextSink(append)
                try body(&sink)
                try sink.finish()
            }
        }
    }

    /// Every file as text, for tests and small catalogs.
    public static func texts(_ entries: [ExportEntry], catalog: CatalogInfo, absolute: (String) -> String)
        -> (files: [String: String], feed: ProductFeed.Summary) {
        var files: [String: String] = [:]
        // Collecting into a dictionary cannot fail.
        let summary = try! render(entries, catalog: catalog, absolute: absolute) { path, produce in
            var bytes: [UInt8] = []
            try produce { bytes += $0 }
            files[path] = String(decoding: bytes, as: UTF8.self)
        }
        return (files, summary)
    }
}
