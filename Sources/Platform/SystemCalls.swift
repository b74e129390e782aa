#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPlatform

/// The one place where Linux and macOS differ for chonoi: module-qualified `read`/`write`
/// (Foundation shadows the bare names), `stat`'s time fields, and the atomic swap of two
/// folders. Everything else the code calls is POSIX under the same name on both.
public enum SystemCalls {
    /// Writes every byte, retrying short writes and interrupted calls. False on failure,
    /// with `errno` set.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var pointer = bytes.baseAddress else { return true }
        var left = bytes.count
        while left > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(fd, pointer, left)
            #else
            let n = Darwin.write(fd, pointer, left)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { return false }
            pointer += n
            left -= n
        }
        return true
    }

    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Reads up to `count` bytes; -1 on failure (interrupted calls are retried).
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, buffer, count)
            #else
            let n = Darwin.read(fd, buffer, count)
            #endif
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    /// Gives memory freed so far back to the system. glibc keeps freed blocks for reuse, in
    /// several arenas, and returns little by itself: a build that frees its first reading of
    /// the catalog, or a batch's pages, would keep their memory. Nothing on macOS, whose
    /// allocator returns it on its own.
    public static func returnFreedMemory() {
        chonoi_return_freed_memory()
    }

    /// The modification time of a `stat` result, to the nanosecond.
    public static func modificationTime(_ st: stat) -> (seconds: Int, nanoseconds: Int) {
        #if os(Linux)
        return (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
        #else
        return (Int(st.st_mtimespec.tv_sec), Int(st.st_mtimespec.tv_nsec))
        #endif
    }

    public enum ExchangeResult: Equatable {
        case exchanged
        /// The kernel or the file system offers no atomic swap (ENOSYS, EINVAL, ENOTSUP).
        case unsupported
        case failed(errno: Int32)
    }

    /// Swaps two existing paths in one atomic step, where the kernel offers it.
    public static func exchange(_ first: String, _ second: String) -> ExchangeResult {
        if chonoi_rename_exchange(first, second) == 0 { return .exchanged }
        switch errno {
        case ENOSYS, EINVAL, ENOTSUP: return .unsupported
        default: return .failed(errno: errno)
        }
    }

    /// `strerror` as a Swift string.
    public static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
