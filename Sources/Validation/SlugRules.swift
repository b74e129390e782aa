import Catalog
import Diagnostics
import VietnameseText

/// Folder and file names are the pages' addresses: lowercase ASCII, digits and hyphens,
/// and no two entries may end up at the same address.
struct SlugRules {
    let businesses: [Business]

    func check(into report: inout Report) {
        var seen: [String: String] = [:]
        seen.reserveCapacity(businesses.count)
        // By index, reading only the fields needed: a copy of each business and product (every
        // field retained and released) was most of this loop, which runs alone on one core.
        for b in businesses.indices {
            let where_ = businesses[b].folderDisplayPath
            let address = checkName(businesses[b].slug, display: where_, into: &report)
            if let other = seen[address] {
                report.error(.duplicateSlug(slug: address, other: other), where_)
            } else {
                seen[address] = where_
            }
            var products: [String: String] = [:]
            for p in businesses[b].products.indices {
                let display = businesses[b].products[p].file.displayPath
                let address = checkName(businesses[b].products[p].slug, display: display, into: &report)
                if Self.reservedProductNames.contains(address) {
                    report.error(.reservedSlug(name: address, suggestion: "san-pham-" + address), display)
                }
                if let other = products[address] {
                    report.error(.duplicateSlug(slug: address, other: other), display)
                } else {
                    products[address] = display
                }
            }
        }
    }

    /// Addresses inside a business's folder that chonoi writes itself: `co-so/<business>/in/` is
    /// the printable sheet, so a product may not be called `in`. (`qr.svg` and images have a dot,
    /// which a slug never has.)
    static let reservedProductNames: Set<String> = ["in"]

    /// The one rule between business folders alone: two whose names give one address. For a
    /// caller that checks each folder on its own (`Validator.duplicateFolderAddresses`).
    static func duplicateFolders(_ folders: [(slug: String, display: String)], into report: inout Report) {
        var seen: [String: String] = [:]
        var names = Report() // each folder's own name is reported with the folder
        for folder in folders {
            let address = SlugRules(businesses: []).checkName(folder.slug, display: folder.display, into: &names)
            if let other = seen[address] {
                report.error(.duplicateSlug(slug: address, other: other), folder.display)
            } else {
                seen[address] = folder.display
            }
        }
    }

    /// Reports a name that is not a valid slug, and returns the address it would have.
    private func checkName(_ name: String, display: String, into report: inout Report) -> String {
        if Slug.isValid(name) { return name }
        var suggestion = Slug.make(from: name)
        if suggestion.isEmpty { suggestion = "ten-moi" }
        report.error(.invalidSlug(name: name, suggestion: suggestion), display)
        return suggestion
    }
}
