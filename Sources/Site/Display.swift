import Catalog
import VietnameseText

/// The display strings computed from raw values: prices, places, dates, phone links.
/// Words come from the theme's strings, so they follow its language.
struct Display {
    let strings: ThemeStrings
    let today: CivilDate

    func price(_ product: Product) -> (text: String, isContact: Bool) {
        switch product.price?.value {
        case .amount(let n)?:
            let unit = product.unit?.value
            return (VND.format(n) + (unit.map { "/" + $0 } ?? ""), false)
        case .contact?, nil:
            return (strings["price_contact"], true)
        }
    }

    func place(_ address: Address?) -> String {
        [address?.ward?.value, address?.province?.value].compactMap { $0 }.joined(separator: ", ")
    }

    func date(_ d: CivilDate) -> String { VietnameseDate.compact(year: d.year, month: d.month, day: d.day) }

    func season(_ months: [Located<Int>]) -> String? {
        guard !months.isEmpty else { return nil }
        let sorted = Array(Set(months.map(\.value))).sorted()
        return strings.format("season_months", ["months": sorted.map(String.init).joined(separator: ", ")])
    }

    func inSeason(_ months: [Located<Int>]) -> Bool { months.contains { $0.value == today.month } }

    func kind(_ business: Business) -> String {
        guard let kind = business.businessKind else { return "" }
        return strings["kind_" + kind.rawValue.replacingEvery("-", with: "_")]
    }

    /// `tel:` and display text, only for a number the validator accepted.
    func phone(_ raw: Located<String>?) -> PhoneContext? {
        guard let raw, let parsed = PhoneNumber.parse(raw.value) else { return nil }
        return PhoneContext(display: parsed.display, tel: "tel:" + parsed.e164)
    }

    func zalo(_ raw: Located<String>?) -> String? {
        guard let raw, let parsed = PhoneNumber.parse(raw.value) else { return nil }
        return PhoneNumber.zaloLink(parsed)
    }

    /// The tax code is published only for enterprises: for individuals and household
    /// businesses it is (or may be) the owner's personal ID number.
    func publicTaxCode(_ business: Business) -> String? {
        guard let code = business.taxCode, let kind = business.businessKind, !kind.mayUsePersonalID else { return nil }
        switch TaxCode.check(code.value) {
        case .enterprise(let normalized), .branch(let normalized): return normalized
        default: return nil
        }
    }

    /// The first letter of a name, upper-cased: the placeholder of a card without a picture.
    func initial(_ name: String) -> String {
        name.first { $0.isLetter || $0.isNumber }.map { String($0).uppercased() } ?? ""
    }

    func mapURL(_ map: Coordinates?) -> String? {
        guard let map else { return nil }
        return "https://www.google.com/maps?q=\(map.latitude.value),\(map.longitude.value)"
    }
}
