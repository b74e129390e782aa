#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to the file descriptors: one write per report, so piped output is
/// never left in a buffer when the process exits with a status.
enum Output {
    enum Stream {
        case standardOutput
        case standardError
    }

    static func write(_ text: String, to stream: Stream = .standardOutput) {
        guard !text.isEmpty else { return }
        let fd: Int32 = stream == .standardOutput ? 1 : 2
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }
}
