import ArgumentParser
import Catalog
import Diagnostics
import Foundation
import Scaffold

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo danh mục mới. Start a new catalog: content, CI files and a guide for clerks.",
        discussion: """
        Writes into DIR (which must not exist or be empty): content/site.yml, content/sectors.yml \
        (13 sectors), one draft example business with a product, .gitignore, HUONG-DAN.md (how \
        clerks add a seller), GitHub Actions workflows (check every pull request with annotations, \
        publish main to GitHub Pages) and .gitlab-ci.yml (the same for GitLab). `chonoi check` \
        passes at once; make DIR a git repository and push it.

        The CI files build chonoi from its source at --chonoi-ref (a tag of --chonoi-repository).

        Exit status: 0 when written, 1 when DIR holds anything or cannot be written (nothing is \
        changed), 64 for a bad option.
        """
    )

    /// Where the CI files get chonoi by default: this project's repository and the release tag
    /// this build belongs to. Change them with the options (a mirror, a fork, a newer tag).
    static let defaultRepository = "https://github.com/chonoi/chonoi.git"
    static let defaultRef = "v0.1.0"

    @Argument(help: ArgumentHelp("The new catalog's folder (a repository's root).", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: "The catalog's title.")
    var title = "Danh mục sản phẩm địa phương"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site will be published, e.g. https://org.github.io/catalog/.", valueName: "url"))
    var baseURL = "https://example.org/"

    @Option(name: .long, help: ArgumentHelp("The catalog's language: vi or en.", valueName: "vi|en"))
    var language = "vi"

    @Option(name: .customLong("chonoi-repository"), help: ArgumentHelp("The git repository CI builds chonoi from.", valueName: "url"))
    var chonoiRepository = Init.defaultRepository

    @Option(name: .customLong("chonoi-ref"), help: ArgumentHelp("The tag (or branch) of it CI builds.", valueName: "ref"))
    var chonoiRef = Init.defaultRef

    func validate() throws {
        guard Language(code: language) != nil else { throw ValidationError("--language must be vi or en, not \"\(language)\"") }
        guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
            throw ValidationError("--base-url must be an absolute http(s) address, e.g. https://example.org/catalog/")
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title must not be empty") }
    }

    func run() throws {
        let say = Say(language: Language(code: language) ?? .vi)
        let sector = "trai-cay"
        let scaffold = CatalogScaffold(
            settings: .init(title: title, baseURL: baseURL.hasSuffix("/") ? baseURL : baseURL + "/", language: language,
                            chonoiRepository: chonoiRepository, chonoiRef: chonoiRef),
            examples: .init(business: Templates.business(sector: sector), product: Templates.product(sector: sector, today: CivilDate.today())))
        do {
            try scaffold.write(into: directory)
        } catch let failure as CatalogScaffold.Failure {
            let message: String
            switch failure {
            case .notEmpty(let folder):
                message = say(vi: "\(folder) đã có tệp; chonoi init chỉ ghi vào thư mục trống hoặc chưa có, không thay đổi gì",
                              en: "\(folder) is not empty; chonoi init writes only into an empty or new folder; nothing was changed")
            case .notAFolder(let path):
                message = say(vi: "\(path) là một tệp, không phải thư mục", en: "\(path) is a file, not a folder")
            case .cannotWrite(let reason):
                message = say(vi: "không ghi được vào \(directory): \(reason)", en: "cannot write into \(directory): \(reason)")
            }
            Output.write("chonoi: " + message + "\n", to: .standardError)
            throw ExitCode(1)
        }
        Output.write(say(
            vi: """
            Đã tạo danh mục mới trong \(directory):
              content/         site.yml, sectors.yml (13 lĩnh vực), một cơ sở mẫu (bản nháp)
              HUONG-DAN.md     hướng dẫn cho cán bộ nhập liệu
              .github/, .gitlab-ci.yml   kiểm tra pull request và đăng trang (chonoi \(chonoiRef))
            Tiếp theo:
              cd \(directory) && chonoi check && git init -b main && git add . && git commit -m "Danh mục mới"

            """,
            en: """
            Wrote a new catalog into \(directory):
              content/         site.yml, sectors.yml (13 sectors), an example business (a draft)
              HUONG-DAN.md     the clerks' guide (Vietnamese)
              .github/, .gitlab-ci.yml   pull-request checks and publishing (chonoi \(chonoiRef))
            Next:
              cd \(directory) && chonoi check && git init -b main && git add . && git commit -m "New catalog"

            """))
    }
}
