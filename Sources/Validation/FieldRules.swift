import Catalog
import Diagnostics
import VietnameseText

/// Rules shared by several kinds of entry: contact details, web addresses, named files.
enum FieldRules {
    static func phone(_ value: Located<String>?, key: String, file: String, into report: inout Report) {
        guard let value, PhoneNumber.parse(value.value) == nil else { return }
        report.error(.invalidPhone(key: key, value: value.value), file, at: value)
    }

    static func email(_ value: Located<String>?, key: String, file: String, into report: inout Report) {
        guard let value, !looksLikeEmail(value.value) else { return }
        report.error(.invalidEmail(key: key, value: value.value), file, at: value)
    }

    static func webAddress(_ value: Located<String>?, key: String, file: String, into report: inout Report) {
        guard let value, !isWebAddress(value.value) else { return }
        report.error(.invalidWebURL(key: key, value: value.value), file, at: value)
    }

    /// An absolute http(s) address with a host and no spaces; the scheme is what keeps
    /// `javascript:` and relative paths out of the pages.
    static func isWebAddress(_ s: String) -> Bool {
        let lower = s.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = lower.dropFirst(8) } else if lower.hasPrefix("http://") { rest = lower.dropFirst(7) } else { return false }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && host.contains(".") && !s.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !s.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," || $0 == ";" })
    }

    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif"]

    /// A file an entry names must be a plain name of an image inside the entry's own folder.
    static func imageFile(_ value: Located<String>, key: String, available: Set<String>, folder: String, file: String,
                          path: String, minimumWidth: Int, into report: inout Report) {
        let name = value.value
        if name.contains("/") || name.contains("\\") || name == ".." || name == "." || name.hasPrefix("~") {
            report.error(.fileOutsideFolder(key: key, name: name), file, at: value)
            return
        }
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard name.contains("."), imageExtensions.contains(ext) else {
            report.error(.unsupportedImage(key: key, name: name), file, at: value)
            return
        }
        if !available.contains(name) {
            report.error(.fileNotFound(key: key, name: name, folder: folder), file, at: value)
            return
        }
        PhotoRules.check(value, key: key, path: path, minimumWidth: minimumWidth, file: file, into: &report)
    }

    static func year(_ value: Located<Int>?, key: String, today: CivilDate, file: String, into report: inout Report) {
        guard let value, !(1800...today.year).contains(value.value) else { return }
        report.error(.yearOutOfRange(key: key, value: value.value, latest: today.year), file, at: value)
    }

    static func body(isBlank: Bool, line: Int, file: String, into report: inout Report) {
        if isBlank { report.warning(.emptyBody, file, line) }
    }
}
