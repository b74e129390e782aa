/// The export files written as the catalog's businesses come, in page order, every file open
/// from the first business to the last: what `chonoi build` does while it renders, so that the
/// records (over 100 MB at 10,000 businesses, mostly descriptions) are neither kept nor written
/// aside and read back. `ExportFiles.render` writes the whole list through it (`chonoi serve`,
/// tests).
///
/// The JSON files give their count of records before the records: the caller says how many
/// there will be, and `finish` fails if another number came.
public final class ExportStream {
    /// Opens the site-relative `path` and returns what appends to it; the caller closes the
    /// files once `finish` has returned (or when it gives up).
    public typealias Open = (_ path: String) throws -> TextSink.Emit

    public struct CountMismatch: Error, CustomStringConvertible {
        public let expected: (businesses: Int, products: Int)
        public let written: (businesses: Int, products: Int)
        public var description: String {
            "the exports were announced with \(expected.businesses) businesses and \(expected.products) products "
                + "but were given \(written.businesses) and \(written.products)"
        }
    }

    private let expected: (businesses: Int, products: Int)
    private var feed: TextSink
    private var businessesJSON: TextSink
    private var businessesCSV: TextSink
    private var productsJSON: TextSink
    private var productsCSV: TextSink
    private var businessWriter = OpenDataJSON.Writer(columns: OpenDataColumns.businesses)
    private var productWriter = OpenDataJSON.Writer(columns: OpenDataColumns.products)
    private var summary = ProductFeed.Summary()
    /// A list's text while it is joined into a CSV cell (see `OpenDataCSV.appendCell`).
    private var scratch: [UInt8] = []

    /// Opens every file and writes its beginning; the schemas are written whole.
    public init(catalog: CatalogInfo, absolute: (String) -> String, businesses: Int, products: Int, open: Open) throws {
        expected = (businesses, products)
        let businessesSchemaURL = absolute(ExportFiles.businessesSchema), productsSchemaURL = absolute(ExportFiles.productsSchema)
        feed = TextSink(try open(ExportFiles.productFeed))
        businessesJSON = TextSink(try open(ExportFiles.businessesJSON))
        businessesCSV = TextSink(try open(ExportFiles.businessesCSV))
        productsJSON = TextSink(try open(ExportFiles.productsJSON))
        productsCSV = TextSink(try open(ExportFiles.productsCSV))
        for (path, text) in [(ExportFiles.businessesSchema, ExportFiles.businessesSchemaText(id: businessesSchemaURL)),
                             (ExportFiles.productsSchema, ExportFiles.productsSchemaText(id: productsSchemaURL))] {
            var schema = TextSink(try open(path))
            try schema.add(text)
            try schema.finish()
        }
        try feed.add(ProductFeed.header(catalog))
        businessWriter.start(catalog: catalog, listName: ExportFiles.businessesListName, schemaURL: businessesSchemaURL,
                             count: businesses, to: &businessesJSON.bytes)
        OpenDataCSV.appendHeader(OpenDataColumns.businesses, to: &businessesCSV.bytes)
        productWriter.start(catalog: catalog, listName: ExportFiles.productsListName, schemaURL: productsSchemaURL,
                            count: products, to: &productsJSON.bytes)
        OpenDataCSV.appendHeader(OpenDataColumns.products, to: &productsCSV.bytes)
    }

    /// The next business of the catalog, with its products.
    public func add(_ entry: ExportEntry) throws {
        businessWriter.add(entry.business, to: &businessesJSON.bytes)
        OpenDataCSV.appendRow(entry.business, columns: OpenDataColumns.businesses, to: &businessesCSV.bytes, scratch: &scratch)
        for p in entry.products {
            ProductFeed.add(p, to: &feed.bytes, summary: &summary)
            productWriter.add(p, to: &productsJSON.bytes)
            OpenDataCSV.appendRow(p, columns: OpenDataColumns.products, to: &productsCSV.bytes, scratch: &scratch)
        }
        try feed.flushIfFull()
        try businessesJSON.flushIfFull()
        try businessesCSV.flushIfFull()
        try productsJSON.flushIfFull()
        try productsCSV.flushIfFull()
    }

    /// Writes every file's end; returns the product feed's counts.
    public func finish() throws -> ProductFeed.Summary {
        let written = (businessWriter.added, productWriter.added)
        guard written == expected else { throw CountMismatch(expected: expected, written: written) }
        try feed.add(ProductFeed.footer)
        businessWriter.finish(to: &businessesJSON.bytes)
        productWriter.finish(to: &productsJSON.bytes)
        try feed.finish()
        try businessesJSON.finish()
        try businessesCSV.finish()
        try productsJSON.finish()
        try productsCSV.finish()
        return summary
    }
}
