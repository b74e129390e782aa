import Catalog
import Diagnostics
import VietnameseText

/// `site.yml` and `sectors.yml`.
struct SiteRules {
    let site: SiteSettings
    let sectors: [Sector]
    let sectorsFile: ContentFile

    func check(into report: inout Report) {
        let file = site.file.displayPath
        if let base = site.baseURL, !FieldRules.isWebAddress(base.value) {
            report.error(.invalidBaseURL(value: base.value), file, at: base)
        }
        if let language = site.language, Language(code: language.value) == nil {
            report.error(.unknownLanguage(value: language.value), file, at: language)
        }
        if let perPage = site.perPage, perPage.value < 1 {
            report.error(.positiveNumber(key: "per_page"), file, at: perPage)
        }
        FieldRules.phone(site.contactPhone, key: "contact.phone", file: file, into: &report)
        FieldRules.email(site.contactEmail, key: "contact.email", file: file, into: &report)
        SubmissionRules.check(site, into: &report)
        checkSectors(into: &report)
    }

    private func checkSectors(into report: inout Report) {
        let file = sectorsFile.displayPath
        var ids: [String: Int] = [:], names: [String: Int] = [:]
        for sector in sectors {
            let id = sector.id
            if !Slug.isValid(id.value) {
                report.error(.invalidSlug(name: id.value, suggestion: Slug.make(from: id.value)), file, at: id)
            }
            if let first = ids[id.value] {
                report.error(.duplicateSectorID(id: id.value, firstLine: first), file, at: id)
            } else {
                ids[id.value] = id.line
            }
            if let first = names[sector.name.value] {
                report.error(.duplicateSectorName(name: sector.name.value, firstLine: first), file, at: sector.name)
            } else {
                names[sector.name.value] = sector.name.line
            }
        }
    }
}
