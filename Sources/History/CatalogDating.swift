import Catalog

/// Gives entries without `updated` the day of the last commit that changed them.
///
/// A product's change is the last commit to its file or to an image it names; a business's is
/// the last commit to anything in its folder. A product dated before its `published` day (a
/// listing written ahead of time) keeps `published`. Runs after validation, so no rule ever
/// sees a date the seller did not write.
public enum CatalogDating {
    public static func apply(_ dates: ChangeDates, to catalog: inout Catalog) {
        for b in catalog.businesses.indices {
            let folder = "businesses/" + folderName(of: catalog.businesses[b])
            catalog.businesses[b].lastChange = dates.latest(folder).map(day)
            for p in catalog.businesses[b].products.indices {
                var product = catalog.businesses[b].products[p]
                guard product.updated == nil else { continue }
                let products = folder + "/products/"
                let file = products + fileName(of: product)
                let times = [dates.latest(file)] + product.images.map { dates.latest(products + $0.value) }
                guard let time = times.compactMap({ $0 }).max() else { continue }
                let changed = day(time)
                if let published = product.published?.value, changed <= published { continue }
                product.updated = Located(changed, line: 0, column: 0)
                catalog.businesses[b].products[p] = product
            }
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

    /// A commit time as the day it was in Vietnam (UTC+7 all year).
    static func day(_ seconds: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: Int((Double(seconds + 7 * 3600) / 86400).rounded(.down)))
    }
}
