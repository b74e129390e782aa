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
    /// data's `$schema`). Returns the product feed's counts. `chonoi build` writes the same
    /// bytes with `ExportStream`, as its businesses are rendered.
    @discardableResult
    public static func render(_ entries: [ExportEntry], catalog: CatalogInfo, absolute: (String) -> String,
                              write: Writer) throws -> ProductFeed.Summary {
        let businesses = entries.map(\.business), products = entries.flatMap(\.products)
        let businessesSchemaURL = absolute(businessesSchema), productsSchemaURL = absolute(productsSchema)
        var summary = ProductFeed.Summary()
        try file(productFeed) { summary = try ProductFeed.write(entries, catalog: catalog, to: &$0) }
        try file(businessesJSON) {
            try OpenDataJSON.write(catalog: catalog, listName: businessesListName, schemaURL: businessesSchemaURL,
                                   records: businesses, columns: OpenDataColumns.businesses, to: &$0)
        }
        try file(businessesCSV) { try OpenDataCSV.write(records: businesses, columns: OpenDataColumns.businesses, to: &$0) }
        try file(businessesSchema) { try $0.add(businessesSchemaText(id: businessesSchemaURL)) }
        try file(productsJSON) {
            try OpenDataJSON.write(catalog: catalog, listName: productsListName, schemaURL: productsSchemaURL,
                                   records: products, columns: OpenDataColumns.products, to: &$0)
        }
        try file(productsCSV) { try OpenDataCSV.write(records: products, columns: OpenDataColumns.products, to: &$0) }
        try file(productsSchema) { try $0.add(productsSchemaText(id: productsSchemaURL)) }
        return summary

        func file(_ path: String, _ body: @escaping (inout TextSink) throws -> Void) throws {
            try ExportFiles.file(path, write: write, body)
        }
    }

    static let businessesListName = "businesses"
    static let productsListName = "products"

    static func businessesSchemaText(id: String) -> String {
        OpenDataSchema.document(id: id, title: "Cơ sở sản xuất, kinh doanh", listName: businessesListName, columns: OpenDataColumns.businesses)
    }

    static func productsSchemaText(id: String) -> String {
        OpenDataSchema.document(id: id, title: "Sản phẩm", listName: productsListName, columns: OpenDataColumns.products)
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
