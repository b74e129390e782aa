/// `site.yml`: the catalog's own settings.
public struct SiteSettings: Sendable {
    public var file: ContentFile
    public var title: Located<String>?
    public var baseURL: Located<String>?
    public var language: Located<String>?
    public var description: Located<String>?
    public var contactPhone: Located<String>?
    public var contactEmail: Located<String>?
    public var perPage: Located<Int>?
    public var theme: Located<String>?
    /// `submissions: { repository, branch }`: where sellers' registrations go (/dang-ky/).
    public var submissionsRepository: Located<String>?
    public var submissionsBranch: Located<String>?
    public var submissionsFolder: Located<String>?

    public init(file: ContentFile) {
        self.file = file
    }

    public static let defaultPerPage = 24
}
