import Catalog
import Diagnostics
import Photos
import VietnameseText

/// `businesses/<slug>/index.md`.
struct BusinessRules {
    let business: Business
    let sectors: SectorResolver
    let today: CivilDate

    func check(into report: inout Report) {
        let file = business.file.displayPath
        sectors.check(business.sector, file: file, into: &report)
        KindRules.check(business.kind, file: file, into: &report)
        FieldRules.phone(business.phone, key: "phone", file: file, into: &report)
        FieldRules.phone(business.zalo, key: "zalo", file: file, into: &report)
        FieldRules.email(business.email, key: "email", file: file, into: &report)
        FieldRules.webAddress(business.website, key: "website", file: file, into: &report)
        FieldRules.year(business.founded, key: "founded", today: today, file: file, into: &report)
        AddressRules.check(business.address, file: file, into: &report)
        checkTaxCode(file: file, into: &report)
        checkMap(file: file, into: &report)
        if let logo = business.logo {
            FieldRules.imageFile(logo, key: "logo", available: business.files, folder: business.folderDisplayPath,
                                 file: file, path: business.assetPaths[logo.value] ?? PhotoRules.folder(of: business.file.path) + "/" + logo.value,
                                 minimumWidth: PhotoRecipe.smallestLogoWidth, into: &report)
        }
        if business.name != nil {
            FieldRules.body(isBlank: business.bodyIsBlank, line: business.bodyLine, file: file, into: &report)
        }
        if !business.bodyIsBlank {
            BodyRules.check(business.body, bytes: business.bodyBytes, line: business.bodyLine, file: file, into: &report)
        }
    }

    private func checkTaxCode(file: String, into report: inout Report) {
        guard let code = business.taxCode else { return }
        switch TaxCode.check(code.value) {
        case .enterprise, .branch:
            break
        case .personalID:
            // Only an individual or household business files taxes under the owner's ID.
            if let kind = business.businessKind, !kind.mayUsePersonalID {
                report.error(.personalIDNotAllowed(kind: kind.rawValue), file, at: code)
            }
        case .badCheckDigit:
            report.error(.taxCodeCheckDigit(value: code.value), file, at: code)
        case .badFormat:
            report.error(.taxCodeFormat(value: code.value), file, at: code)
        }
    }

    private func checkMap(file: String, into report: inout Report) {
        guard let map = business.map else { return }
        let lat = map.latitude, lng = map.longitude
        if !(-90...90).contains(lat.value) {
            report.error(.coordinateOutOfRange(key: "map.lat", value: lat.value, min: -90, max: 90), file, at: lat)
        }
        if !(-180...180).contains(lng.value) {
            report.error(.coordinateOutOfRange(key: "map.lng", value: lng.value, min: -180, max: 180), file, at: lng)
        }
    }
}
