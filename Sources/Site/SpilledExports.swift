import Exports
import Foundation

/// The partner exports' records of `chonoi build` (businesses and products, with their
/// descriptions: over 100 MB at 10,000 businesses), kept in a `SpillFile` from when each
/// business is rendered, in plan order, until the exports are written. `ExportFiles` then reads
/// them a file at a time, in order, through `entries`, `businesses` and `products`
/// (`RecordList`s).
final class SpilledExports: @unchecked Sendable {
    private let file: SpillFile
    /// Where each record starts: a business's, then its products', business after business;
    /// one more at the end, where the last one ends.
    private var bounds: [Int] = [0]
    /// The index in `bounds` of each business's record (its products' follow), and one past the last.
    private var businessRecord: [Int32] = []
    /// The index in `bounds` of each product's record.
    private var productRecord: [Int32] = []
    private let lock = NSLock()
    private var failure: Error?

    /// For `businesses` businesses with `products` products in all (see `SpilledCards.init`).
    init(in folder: String, businesses: Int, products: Int) throws {
        file = try SpillFile(in: folder, name: "exports")
        bounds.reserveCapacity(1 + businesses + products)
        businessRecord.reserveCapacity(businesses)
        productRecord.reserveCapacity(products)
    }

    /// The next business of the plan; called from one thread at a time.
    func add(_ entry: ExportEntry) throws {
        var bytes: [UInt8] = []
        businessRecord.append(Int32(bounds.count - 1))
        entry.business.encode(into: &bytes)
        try append(bytes)
        for product in entry.products {
            bytes.removeAll(keepingCapacity: true)
            productRecord.append(Int32(bounds.count - 1))
            product.encode(into: &bytes)
            try append(bytes)
        }
    }

    private func append(_ bytes: [UInt8]) throws {
        try file.append(bytes)
        bounds.append(file.size)
    }

    func finishWriting() throws { try file.finishWriting() }

    /// Reading happens inside collections, which cannot throw: a failure is kept, the record
    /// given instead is empty, and `check` throws it once the files are written.
    func check() throws {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }

    private func read(_ record: Int, with reader: SpillReader) -> ArraySlice<UInt8>? {
        do {
            return try reader.bytes(bounds[record]..<bounds[record + 1])
        } catch {
            lock.lock()
            failure = failure ?? error
            lock.unlock()
            return nil
        }
    }

    /// Each list reads the file through a window of its own, in order (one thread at a time).
    var businesses: RecordList<BusinessRecord> {
        let reader = SpillReader(file)
        return RecordList(count: businessRecord.count) { [self] i in
            read(Int(businessRecord[i]), with: reader).map(BusinessRecord.init(encoded:))
                ?? BusinessRecord(id: "", name: "", sector: "", sectorName: "", url: "")
        }
    }

    var products: RecordList<ProductRecord> {
        let reader = SpillReader(file)
        return RecordList(count: productRecord.count) { [self] i in
            read(Int(productRecord[i]), with: reader).map(ProductRecord.init(encoded:))
                ?? ProductRecord(business: "", slug: "", businessName: "", name: "", sector: "", sectorName: "", url: "")
        }
    }

    var entries: RecordList<ExportEntry> {
        let businesses = self.businesses, products = self.products
        return RecordList(count: businessRecord.count) { [self] i in
            let first = Int(businessRecord[i])
            let end = i + 1 < businessRecord.count ? Int(businessRecord[i + 1]) : bounds.count - 1
            // Products are numbered in the same order: those of business i are the records after its own.
            let firstProduct = first - i
            return ExportEntry(business: businesses[i], products: (firstProduct..<firstProduct + end - first - 1).map { products[$0] })
        }
    }
}
