/// `site.yml`'s `submissions`: the repository and branch a seller's folder is proposed to.
///
/// Only GitHub and GitLab are understood, because the page links to their web pages for
/// creating and uploading files; any other host would give sellers links that do nothing.
public struct SubmissionRepository: Sendable, Equatable {
    public enum Host: String, Sendable {
        case github, gitlab
    }

    public let host: Host
    /// `https://github.com/ORG/REPO` without a trailing slash or `.git`.
    public let url: String
    public let branch: String
    /// The content folder inside the repository (`content`, or "" when it is the root).
    public let folder: String

    public static let defaultBranch = "main"

    /// Nil when `repository` is not an https address of a repository on GitHub or a GitLab host
    /// (gitlab.com, or a host whose name starts with `gitlab.`).
    public init?(repository: String, branch: String?, folder: String?) {
        let lower = repository.lowercased()
        guard lower.hasPrefix("https://") else { return nil }
        var rest = Substring(repository.dropFirst(8))
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.lowercased().hasSuffix(".git") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.allSatisfy({ Self.isName($0) }) else { return nil }
        let hostName = parts[0].lowercased()
        if hostName == "github.com" || hostName == "www.github.com" {
            // GitHub has exactly OWNER/REPO; anything longer is a page inside a repository.
            guard parts.count == 3 else { return nil }
            host = .github
        } else if hostName == "gitlab.com" || hostName.hasPrefix("gitlab.") {
            // GitLab groups nest (group/subgroup/project), but "-" starts its own pages.
            guard !parts.contains("-") else { return nil }
            host = .gitlab
        } else {
            return nil
        }
        url = "https://" + parts.joined(separator: "/")
        let b = branch ?? Self.defaultBranch
        guard Self.isBranch(b) else { return nil }
        self.branch = b
        var f = Substring(folder ?? "")
        while f.hasSuffix("/") { f = f.dropLast() }
        guard Self.isFolder(String(f)) else { return nil }
        self.folder = String(f)
    }

    /// A path segment of a repository address: letters, digits, `.`, `-`, `_`, not `.`/`..`.
    static func isName(_ s: Substring) -> Bool {
        !s.isEmpty && s != "." && s != ".." && s.unicodeScalars.allSatisfy {
            ($0.value < 128 && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
        }
    }

    /// git's rules for a branch name (git-check-ref-format), the ones a person can break.
    public static func isBranch(_ s: String) -> Bool {
        guard !s.isEmpty, !s.hasPrefix("-"), !s.hasPrefix("/"), !s.hasSuffix("/"), !s.hasSuffix("."),
              !s.hasSuffix(".lock"), !s.contains(".."), !s.contains("//"), !s.contains("@{"), s != "@" else { return false }
        return s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !" ~^:?*[\\".unicodeScalars.contains($0) }
    }

    /// "" or a relative folder of plain names (`content`, `catalog/content`); one trailing
    /// slash is allowed.
    public static func isFolder(_ folder: String) -> Bool {
        var s = Substring(folder)
        if s.hasSuffix("/") { s = s.dropLast() }
        return s.isEmpty || s.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { isName($0) }
    }
}
