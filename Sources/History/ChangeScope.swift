/// What `check --changed` reads and reports, from the paths git says changed (relative to the
/// content folder).
///
/// - site.yml or sectors.yml changed: everything (every entry depends on them).
/// - Otherwise the business folders with a change are read; problems are reported for the
///   changed files themselves and for the folders holding them (a bad folder name, a missing
///   index.md). When a file was deleted or renamed away inside a business folder, every entry
///   of that folder is reported too, since one of them may name the file that is gone.
public enum ChangeScope: Equatable, Sendable {
    case everything
    case entries(businessFolders: Set<String>, files: Set<String>, wholeFolders: Set<String>)

    public init(_ changes: Changes) {
        let all = changes.present.union(changes.removed)
        if all.contains("site.yml") || all.contains("sectors.yml") {
            self = .everything
            return
        }
        var folders: Set<String> = [], whole: Set<String> = []
        for path in all {
            guard let folder = Self.businessFolder(of: path) else { continue }
            folders.insert(folder)
            if changes.removed.contains(path) { whole.insert(folder) }
        }
        self = .entries(businessFolders: folders, files: changes.present, wholeFolders: whole)
    }

    /// `x` for `businesses/x/…` (and for a stray file `businesses/x`).
    static func businessFolder(of path: String) -> String? {
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "businesses", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// Whether a problem reported at `file` (a path relative to the content folder) is one of
    /// the changes'.
    public func reports(_ file: String) -> Bool {
        guard case .entries(_, let files, let whole) = self else { return true }
        if files.contains(file) { return true }
        if let folder = Self.businessFolder(of: file), whole.contains(folder) { return true }
        // A folder holding a changed file: its name, its missing index.md, a stray folder.
        let prefix = file + "/"
        return files.contains { $0.hasPrefix(prefix) }
    }
}
