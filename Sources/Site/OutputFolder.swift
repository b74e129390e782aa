#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The output folder, built beside its final place and swapped in only when complete:
/// a failed build leaves the previous site exactly as it was, and a web server reading
/// the folder never sees half a site.
final class OutputFolder: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case unsafe(String)
        case io(String)

        var description: String {
            switch self {
            case .unsafe(let s), .io(let s): return s
            }
        }
    }

    let target: String
    let staging: String
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private(set) var fileCount = 0
    private(set) var byteCount = 0

    /// Refuses an output folder whose replacement would destroy something that is not a site:
    /// `/`, the content folder or anything containing it, the working directory or its parents.
    init(target: String, protecting protected: [String]) throws {
        let absolute = Self.absolute(target)
        guard absolute != "/" else { throw Failure.unsafe("the output folder cannot be /") }
        for p in protected.map(Self.absolute) {
            if p == absolute || p.hasPrefix(absolute + "/") {
                throw Failure.unsafe("the output folder \(target) contains \(p); choose a separate folder such as public")
            }
            if absolute.hasPrefix(p + "/") && p == Self.absolute(protected[0]) {
                throw Failure.unsafe("the output folder \(target) is inside the content folder \(p)")
            }
        }
        self.target = absolute
        self.staging = absolute + ".chonoi-building-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 || errno == EEXIST else {
            throw Failure.io("cannot create \(staging): \(String(cString: strerror(errno)))")
        }
        createdFolders.insert(staging)
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        let joined = "/" + parts.joined(separator: "/")
        return FileManager.default.fileExists(atPath: joined) ? (URL(fileURLWithPath: joined).resolvingSymlinksInPath().path) : joined
    }

    /// Writes `bytes` at the site-relative `path` (`co-so/a/index.html`).
    func write(_ path: String, _ bytes: [UInt8]) throws {
        let full = staging + "/" + path
        try makeParents(of: full)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure.io("cannot write \(full): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw Failure.io("cannot write \(full): \(String(cString: strerror(errno)))") }
            offset += n
        }
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

    private func makeParents(of file: String) throws {
        guard let slash = file.lastIndex(of: "/") else { return }
        let folder = String(file[..<slash])
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        if known { return }
        try makeParents(of: folder)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw Failure.io("cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    /// Puts the finished site in place of the old one.
    func commit() throws {
        let old = target + ".chonoi-old-\(getpid())"
        let hadOld = FileManager.default.fileExists(atPath: target)
        if hadOld {
            guard rename(target, old) == 0 else { throw Failure.io("cannot move the previous \(target) aside: \(String(cString: strerror(errno)))") }
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(old, target) }
            throw Failure.io("cannot move the new site into \(target): \(reason)")
        }
        if hadOld { try? FileManager.default.removeItem(atPath: old) }
    }

    /// Removes the unfinished site; the previous one was never touched.
    func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
