import Catalog
import Diagnostics
import VietnameseText

/// `kind:` must be one of the contract's words; common ways of writing them get a suggestion.
enum KindRules {
    static let aliases: [String: BusinessKind] = [
        "htx": .hopTacXa, "hop-tac-xa-nong-nghiep": .hopTacXa, "dntn": .doanhNghiepTuNhan,
        "hkd": .hoKinhDoanh, "ho-kinh-doanh-ca-the": .hoKinhDoanh, "ho-gia-dinh": .hoKinhDoanh,
        "co-so": .hoKinhDoanh, "co-so-san-xuat": .hoKinhDoanh,
        "cong-ty-tnhh-1tv": .congTyTNHH, "cong-ty-tnhh-2tv": .congTyTNHH, "tnhh": .congTyTNHH,
        "cong-ty-tnhh-mot-thanh-vien": .congTyTNHH, "cong-ty-tnhh-hai-thanh-vien-tro-len": .congTyTNHH,
        "ctcp": .congTyCoPhan, "cong-ty-cp": .congTyCoPhan, "co-phan": .congTyCoPhan,
        "tht": .toHopTac, "ca-the": .caNhan, "individual": .caNhan, "household": .hoKinhDoanh,
        "cooperative": .hopTacXa, "other": .khac,
    ]

    static func check(_ kind: Located<String>?, file: String, into report: inout Report) {
        guard let kind, BusinessKind(rawValue: kind.value) == nil else { return }
        report.error(.unknownKind(value: kind.value, suggestion: suggestion(for: kind.value)?.rawValue), file, at: kind)
    }

    static func suggestion(for value: String) -> BusinessKind? {
        let slug = Slug.make(from: value)
        if let exact = BusinessKind(rawValue: slug) { return exact }
        if let alias = aliases[slug] { return alias }
        if let near = DidYouMean.best(for: slug, among: BusinessKind.allCases.map(\.rawValue)) {
            return BusinessKind(rawValue: near)
        }
        return BusinessKind.allCases.first { slug.hasPrefix($0.rawValue) }
    }
}
