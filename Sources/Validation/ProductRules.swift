import Catalog
import Diagnostics
import Photos

/// `businesses/<business>/products/<slug>.md`.
struct ProductRules {
    let product: Product
    let sectors: SectorResolver
    let today: CivilDate

    func check(into report: inout Report) {
        let file = product.file.displayPath
        sectors.check(product.sector, file: file, into: &report)
        if let price = product.price, case .amount = price.value, product.unit == nil {
            report.error(.unitRequired, file, at: price)
        }
        if let minOrder = product.minOrder, minOrder.value < 1 {
            report.error(.positiveNumber(key: "min_order"), file, at: minOrder)
        }
        for month in product.season where !(1...12).contains(month.value) {
            report.error(.invalidMonth(value: month.value), file, at: month)
        }
        for image in product.images {
            FieldRules.imageFile(image, key: "images", available: product.files, folder: product.folderDisplayPath,
                                 file: file, path: product.assetPaths[image.value] ?? PhotoRules.folder(of: product.file.path) + "/" + image.value,
                                 minimumWidth: PhotoRecipe.smallestProductWidth, into: &report)
        }
        checkOCOP(file: file, into: &report)
        checkDates(file: file, into: &report)
        if product.name != nil {
            FieldRules.body(isBlank: product.bodyIsBlank, line: product.bodyLine, file: file, into: &report)
        }
        if !product.bodyIsBlank {
            BodyRules.check(product.body, bytes: product.bodyBytes, line: product.bodyLine, file: file, into: &report)
        }
    }

    private func checkOCOP(file: String, into report: inout Report) {
        if let stars = product.ocop, !OCOP.stars.contains(stars.value) {
            report.error(.ocopStars(value: stars.value), file, at: stars)
        }
        guard let year = product.ocopYear else { return }
        if product.ocop == nil {
            report.warning(.ocopYearWithoutStars, file, at: year)
        }
        if year.value > today.year {
            report.error(.ocopYearInFuture(year: year.value), file, at: year)
        } else if year.value < 2018 || OCOP.isExpired(recognisedIn: year.value, today: today) {
            // The programme began in 2018 (QĐ 490/QĐ-TTg); anything earlier cannot be valid either.
            report.warning(.ocopExpired(year: year.value, expiredYear: OCOP.lastValidYear(recognisedIn: year.value)), file, at: year)
        }
    }

    private func checkDates(file: String, into report: inout Report) {
        if let published = product.published, published.value > today {
            report.warning(.dateInFuture(key: "published", value: published.value.description), file, at: published)
        }
        if let updated = product.updated {
            if updated.value > today {
                report.warning(.dateInFuture(key: "updated", value: updated.value.description), file, at: updated)
            }
            if let published = product.published, updated.value < published.value {
                report.error(.updatedBeforePublished(updated: updated.value.description, published: published.value.description),
                             file, at: updated)
            }
        }
    }
}
