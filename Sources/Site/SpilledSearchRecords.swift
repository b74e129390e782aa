import Search

/// The search records of `chonoi build`, kept in a `SpillFile` from when each business is
/// rendered (in plan order, A–Z by name) until the index is written, which reads them back one
/// at a time in index order (by URL). In memory, they were ~25 MB at 10,000 businesses.
///
/// Every record's id is known from the plan before rendering: URLs are `co-so/<business>/`
/// and `co-so/<business>/<product>/`, and slugs never hold a `/`, so the URL order is the
/// businesses by their URLs, each one's own record first, then its products by theirs.
final class SpilledSearchRecords: SearchRecordSource, @unchecked Sendable {
    private let file: SpillFile
    private let plan: SitePlan
    /// The id of each business's own record (plan order); its products' follow it.
    private let firstID: [Int32]
    /// Where each record starts in the file, by id (−1 until it is added), and its size.
    private var offsets: [Int]
    private var lengths: [Int32]
    let count: Int

    init(plan: SitePlan, in folder: String) throws {
        file = try SpillFile(in: folder, name: "search")
        self.plan = plan
        let urls = plan.businesses.map { Array(SiteURLs.business($0.slug).utf8) }
        let byURL = plan.businesses.indices.sorted { urls[$0].lexicographicallyPrecedes(urls[$1]) }
        var firstID = [Int32](repeating: 0, count: plan.businesses.count)
        var next = 0
        for i in byURL {
            firstID[i] = Int32(next)
            next += 1 + plan.businesses[i].products.count
        }
        self.firstID = firstID
        count = next
        offsets = [Int](repeating: -1, count: next)
        lengths = [Int32](repeating: 0, count: next)
    }

    /// A record's URL is not one the plan gives the business (a record missing, extra or twice).
    struct Mismatch: Error, CustomStringConvertible {
        let url: String
        var description: String { "search record \(url) is not one of the plan's pages" }
    }

    /// The records of the plan's business at `index`, in any order: its own and one for each
    /// of its products, whose URLs order them; called from one thread at a time.
    func add(_ records: [SearchRecord], business index: Int) throws {
        let business = plan.businesses[index]
        let own = SiteURLs.business(business.slug)
        let productRecords = records.indices.filter { records[$0].url != own }
        guard productRecords.count == business.products.count, records.count == productRecords.count + 1,
              productRecords.allSatisfy({ records[$0].url.hasPrefix(own) }) else { throw Mismatch(url: own) }
        var offsetOf = [Int](repeating: 0, count: records.count)
        let byURL = productRecords.sorted { records[$0].url.utf8.lexicographicallyPrecedes(records[$1].url.utf8) }
        for (rank, r) in byURL.enumerated() { offsetOf[r] = rank + 1 }
        var bytes: [UInt8] = []
        for (r, record) in records.enumerated() {
            let id = Int(firstID[index]) + offsetOf[r]
            guard offsets[id] < 0 else { throw Mismatch(url: record.url) }
            bytes.removeAll(keepingCapacity: true)
            record.encode(into: &bytes)
            offsets[id] = try file.append(bytes)
            lengths[id] = Int32(bytes.count)
        }
    }

    /// Once every business is added: every record of the plan must be there.
    func finishWriting() throws {
        if let missing = offsets.firstIndex(of: -1) { throw Mismatch(url: "#\(missing)") }
        try file.finishWriting()
    }

    func record(_ id: Int) throws -> SearchRecord {
        SearchRecord(encoded: try file.read(at: offsets[id], count: Int(lengths[id])))
    }

    func displayRecord(_ id: Int) throws -> SearchRecord {
        SearchRecord(encoded: try file.read(at: offsets[id], count: Int(lengths[id])), searchedText: false)
    }
}
