import Dispatch
import Foundation

/// What changed in a folder since a git revision, committed or not: one `git diff` against the
/// working tree (renames found) and one `git ls-files` for new files git does not track yet.
public struct Changes: Equatable, Sendable {
    /// Paths that exist now and differ from the revision (added, modified, the new name of a rename),
    /// relative to the folder.
    public var present: Set<String> = []
    /// Paths the revision had and the working tree has not (deleted, the old name of a rename).
    public var removed: Set<String> = []

    public init(present: Set<String> = [], removed: Set<String> = []) {
        self.present = present
        self.removed = removed
    }

    /// Changes under `folder` since `revision`; throws `Git.Failure` outside a repository or for
    /// a revision git does not know (a shallow clone may lack it).
    public static func since(_ revision: String, in folder: String) throws -> Changes {
        let git = Git(directory: folder)
        // Both walk the working tree (the diff stats every tracked file, ls-files reads every
        // folder), so they run side by side. `--relative` keeps only what lies under the folder
        // and names it from there; `--` makes a bad revision an error about the revision.
        let questions = [["diff", "--name-status", "-M", "-z", "--relative", "--no-ext-diff", revision, "--"],
                         ["ls-files", "--others", "--exclude-standard", "-z"]]
        var answers = [Result<Data, Error>?](repeating: nil, count: questions.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: questions.count) { i in
            let answer = Result { try git.run(questions[i]) }
            lock.lock(); answers[i] = answer; lock.unlock()
        }
        var changes = Changes()
        changes.read(nameStatus: Git.fields(try answers[0]!.get()))
        changes.present.formUnion(Git.fields(try answers[1]!.get()))
        return changes
    }

    /// Reads `git diff --name-status -z`: a status field, then one path (two for renames and copies).
    mutating func read(nameStatus fields: [String]) {
        var i = 0
        while i < fields.count {
            let status = fields[i].first ?? "M"
            switch status {
            case "R":
                guard i + 2 < fields.count else { return }
                removed.insert(fields[i + 1])
                present.insert(fields[i + 2])
                i += 3
            case "C":
                guard i + 2 < fields.count else { return }
                present.insert(fields[i + 2])
                i += 3
            case "D":
                guard i + 1 < fields.count else { return }
                removed.insert(fields[i + 1])
                i += 2
            default:
                guard i + 1 < fields.count else { return }
                present.insert(fields[i + 1])
                i += 2
            }
        }
    }
}
