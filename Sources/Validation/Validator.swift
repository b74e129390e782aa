import Catalog
import Diagnostics

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
        SlugRules(businesses: catalog.businesses).check(into: &report)
        for business in catalog.businesses where business.wasRead {
            BusinessRules(business: business, sectors: sectors, today: today).check(into: &report)
            for product in business.products {
                ProductRules(product: product, sectors: sectors, today: today).check(into: &report)
            }
        }
        return report.diagnostics
    }
}

/// The diagnostics of one validation run.
struct Report {
    private(set) var diagnostics: [Diagnostic] = []

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
