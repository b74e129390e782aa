import ArgumentParser
import Catalog
import Diagnostics
import Foundation
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

    /// `--image-cache`, else `CHONOI_IMAGE_CACHE`, else nil (`.chonoi-cache/images` beside the content).
    func imageCache(_ option: String?) -> String? {
        if let option, !option.isEmpty { return option }
        if let variable = ProcessInfo.processInfo.environment["CHONOI_IMAGE_CACHE"], !variable.isEmpty { return variable }
        return nil
    }

    /// Says once, on standard error, that a `SOURCE_DATE_EPOCH` which is not whole seconds from
    /// 1970 to 9999 was ignored: the dates that change pages then come from the clock, and a
    /// rebuild on another day may differ.
    func noteIgnoredSourceDateEpoch(_ language: Language, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let raw = environment["SOURCE_DATE_EPOCH"], CivilDate.sourceDateEpoch(raw) == nil else { return }
        Output.write("chonoi: " + language.pick(
            vi: "bỏ qua SOURCE_DATE_EPOCH=\"\(raw)\" (cần số giây nguyên từ 0 đến năm 9999); dùng ngày hôm nay",
            en: "ignored SOURCE_DATE_EPOCH=\"\(raw)\" (it must be whole seconds from 0 to the year 9999); using today's date") + "\n",
            to: .standardError)
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
