import Dispatch
import Foundation

/// When each file under a folder last changed, from `git log --name-only` over the whole history.
///
/// Dates are commit times (the committer's, which a rebase or a merge through the web sets to
/// when the change landed), so they are the same on every checkout of a given commit. Merges
/// count as the change they bring to the first parent, so a seller's pull request is dated by
/// when it was merged into the published branch.
///
/// The cost is git comparing each commit's tree with its parent's, and a catalog keeps ten
/// thousand business folders in one directory, so a long history is cut into one range per
/// core (`git log NEWER ^OLDER`), read in parallel; a newer range's answer wins.
public struct ChangeDates: Sendable {
    /// Why there are no dates: the caller falls back to `published` and says so once.
    public enum Unavailable: Error, Equatable, Sendable {
        case notInstalled
        case notARepository
        /// A shallow clone (CI's default depth of 1): its oldest commit would claim every file.
        case shallow
        case failed(String)
    }

    /// Last commit time (seconds since 1970) per file, by path relative to the folder read.
    public private(set) var files: [String: Int] = [:]
    /// The same for every folder above a file: the latest change of anything inside. Keyed by
    /// slices of the file paths, so 60,000 files do not make 180,000 new strings.
    private var folders: [Substring: Int] = [:]

    /// Below this many commits one `git log` is as fast as several.
    static let commitsPerRange = 1500


    /// Reads the history of `folder`. With a `cache` file (kept between builds, as CI keeps
    /// `.chonoi-cache/`), only the commits since the cached one are read, when it is still on
    /// the branch's first-parent line; the answer is the same as a full read.
    public static func read(folder: String, cache: String? = nil) throws -> ChangeDates {
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
        let commits: [String]
        do {
            commits = String(decoding: try git.run(["rev-list", "--first-parent", "HEAD"]), as: UTF8.self)
                .split(separator: "\n").map(String.init)
        } catch Git.Failure.failed(let message) {
            // A repository without a commit yet has no HEAD: no dates, nothing to explain.
            if message.contains("ambiguous argument 'HEAD'") || message.contains("does not have any commits") { return ChangeDates() }
            throw Unavailable.failed(message)
        } catch {
            throw Unavailable.notInstalled
        }
        guard let head = commits.first else { return ChangeDates() }

        var files: [String: Int] = [:]
        var newCommits = commits[...]
        var exclude: String?
        if let cache, let cached = HistoryCache.read(cache), let at = commits.firstIndex(of: cached.commit) {
            files = cached.files
            newCommits = commits[..<at]
            exclude = cached.commit
        }
        if !newCommits.isEmpty {
            let found = try scan(git: git, commits: newCommits, excluding: exclude)
            // What the new commits changed replaces the cached date.
            files.merge(found) { _, newer in newer }
        }
        if let cache, exclude != head { HistoryCache.write(cache, commit: head, files: files) }
        return ChangeDates(files: files)
    }

    /// `git log` of `commits` (newest first, a first-parent line ending just above `excluding`),
    /// cut into one range per core when it is long.
    private static func scan(git: Git, commits: ArraySlice<String>, excluding: String?) throws -> [String: Int] {
        let count = commits.count
        let ranges = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / commitsPerRange))
        let starts = (0..<ranges).map { commits.startIndex + $0 * count / ranges }
        var results = [Result<[String: Int], Error>?](repeating: nil, count: ranges)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: ranges) { i in
            // Newest first; each commit is "\0<time>\0" (the format, with -z) followed by its
            // NUL-separated file names. The first time a name appears is its last change.
            // `--relative` limits the diff to the folder; a pathspec would make git compare
            // every commit's tree twice (once more to simplify history).
            var arguments = ["log", "--format=%x00%ct", "--name-only", "-z", "--relative",
                             "--first-parent", "--diff-merges=first-parent", "--no-renames", commits[starts[i]]]
            if i + 1 < ranges {
                arguments.append("^" + commits[starts[i + 1]])
            } else if let excluding {
                arguments.append("^" + excluding)
            }
            let result = Result { Self.files(inLog: try git.run(arguments)) }
            lock.lock(); results[i] = result; lock.unlock()
        }
        var files: [String: Int] = [:]
        for result in results {
            switch result {
            case .success(let found)?:
                // Ranges come newest first: a path already dated by a newer range keeps that date.
                files.merge(found) { newer, _ in newer }
            case .failure(Git.Failure.failed(let message))?:
                throw Unavailable.failed(message)
            default:
                throw Unavailable.notInstalled
            }
        }
        return files
    }

    /// Files and the folders above them, each folder taking the latest time of anything inside
    /// (the latest, not the first seen: commit times need not be in order, as clocks and rebases differ).
    public init(files: [String: Int] = [:]) {
        self.files = files
        var folders: [Substring: Int] = [:]
        folders.reserveCapacity(files.count / 2)
        for (path, time) in files {
            var folder = path[...]
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if let known = folders[folder], known >= time { continue }
                folders[folder] = time
            }
        }
        self.folders = folders
    }

    /// Parses the `git log` output described in `read(folder:)`.
    init(parsing log: Data) {
        self.init(files: Self.files(inLog: log))
    }

    /// Each file's first appearance in the log, with the time of that commit.
    static func files(inLog log: Data) -> [String: Int] {
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
                if text.hasPrefix("\n") { text.removeFirst() }
                if !text.isEmpty && dates[text] == nil { dates[text] = time }
            }
        }
        return dates
    }

    /// The latest change of the file or folder at `path` (relative to the folder read), if git knows one.
    public func latest(_ path: String) -> Int? {
        files[path] ?? folders[path[...]]
    }
}
