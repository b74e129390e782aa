import Foundation

/// Runs the `git` command with explicit arguments (never through a shell), in one folder.
///
/// Every call passes `-c core.quotepath=off` and asks for NUL-separated output where git
/// offers it, so Vietnamese file names arrive as they are, not as quoted octal escapes.
public struct Git: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        /// `git` itself could not be started (not installed).
        case notInstalled
        /// git ran and refused: its own message (first line), e.g. "not a git repository".
        case failed(String)
    }

    /// The folder git runs in (`git -C`); paths in answers are relative to it where asked.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Runs `git -C directory -c core.quotepath=off <arguments>` and returns its standard output;
    /// throws `Failure`.
    public func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "-c", "core.quotepath=off"] + arguments
        var environment = ProcessInfo.processInfo.environment
        // Messages in English whatever the locale, so failures read the same everywhere;
        // no pager, no prompt for credentials.
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure.notInstalled }
        // Standard error is read on another thread so a long error can never block the output.
        let errors = ErrorCollector()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { throw Failure.notInstalled }
            let message = String(decoding: errors.data, as: UTF8.self)
                .split(separator: "\n").first.map { String($0).replacingOccurrences(of: "fatal: ", with: "") } ?? "exit \(process.terminationStatus)"
            throw Failure.failed(message)
        }
        return data
    }

    /// Output split at NUL bytes, as UTF-8 strings; empty fields (the trailing NUL) are dropped.
    static func fields(_ data: Data) -> [String] {
        data.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Standard error, filled by the reading thread before `group.wait()` returns.
private final class ErrorCollector: @unchecked Sendable {
    var data = Data()
}
