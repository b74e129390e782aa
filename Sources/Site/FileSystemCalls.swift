#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls for making folders and moving files into a live site, with errors that
/// say which path failed (`LiveSite` installing a delta, `OutputFolder` making missing parents).
enum FileSystemCalls {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeFolder(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
    }

    static func move(_ source: String, to target: String) throws {
        guard rename(source, target) == 0 else {
            throw Failure(description: "cannot move \(source) to \(target): \(String(cString: strerror(errno)))")
        }
    }
}
