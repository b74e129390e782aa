import Catalog
import Diagnostics
import Registration

/// `/dang-ky/`, the sellers' registration form, and `dang-ky/bieu-mau.json`, its data. Written
/// only when `site.yml` names a repository for submissions (`SubmissionRepository`).
struct RegistrationPage {
    let catalog: Catalog
    /// Every business folder's slug, drafts included (a new seller must not take one).
    let taken: [String]
    let repository: SubmissionRepository
    let presenter: PagePresenter

    /// `taken` defaults to the slugs of `catalog.businesses` (`chonoi build` passes them apart:
    /// it does not keep the businesses).
    init?(catalog: Catalog, taken: [String]? = nil, presenter: PagePresenter) {
        guard let repository = SubmissionRepository(site: catalog.site) else { return nil }
        self.catalog = catalog
        self.taken = taken ?? catalog.businesses.map(\.slug)
        self.repository = repository
        self.presenter = presenter
    }

    static let dataFile = SiteURLs.register + "bieu-mau.json"

    /// The page's word for a field (`reg_product_name`, else `reg_name`; `reg_address_ward`) or a
    /// kind (`kind_hop_tac_xa`).
    func label(_ entry: String, _ key: String) -> String {
        let strings = presenter.strings
        if entry == "kind" { return strings["kind_" + key.replacingOccurrences(of: "-", with: "_")] }
        let own = "reg_" + entry + "_" + Self.name(key)
        return strings.dictionary[own] != nil ? strings[own] : strings["reg_" + Self.name(key)]
    }

    /// `address.ward` → `address_ward`: the key's form in strings.yml and in element ids.
    static func name(_ key: String) -> String { key.replacingOccurrences(of: ".", with: "_") }

    func writeData(to out: OutputFolder) throws {
        let language = Language(code: catalog.site.language?.value ?? "vi") ?? .vi
        try out.write(Self.dataFile, FormData(catalog: catalog, taken: taken, repository: repository, language: language, label: label).json())
    }

    func write(theme: Theme, to out: OutputFolder) throws {
        let strings = presenter.strings, urls = presenter.urls
        let page = presenter.page(
            title: strings["reg_title"], description: strings["reg_description"], path: SiteURLs.register,
            breadcrumbs: [(strings["nav_home"], SiteURLs.home), (strings["reg_title"], nil)], jsonLD: [],
            content: [
                "businessFields": FormFields.business.map { field($0, entry: "business", prefix: "b-") },
                "productFields": FormFields.product.map { field($0, entry: "product", prefix: "p__-") },
                "dataURL": urls.link(Self.dataFile),
                "repository": repository.url,
                "isGitHub": repository.host == .github,
                "isGitLab": repository.host == .gitlab,
                "contentFolder": repository.folder.isEmpty ? "businesses/" : repository.folder + "/businesses/",
            ] as [String: Any])
        try out.write(SiteURLs.register + "index.html", theme.renderBytes(page, template: "register"))
        try writeData(to: out)
    }

    /// One input for the template: its id and name, label, hint and what kind of control it is.
    private func field(_ f: FormField, entry: String, prefix: String) -> [String: Any] {
        let strings = presenter.strings
        var d: [String: Any] = [
            "id": prefix + Self.name(f.key).replacingOccurrences(of: "_", with: "-"),
            "key": f.key, "label": label(entry, f.key), "required": f.required, "input": f.input.rawValue,
            "is_" + f.input.rawValue: true,
        ]
        let hint = "reg_hint_" + (strings.dictionary["reg_hint_" + entry + "_" + Self.name(f.key)] != nil ? entry + "_" : "") + Self.name(f.key)
        if strings.dictionary[hint] != nil { d["hint"] = strings[hint] }
        switch f.input {
        case .sector: d["options"] = catalog.sectors.map { ["value": $0.id.value, "text": $0.name.value] }
        case .kind: d["options"] = BusinessKind.allCases.map { ["value": $0.rawValue, "text": label("kind", $0.rawValue)] }
        case .stars: d["options"] = OCOP.stars.map { ["value": String($0), "text": strings.format("ocop_badge", ["stars": String($0)])] }
        case .months: d["months"] = (1...12).map { ["value": String($0)] }
        case .yesNo: d["checked"] = f.key == "available"
        default: break
        }
        return d
    }
}
