import Foundation

/// When each file under a folder last changed, from one `git log` pass over the whole history.
///
/// Dates are commit times (the committer's, which a rebase or a merge through the web sets to
/// when the change landed), so they are the same on every checkout of a given commit. Merges
/// count as the change they bring to the first parent, so a seller's pull request is dated by
/// when it was merged into the published branch.
public struct ChangeDates: Sendable {
    /// Why there are no dates: the caller falls back to `published` and says so once.
    public enum Unavailable: Error, Equatable, Sendable {
        case notInstalled
        case notARepository
        /// A shallow clone (CI's default depth of 1): its oldest commit would claim every file.
        case shallow
        case failed(String)
    }

    /// Last commit time (seconds since 1970) per path relative to the folder, for files and
    /// for every folder above them (the latest change of anything inside).
    public private(set) var lastChange: [String: Int] = [:]

    public init(lastChange: [String: Int] = [:]) {
        self.lastChange = lastChange
    }

    /// Reads the history of `folder` (one `git rev-parse`, one `git log`).
    public static func read(folder: String) throws -> ChangeDates {
        let git = Git(directory: folder)
        let probe: Data
        do {
            probe = try git.run(["rev-parse", "--is-shallow-repository"])
        } catch Git.Failure.notInstalled {
            throw Unavailable.notInstalled
        } catch {
            throw Unavailable.notARepository
        }
        if String(decoding: probe, as: UTF8.self).hasPrefix("true") { throw Unavailable.shallow }
        let log: Data
        do {
            // Newest first; each commit is "\0<time>\0" (the format, with -z) followed by its
            // NUL-separated file names. The first time a name appears is its last change.
            log = try git.run(["log", "--format=%x00%ct", "--name-only", "-z", "--relative",
                               "--first-parent", "--diff-merges=first-parent", "--no-renames", "HEAD", "--", "."])
        } catch Git.Failure.failed(let message) {
            // A repository without a commit yet has no HEAD: no dates, nothing to explain.
            if message.contains("does not have any commits") || message.contains("unknown revision") { return ChangeDates() }
            throw Unavailable.failed(message)
        } catch {
            throw Unavailable.notInstalled
        }
        return ChangeDates(parsing: log)
    }

    /// Parses the `git log` output described in `read(folder:)`.
    init(parsing log: Data) {
        var time = 0
        var expectTime = false
        var dates: [String: Int] = [:]
        log.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            // Fields are NUL-separated; an empty field marks the start of a commit (its
            // format begins with %x00), and the field after it is the commit time.
            for i in 0...bytes.count {
                guard i == bytes.count || bytes[i] == 0 else { continue }
                let field = UnsafeBufferPointer(rebasing: bytes[start..<i])
                start = i + 1
                if field.isEmpty { expectTime = true; continue }
                var text = String(decoding: field, as: UTF8.self)
                if expectTime {
                    expectTime = false
                    // The file names of a commit follow its time after a newline.
                    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                    time = Int(parts[0]) ?? 0
                    guard parts.count > 1 else { continue }
                    text = String(parts[1])
                }
                text = text.hasPrefix("\n") ? String(text.dropFirst()) : text
                guard !text.isEmpty, dates[text] == nil else { continue }
                dates[text] = time
                // Folders take the latest time of anything under them (max, not first seen,
                // because commit times need not be in order: clocks and rebases differ).
                var folder = Substring(text)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    let key = String(folder)
                    if let known = dates[key], known >= time { continue }
                    dates[key] = time
                }
            }
        }
        lastChange = dates
    }

    /// The latest change of the file or folder at `path` (relative to the folder read), if git knows one.
    public func latest(_ path: String) -> Int? {
        lastChange[path]
    }
}
