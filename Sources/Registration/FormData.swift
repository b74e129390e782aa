import Catalog
import Diagnostics
import Foundation

/// `dang-ky/bieu-mau.json`: everything register.js needs to check and write a seller's folder,
/// taken from the Swift side so the page and `chonoi check` never disagree — the sectors, the
/// kinds, the fields and which are required, the validator's messages, the folder names
/// already taken, and where the folder is proposed.
public struct FormData {
    public let catalog: Catalog
    /// Every business folder's slug, drafts included.
    public let taken: [String]
    public let repository: SubmissionRepository
    public let language: Language
    /// The words of the page for a field (`business`, `address.ward`), or a kind (`kind`,
    /// `hop-tac-xa`): from the theme.
    public let label: (_ entry: String, _ key: String) -> String

    /// `taken` defaults to the slugs of `catalog.businesses`.
    public init(catalog: Catalog, taken: [String]? = nil, repository: SubmissionRepository, language: Language,
                label: @escaping (_ entry: String, _ key: String) -> String) {
        self.catalog = catalog
        self.taken = taken ?? catalog.businesses.map(\.slug)
        self.repository = repository
        self.language = language
        self.label = label
    }

    /// The image size the page re-encodes photos to: sharp on a phone and a desktop, well
    /// under the validator's 5 MB, and small enough to send over a country connection.
    public static let photoLongSide = 1600
    public static let photoQuality = 0.85
    /// Beyond this many characters a prefilled new-file address is refused by the hosts'
    /// servers (GitHub answers 414 a little above 8 KB), so the page offers the download instead.
    public static let maxLinkLength = 8000

    public func json() -> [UInt8] {
        func fields(_ list: [FormField], _ entry: String) -> [[String: Any]] {
            list.map { ["key": $0.key, "input": $0.input.rawValue, "required": $0.required, "label": label(entry, $0.key)] }
        }
        let object: [String: Any] = [
            "lang": language.rawValue,
            "sectors": catalog.sectors.map { ["id": $0.id.value, "name": $0.name.value] },
            "kinds": BusinessKind.allCases.map { ["id": $0.rawValue, "label": label("kind", $0.rawValue)] },
            "fields": ["business": fields(FormFields.business, "business"), "product": fields(FormFields.product, "product")],
            "messages": MessageTemplates.all(language),
            // Every folder, drafts included: a new seller must not overwrite one.
            "taken": taken.sorted(),
            "submissions": ["host": repository.host.rawValue, "repository": repository.url, "branch": repository.branch,
                            "folder": repository.folder],
            "photo": ["longSide": Self.photoLongSide, "quality": Self.photoQuality],
            "maxLink": Self.maxLinkLength,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }
}

extension SubmissionRepository {
    /// The repository `site.yml` names, or nil when it names none or one the check refuses.
    public init?(site: SiteSettings) {
        guard let repository = site.submissionsRepository?.value else { return nil }
        self.init(repository: repository, branch: site.submissionsBranch?.value, folder: site.submissionsFolder?.value)
    }
}
