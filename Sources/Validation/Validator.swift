import Catalog
import Diagnostics
import Dispatch
import Platform

/// Checks a loaded catalog against the contract and the domain rules.
///
/// Loading already reported what could not be read or typed; this adds what is wrong with
/// the values themselves and between entries. Every rule runs on every entry, so one run
/// reports everything.
public struct Validator {
    public let catalog: Catalog
    public let today: CivilDate

    public init(catalog: Catalog, today: CivilDate) {
        self.catalog = catalog
        self.today = today
    }

    public func run() -> [Diagnostic] {
        var report = Report()
        SiteRules(site: catalog.site, sectors: catalog.sectors, sectorsFile: catalog.sectorsFile).check(into: &report)
        let sectors = SectorResolver(sectors: catalog.sectors)
        // Each business's rules look at that business alone, so they run on every core, and the
        // rules between businesses (slugs) run beside them as one more task, slot 0. The reports
        // are joined in that order, so the result never depends on the threads.
        let businesses = catalog.businesses, today = today
        var found = [Report](repeating: Report(), count: businesses.count + 1)
        found.withUnsafeMutableBufferPointer { slots in
            let slots = Slots(slots)
            DispatchQueue.concurrentPerform(iterations: businesses.count + 1) { slot in
                var own = Report()
                guard slot > 0 else {
                    SlugRules(businesses: businesses).check(into: &own)
                    slots.base[0] = own
                    return
                }
                let business = businesses[slot - 1]
                guard business.wasRead else { return }
                BusinessRules(business: business, sectors: sectors, today: today).check(into: &own)
                for product in business.products {
                    ProductRules(product: product, sectors: sectors, today: today).check(into: &own)
                }
                slots.base[slot] = own
            }
        }
        for own in found { report.append(own) }
        return report.diagnostics
    }

    /// What `run()` says of one business, checked on its own (for `chonoi build`, which reads one
    /// folder at a time): exactly the findings of `run()` on a catalog of that business alone,
    /// less those about site.yml and sectors.yml, which a catalog of the settings alone gives
    /// once. Its sector table is made once for every business.
    public struct OneBusiness: @unchecked Sendable {
        private let sectors: SectorResolver
        private let today: CivilDate

        public init(sectors: [Sector], today: CivilDate) {
            self.sectors = SectorResolver(sectors: sectors)
            self.today = today
        }

        /// In `run()`'s order: the names (slot 0), then the business's and its products' rules.
        public func check(_ business: Business) -> [Diagnostic] {
            var report = Report()
            SlugRules(businesses: [business]).check(into: &report)
            guard business.wasRead else { return report.diagnostics }
            BusinessRules(business: business, sectors: sectors, today: today).check(into: &report)
            for product in business.products {
                ProductRules(product: product, sectors: sectors, today: today).check(into: &report)
            }
            return report.diagnostics
        }
    }

    /// What `run()` says about two business folders whose names give one address, the only
    /// rule between businesses, from their slugs and folder display paths (in folder order)
    /// alone: `run()` on a catalog of each business by itself says all the rest.
    public static func duplicateFolderAddresses(_ folders: [(slug: String, display: String)]) -> [Diagnostic] {
        var report = Report()
        SlugRules.duplicateFolders(folders, into: &report)
        return report.diagnostics
    }
}

/// The diagnostics of one validation run.
struct Report {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func append(_ other: Report) {
        diagnostics += other.diagnostics
    }

    mutating func error(_ message: Message, _ file: String, _ line: Int = 1, _ column: Int = 1) {
        diagnostics.append(.error(message, at: SourceLocation(file: file, line: line, column: column)))
    }

    mutating func warning(_ message: Message, _ file: String, _ line: Int = 1, _ column: Int = 1) {
        diagnostics.append(.warning(message, at: SourceLocation(file: file, line: line, column: column)))
    }

    mutating func error<T>(_ message: Message, _ file: String, at value: Located<T>) {
        error(message, file, value.line, value.column)
    }

    mutating func warning<T>(_ message: Message, _ file: String, at value: Located<T>) {
        warning(message, file, value.line, value.column)
    }
}
