#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Platform

/// The few file-system calls loading needs, straight to POSIX: Foundation's FileManager
/// costs several times more per call, and a catalog has tens of thousands of files.
enum FileSystem {
    enum Kind {
        case file
        case directory
        case symlink
        case other
    }

    struct Entry {
        var name: String
        var kind: Kind
    }

    /// The entries of a folder, without "." and "..", sorted by name bytes for a stable order.
    static func list(_ path: String) -> [Entry]? {
        OpenFolder(path: path)?.entries()
    }

    /// What is at `path` itself (a symbolic link is `.symlink`), without opening it; nil when nothing is.
    static func kind(of path: String) -> Kind? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The kind of what a path finally points to, following symbolic links.
    static func kindFollowingLinks(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .other }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    enum ReadResult {
        case bytes([UInt8])
        case tooLarge(Int)
        case failed(String)
    }

    /// Reads a whole file, refusing (without reading) one larger than `limit` bytes, or anything
    /// that is not a regular file. Callers look before they open (a FIFO would block `open`);
    /// O_NONBLOCK keeps a pipe swapped in after that look from hanging the read.
    static func read(_ path: String, limit: Int) -> ReadResult {
        read(opened: open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), limit: limit)
    }

    /// The rest of `read`, once the file is opened (by path, or in an `OpenFolder`): `fd` is
    /// the result of that `open`, closed here.
    static func read(opened fd: Int32, limit: Int) -> ReadResult {
        guard fd >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failed(String(cString: strerror(errno))) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .failed(notRegularReason) }
        let size = Int(st.st_size)
        if size > limit { return .tooLarge(size) }
        var failure: Int32 = 0
        // Uninitialised: every byte kept is one read, and zeroing them first costs as much as the copy.
        let buffer = [UInt8](unsafeUninitializedCapacity: size) { storage, count in
            while count < size {
                let n = SystemCalls.read(fd, into: storage.baseAddress! + count, count: size - count)
                if n < 0 { failure = errno; return }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { return .failed(String(cString: strerror(failure))) }
        return .bytes(buffer)
    }

    static let notRegularReason = "not a regular file"

    static func fileSize(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(cString: buffer)
    }
}
