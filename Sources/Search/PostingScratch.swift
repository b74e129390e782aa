#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `PostingCollector` writes the lists it can no longer hold: a file in the index's
/// folder, removed from it as soon as it is opened, so nothing is left behind whatever happens;
/// it is gone when closed.
final class PostingScratch {
    private let fd: Int32
    private var size = 0

    init(in folder: String) throws {
        let path = folder + "/.postings-\(getpid())"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IndexWriteError(path: path, code: errno) }
        unlink(path)
    }

    deinit { close(fd) }

    /// Writes `bytes` at the end; returns where they start.
    func append(_ bytes: [UInt8]) throws -> Int {
        let start = size
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, bytes.count - done, off_t(start + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw IndexWriteError(path: "postings scratch file", code: errno) }
            done += n
        }
        size += bytes.count
        return start
    }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw IndexWriteError(path: "postings scratch file", code: n < 0 ? errno : EIO) }
            done += n
        }
        return bytes
    }
}
