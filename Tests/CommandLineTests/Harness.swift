import Foundation
import XCTest

/// Runs the real `chonoi` executable, as a seller or a CI job would, on trees made for each test.
enum Chonoi {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable SwiftPM built next to the test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("chonoi")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fromTests = Bundle(for: Marker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("chonoi")
        return fromTests
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = env["SOURCE_DATE_EPOCH"] ?? "1795132800" // 2026-11-20, so date rules are stable
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large report cannot fill a pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

private final class Marker {}

/// A scratch copy of a fixture tree in a temporary folder: `content/` inside `root`.
final class Workspace {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }

    init(fixture: String = "valid") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        guard let source = Bundle.module.url(forResource: "Fixtures/\(fixture)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        try FileManager.default.copyItem(at: source, to: content)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ path: String) -> URL { content.appendingPathComponent(path) }

    func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    func write(_ path: String, _ text: String) throws {
        try writeBytes(path, Array(text.utf8))
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    /// Replaces the first occurrence of `old` in a file; fails the test if it is not there.
    func edit(_ path: String, replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try read(path)
        XCTAssertTrue(text.contains(old), "fixture \(path) has no \(old)", file: file, line: line)
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Every file's path and bytes, to prove a command wrote nothing.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            files[url.path] = isDirectory.boolValue ? Data() : (try? Data(contentsOf: url)) ?? Data()
        }
        return files
    }

    func check(_ extra: [String] = []) throws -> Chonoi.Result {
        try Chonoi.run(["check"] + extra, in: root)
    }
}
