#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Platform

/// The output folder, built beside its final place and swapped in only when complete: a failed
/// build leaves the previous site exactly as it was, and a web server reading the folder sees
/// the old site or the new one, never half of one and never none.
///
/// Only a folder `OutputTarget` accepts is ever replaced (missing, empty, or marked as
/// chonoi's), and that is decided before anything is rendered.
final class OutputFolder: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case refused(OutputTarget.Refusal)
        case io(String)

        var description: String {
            switch self {
            case .refused(let refusal): return refusal.description
            case .io(let s): return s
            }
        }
    }

    let target: String
    let staging: String
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private(set) var fileCount = 0
    private(set) var byteCount = 0

    /// Checks the target (see `OutputTarget`), creates its missing parents, clears what a
    /// crashed build left beside it, and starts the new site in a staging folder with the marker.
    init(target: String, protecting protected: [String]) throws {
        let checked: OutputTarget
        switch OutputTarget.inspect(target, protecting: protected) {
        case .success(let t): checked = t
        case .failure(let refusal): throw Failure.refused(refusal)
        }
        self.target = checked.path
        self.staging = checked.path + ".chonoi-building-\(getpid())"
        try FileSystemCalls.makeFolder(OutputTarget.parentFolder(of: checked.path))
        Self.removeLeftovers(of: checked.path)
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw Failure.io("cannot create \(staging): \(SystemCalls.describe(errno))")
        }
        createdFolders.insert(staging)
        try write(OutputTarget.markerName, OutputTarget.markerText)
    }

    /// The absolute, link-resolved form of an output path (what `target` will be).
    static func absolute(_ path: String) -> String {
        OutputTarget.resolved(OutputTarget.absolute(path))
    }

    /// Writes `bytes` at the site-relative `path` (`co-so/a/index.html`).
    func write(_ path: String, _ bytes: [UInt8]) throws {
        let full = staging + "/" + path
        try makeParents(of: full)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure.io("cannot write \(full): \(SystemCalls.describe(errno))") }
        defer { close(fd) }
        guard SystemCalls.writeAll(fd, bytes) else { throw Failure.io("cannot write \(full): \(SystemCalls.describe(errno))") }
        lock.lock()
        fileCount += 1
        byteCount += bytes.count
        lock.unlock()
    }

    func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }

    /// Puts the file at `source` (an image cache entry) at the site-relative `path`: a hard link
    /// when both are on one file system (nothing copied), else a copy.
    func place(_ path: String, from source: String) throws {
        let full = staging + "/" + path
        try makeParents(of: full)
        var st = stat()
        guard stat(source, &st) == 0 else { throw Failure.io("cannot read \(source): \(String(cString: strerror(errno)))") }
        if link(source, full) != 0 {
            if errno == EEXIST { _ = unlink(full) }
            if link(source, full) != 0 {
                guard let data = FileManager.default.contents(atPath: source) else {
                    throw Failure.io("cannot read \(source): \(String(cString: strerror(errno)))")
                }
                try write(path, Array(data))
                return
            }
        }
        lock.lock()
        fileCount += 1
        byteCount += Int(st.st_size)
        lock.unlock()
    }

    /// Writes the file at `path` piece by piece, as `produce` hands the pieces over: for the
    /// exports, too large at 10,000 businesses to hold whole in memory.
    func write(_ path: String, pieces produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        let full = staging + "/" + path
        try makeParents(of: full)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure.io("cannot write \(full): \(SystemCalls.describe(errno))") }
        defer { close(fd) }
        var written = 0
        try produce { bytes in
            guard SystemCalls.writeAll(fd, bytes) else { throw Failure.io("cannot write \(full): \(SystemCalls.describe(errno))") }
            written += bytes.count
        }
        lock.lock()
        fileCount += 1
        byteCount += written
        lock.unlock()
    }

    private func makeParents(of file: String) throws {
        guard let slash = file.lastIndex(of: "/") else { return }
        let folder = String(file[..<slash])
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        if known { return }
        try makeParents(of: folder)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw Failure.io("cannot create \(folder): \(SystemCalls.describe(errno))")
        }
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    /// Puts the finished site in place of the old one: one atomic exchange of the two folders
    /// where the kernel and file system offer it (Linux renameat2 RENAME_EXCHANGE, macOS
    /// renamex_np RENAME_SWAP); elsewhere two renames, between which the folder is briefly absent.
    func commit() throws {
        var st = stat()
        guard lstat(target, &st) == 0 else {
            guard rename(staging, target) == 0 else {
                throw Failure.io("cannot move the new site into \(target): \(SystemCalls.describe(errno))")
            }
            return
        }
        switch SystemCalls.exchange(staging, target) {
        case .exchanged:
            // `staging` now holds the previous site.
            try? FileManager.default.removeItem(atPath: staging)
        case .unsupported:
            try swapByRenaming()
        case .failed(let code):
            throw Failure.io("cannot put the new site in place of \(target): \(SystemCalls.describe(code))")
        }
    }

    private func swapByRenaming() throws {
        let old = target + ".chonoi-old-\(getpid())"
        guard rename(target, old) == 0 else {
            throw Failure.io("cannot move the previous \(target) aside: \(SystemCalls.describe(errno))")
        }
        guard rename(staging, target) == 0 else {
            let reason = SystemCalls.describe(errno)
            _ = rename(old, target)
            throw Failure.io("cannot move the new site into \(target): \(reason)")
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    /// Removes the unfinished site; the previous one was never touched.
    func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// A build that was killed leaves `<target>.chonoi-building-<pid>` (or `-old-<pid>`) beside
    /// the site; remove those whose process is gone and that carry the marker, nothing else.
    private static func removeLeftovers(of target: String) {
        let folder = OutputTarget.parentFolder(of: target)
        let prefix = String(target[target.index(after: target.lastIndex(of: "/")!)...]) + ".chonoi-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.hasPrefix("building-") || rest.hasPrefix("old-"),
                  let pid = Int32(rest.split(separator: "-").last ?? ""), pid != getpid(),
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path + "/" + OutputTarget.markerName) else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
