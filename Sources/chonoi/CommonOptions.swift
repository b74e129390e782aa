import ArgumentParser
import Catalog
import Diagnostics
import Site

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder (site.yml, sectors.yml, businesses/).", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Language of messages: vi or en (default: the catalog's language).", valueName: "vi|en"))
    var lang: String?

    func validate() throws {
        if let lang, Language(code: lang) == nil {
            throw ValidationError("--lang must be vi or en, not \"\(lang)\"")
        }
    }

    /// --lang, else the catalog's `language`, else Vietnamese.
    func language(for site: SiteSettings?) -> Language {
        if let lang, let language = Language(code: lang) { return language }
        if let code = site?.language?.value, let language = Language(code: code) { return language }
        return .vi
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// The default theme `build` and `serve` fall back to, or exit 1 saying it is missing.
func locateDefaultTheme(workingDirectory: String, say: Say) throws -> String {
    guard let folder = Theme.locateDefault(workingDirectory: workingDirectory, executable: CommandLine.arguments[0]) else {
        Output.write(say(vi: "không tìm thấy giao diện mặc định themes/default", en: "cannot find the default theme themes/default") + "\n",
                     to: .standardError)
        throw ExitCode(1)
    }
    return folder
}
