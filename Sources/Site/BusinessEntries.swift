import Catalog

/// Where the build gets a business's full entry (its fields and Markdown descriptions) when it
/// renders the business's pages.
///
/// `chonoi build` reads each folder again at that moment instead of keeping the whole catalog
/// in memory (see the chonoi target's `EntryReader`); `chonoi serve` and the tests hold the
/// catalog (`CatalogEntries`).
public protocol BusinessEntries: Sendable {
    /// The entry of the business folder at `folder`, in the catalog's folder order.
    func entry(_ folder: Int) throws -> Business

    /// Whether an entry may differ from the one the outlines were made from (it was read again
    /// from disk): the build then checks it against the plan before rendering it.
    var readsAgain: Bool { get }
}

/// The entries of a catalog held in memory.
public struct CatalogEntries: BusinessEntries {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func entry(_ folder: Int) -> Business { catalog.businesses[folder] }

    public var readsAgain: Bool { false }
}
