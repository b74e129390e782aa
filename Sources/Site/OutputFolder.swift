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
    /// An open descriptor of the staging folder, and of each folder directly in it (`co-so`,
    /// `linh-vuc`, …): files and deeper folders are made relative to one of them (`openat`,
    /// `mkdirat`), so the kernel looks up two or three names instead of the whole absolute
    /// path. Only the top level stays open: a site has a handful of folders there, and tens of
    /// thousands below, more than a process may keep open. -1 once closed.
    private var root: Int32
    private var topFolders: [String: Int32] = [:]
    /// The site-relative folders made so far (`co-so/a`), so each is made once and nothing
    /// is looked up before a file is written.
    private var madeFolders: Set<String> = []
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
        FileSystemCalls.removeTree(staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw Failure.io("cannot create \(staging): \(SystemCalls.describe(errno))")
        }
        root = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw Failure.io("cannot open \(staging): \(SystemCalls.describe(errno))") }
        try write(OutputTarget.markerName, OutputTarget.markerText)
    }

    deinit { closeFolders() }

    /// The absolute, link-resolved form of an output path (what `target` will be).
    static func absolute(_ path: String) -> String {
        OutputTarget.resolved(OutputTarget.absolute(path))
    }

    /// Writes `bytes` at the site-relative `path` (`co-so/a/index.html`): one `openat`, one
    /// `write`, one `close` (and a `mkdirat` for each folder the first time).
    func write(_ path: String, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(path, contents: $0) }
    }

    /// Writes `text` from the String's own UTF-8 (a page is not copied into an array first).
    func write(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, contents: UnsafeRawBufferPointer($0)) }
    }

    private func write(_ path: String, contents: UnsafeRawBufferPointer) throws {
        let fd = try create(path)
        defer { close(fd) }
        guard SystemCalls.writeAll(fd, contents) else { throw Failure.io("cannot write \(staging)/\(path): \(SystemCalls.describe(errno))") }
        count(fileOf: contents.count)
    }

    /// Puts the file at `source` (an image cache entry) at the site-relative `path`: a hard link
    /// when both are on one file system (nothing copied), else a copy.
    func place(_ path: String, from source: String) throws {
        let (folder, name) = try locate(path)
        var st = stat()
        guard stat(source, &st) == 0 else { throw Failure.io("cannot read \(source): \(String(cString: strerror(errno)))") }
        if linkat(AT_FDCWD, source, folder, name, 0) != 0 {
            if errno == EEXIST { _ = unlinkat(folder, name, 0) }
            if linkat(AT_FDCWD, source, folder, name, 0) != 0 {
                guard let data = FileManager.default.contents(atPath: source) else {
                    throw Failure.io("cannot read \(source): \(String(cString: strerror(errno)))")
                }
                try write(path, Array(data))
                return
            }
        }
        count(fileOf: Int(st.st_size))
    }

    /// Writes the file at `path` piece by piece, as `produce` hands the pieces over: for the
    /// sitemap, too large at 50,000 businesses to hold whole in memory.
    func write(_ path: String, pieces produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        let file = try openFile(path)
        defer { file.close() }
        try produce(file.append)
    }

    /// A file written a piece at a time over a while (the exports, as the businesses are
    /// rendered), open until `close`.
    final class OpenFile: @unchecked Sendable {
        private let folder: OutputFolder
        private let path: String
        private var fd: Int32
        private var written = 0

        fileprivate init(folder: OutputFolder, path: String, fd: Int32) {
            self.folder = folder
            self.path = path
            self.fd = fd
        }

        deinit { close() }

        func append(_ bytes: [UInt8]) throws {
            guard fd >= 0 else { throw Failure.io("cannot write \(folder.staging)/\(path): already closed") }
            try bytes.withUnsafeBytes { contents in
                guard SystemCalls.writeAll(fd, contents) else {
                    throw Failure.io("cannot write \(folder.staging)/\(path): \(SystemCalls.describe(errno))")
                }
            }
            written += bytes.count
        }

        /// Counted in the folder's files and bytes once closed; closing again does nothing.
        func close() {
            guard fd >= 0 else { return }
            closeDescriptor(fd)
            fd = -1
            folder.count(fileOf: written)
        }
    }

    /// One more file of `bytes` bytes written, for the build's summary; from any thread.
    private func count(fileOf bytes: Int) {
        lock.lock()
        fileCount += 1
        byteCount += bytes
        lock.unlock()
    }

    /// Opens the site-relative `path` to be written a piece at a time (see `OpenFile`).
    func openFile(_ path: String) throws -> OpenFile {
        OpenFile(folder: self, path: path, fd: try create(path))
    }

    /// Opens the site-relative `path` for writing, made or emptied, its folders made first.
    private func create(_ path: String) throws -> Int32 {
        let (folder, name) = try locate(path)
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.io("cannot write \(staging)/\(path): \(SystemCalls.describe(errno))") }
        return fd
    }

    /// The open folder `path` is relative to (the staging folder or a top-level one) and the
    /// rest of `path` from there, once the folders it names are made.
    private func locate(_ path: String) throws -> (folder: Int32, name: String) {
        // A leading slash would make `openat` ignore the folder; the path is the site's anyway.
        let path = path.drop(while: { $0 == "/" })
        guard let firstSlash = path.firstIndex(of: "/"), let lastSlash = path.lastIndex(of: "/") else {
            return (openRoot(), String(path))
        }
        try makeFolder(String(path[..<lastSlash]))
        return (try openTopFolder(String(path[..<firstSlash])), String(path[path.index(after: firstSlash)...]))
    }

    /// Makes the site-relative `folder` and its missing parents, each once.
    private func makeFolder(_ folder: String) throws {
        lock.lock()
        let made = madeFolders.contains(folder)
        lock.unlock()
        if made { return }
        if let firstSlash = folder.firstIndex(of: "/"), let lastSlash = folder.lastIndex(of: "/") {
            try makeFolder(String(folder[..<lastSlash]))
            let top = try openTopFolder(String(folder[..<firstSlash]))
            if mkdirat(top, String(folder[folder.index(after: firstSlash)...]), 0o755) != 0 && errno != EEXIST {
                throw Failure.io("cannot create \(staging)/\(folder): \(SystemCalls.describe(errno))")
            }
        } else {
            let root = openRoot()
            if mkdirat(root, folder, 0o755) != 0 && errno != EEXIST {
                throw Failure.io("cannot create \(staging)/\(folder): \(SystemCalls.describe(errno))")
            }
            let fd = openat(root, folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw Failure.io("cannot open \(staging)/\(folder): \(SystemCalls.describe(errno))") }
            lock.lock()
            // Another thread may have opened it meanwhile: keep one.
            if topFolders[folder] == nil && self.root >= 0 { topFolders[folder] = fd } else { close(fd) }
            lock.unlock()
        }
        lock.lock()
        madeFolders.insert(folder)
        lock.unlock()
    }

    /// Forgets the folders made below the top level (`co-so/a`, `co-so/a/b`): a build writes
    /// into a business's folders only while it renders that business, and at 50,000 businesses
    /// their names are some 300,000 strings (~30 MB). Should one be written into again, making
    /// it costs one `mkdirat` that finds it there.
    func forgetDeepFolders() {
        lock.lock()
        madeFolders = madeFolders.filter { !$0.contains("/") }
        lock.unlock()
    }

    private func openRoot() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return root
    }

    /// The descriptor of a top-level folder `makeFolder` made.
    private func openTopFolder(_ name: String) throws -> Int32 {
        lock.lock()
        let fd = topFolders[name]
        lock.unlock()
        guard let fd else { throw Failure.io("cannot write into \(staging)/\(name): the output folder is closed") }
        return fd
    }

    /// Closes the folders' descriptors: the site is complete (or abandoned), nothing more is
    /// written into it.
    private func closeFolders() {
        lock.lock()
        defer { lock.unlock() }
        for fd in topFolders.values { close(fd) }
        topFolders = [:]
        madeFolders = []
        if root >= 0 { close(root) }
        root = -1
    }

    /// Puts the finished site in place of the old one: one atomic exchange of the two folders
    /// where the kernel and file system offer it (Linux renameat2 RENAME_EXCHANGE, macOS
    /// renamex_np RENAME_SWAP); elsewhere two renames, between which the folder is briefly absent.
    func commit() throws {
        closeFolders()
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
            FileSystemCalls.removeTree(staging)
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
        FileSystemCalls.removeTree(old)
    }

    /// Removes the unfinished site; the previous one was never touched.
    func abandon() {
        closeFolders()
        FileSystemCalls.removeTree(staging)
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
            FileSystemCalls.removeTree(path)
        }
    }
}

/// `close(2)`, for the types here that have a `close` of their own.
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
