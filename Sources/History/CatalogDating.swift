import Catalog

/// Gives entries without `updated` the day of the last commit that changed them.
///
/// A product's change is the last commit to its file or to an image it names; a business's is
/// the last commit to anything in its folder. A product dated before its `published` day (a
/// listing written ahead of time) keeps `published`. Runs after validation, so no rule ever
/// sees a date the seller did not write.
public enum CatalogDating {
    public static func apply(_ dates: ChangeDates, to catalog: inout Catalog) {
        for b in catalog.businesses.indices { apply(dates, to: &catalog.businesses[b]) }
    }

    /// One business and its products (`chonoi build` dates each entry as it reads it).
    public static func apply(_ dates: ChangeDates, to business: inout Business) {
        let folder = "businesses/" + folderName(of: business)
        business.lastChange = dates.latest(folder).map(day)
        let products = folder + "/products/"
        // In place: a product is large, and copying 50,000 of them shows in a profile.
        for p in business.products.indices where business.products[p].updated == nil {
            var time = dates.latest(products + fileName(of: business.products[p]))
            for image in business.products[p].images {
                if let t = dates.latest(products + image.value), t > (time ?? .min) { time = t }
            }
            guard let time else { continue }
            let changed = day(time)
            if let published = business.products[p].published?.value, changed <= published { continue }
            business.products[p].updated = Located(changed, line: 0, column: 0)
        }
    }

    /// The folder's name on disk (the slug is its NFC form; git names files as they are stored).
    private static func folderName(of business: Business) -> String {
        let path = business.file.path
        let folder = path.dropLast("/index.md".count)
        return String(folder[folder.index(after: folder.lastIndex(of: "/")!)...])
    }

    private static func fileName(of product: Product) -> String {
        String(product.file.path[product.file.path.index(after: product.file.path.lastIndex(of: "/")!)...])
    }

    /// A commit time as the day it was in Vietnam.
    static func day(_ seconds: Int) -> CivilDate { CivilDate(vietnamDayOf: seconds) }
}
