import Foundation

/// A new catalog as `chonoi init` writes it: the content tree, `.gitignore`, the clerks' guide
/// and the CI files, all embedded in the binary so `init` works from any folder.
///
/// The folder it describes is a repository's root: `content/` holds the catalog (chonoi's
/// default `--content`), so `chonoi check` and `chonoi build` run there without options,
/// exactly as the CI files run them.
public struct CatalogScaffold: Sendable {
    public struct Settings: Sendable {
        public var title: String
        public var baseURL: String
        public var language: String
        /// Where CI gets chonoi's source, and the tag (or branch) it builds.
        public var chonoiRepository: String
        public var chonoiRef: String

        public init(title: String, baseURL: String, language: String, chonoiRepository: String, chonoiRef: String) {
            self.title = title
            self.baseURL = baseURL
            self.language = language
            self.chonoiRepository = chonoiRepository
            self.chonoiRef = chonoiRef
        }
    }

    /// The example entries (`chonoi new`'s templates, every field explained), passed in so
    /// there is one wording of them.
    public struct Examples: Sendable {
        public var business: String
        public var product: String

        public init(business: String, product: String) {
            self.business = business
            self.product = product
        }
    }

    public static let exampleBusiness = "vi-du-co-so"
    public static let exampleProduct = "vi-du-san-pham"

    public let settings: Settings
    public let examples: Examples

    public init(settings: Settings, examples: Examples) {
        self.settings = settings
        self.examples = examples
    }

    /// Every file, by path relative to the new folder, in the order they are written.
    public var files: [(path: String, text: String)] {
        let business = "content/businesses/\(Self.exampleBusiness)"
        return [
            ("content/site.yml", SiteTemplates.siteYAML(settings)),
            ("content/sectors.yml", SiteTemplates.sectorsYAML),
            ("\(business)/index.md", examples.business),
            ("\(business)/products/\(Self.exampleProduct).md", examples.product),
            (".gitignore", SiteTemplates.gitignore),
            ("HUONG-DAN.md", ClerkGuide.text(settings)),
            (".github/actions/install-chonoi/action.yml", GitHubTemplates.installAction),
            (".github/workflows/kiem-tra.yml", GitHubTemplates.checkWorkflow(settings)),
            (".github/workflows/xuat-ban.yml", GitHubTemplates.publishWorkflow(settings)),
            (".gitlab-ci.yml", GitLabTemplates.pipeline(settings)),
        ]
    }

    public enum Failure: Error, Equatable {
        /// The folder exists and holds something (nothing was written).
        case notEmpty(String)
        /// The path exists and is a file.
        case notAFolder(String)
        case cannotWrite(String)
    }

    /// Writes every file into `folder`, which must not exist or be empty; refuses anything else
    /// before writing, so a folder with work in it is never touched.
    public func write(into folder: String) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure.notAFolder(folder) }
            let inside = (try? manager.contentsOfDirectory(atPath: folder)) ?? ["?"]
            guard inside.isEmpty else { throw Failure.notEmpty(folder) }
        }
        do {
            for file in files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
        } catch {
            throw Failure.cannotWrite("\(error)")
        }
    }
}
