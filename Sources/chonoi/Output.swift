import Platform

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
        _ = SystemCalls.writeAll(fd, Array(text.utf8))
    }
}
