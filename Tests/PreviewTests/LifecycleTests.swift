#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import Preview
import XCTest

/// Starting, stopping and the port: in process, and as `chonoi serve` itself.
final class LifecycleTests: XCTestCase {
    func testStopEndsLiveReloadStreamsAndFreesThePort() async throws {
        let preview = try RunningPreview()
        try await preview.start()
        let port = preview.port
        let events = try EventStream(port: port)
        _ = try events.next()
        let idle = try HTTP.connect(port: port, timeout: 5) // a browser's idle keep-alive connection
        defer { close(idle) }
        let started = Date()
        try await preview.stop()
        let took = Date().timeIntervalSince(started)
        XCTAssertLessThan(took, 10, "graceful shutdown does not wait for the open streams")
        XCTAssertTrue(events.endsWithin(5), "the live-reload stream was ended")
        XCTAssertFalse(PortProbe.inUse(host: "127.0.0.1", port: port), "the port is free again")
    }

    func testCommandStopsOnCtrlCAndFreesThePort() throws {
        let workspace = try RunningPreview() // only for its copy of the fixture
        let port = try freePort()
        let run = try CommandRun(["serve", "--content", "content", "--port", String(port)], in: workspace.root)
        defer { run.kill() }
        let address = try run.waitForLine(containing: "Xem trước tại", timeout: 120)
        XCTAssertTrue(address.contains("http://127.0.0.1:\(port)/catalog/"), address)
        _ = try run.waitForLine(containing: "Đã dựng", timeout: 120)
        let events = try EventStream(port: port)
        _ = try events.next()
        XCTAssertEqual(try HTTP.request(port: port, "GET", "/catalog/").status, 200)

        let started = Date()
        run.signal(SIGINT)
        let status = try run.wait(timeout: 30)
        let took = Date().timeIntervalSince(started)
        XCTAssertEqual(status, 0, run.stderr)
        XCTAssertLessThan(took, 10, "Ctrl-C stops promptly (took \(took) s)")
        XCTAssertFalse(PortProbe.inUse(host: "127.0.0.1", port: port), "the port is free again")
        XCTAssertTrue(run.stderr.contains("Đã dừng."), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.root.path + "/public"), "serve never writes public/")
    }

    func testCommandSaysWhenThePortIsTaken() throws {
        let workspace = try RunningPreview()
        let (fd, port) = try listeningSocket()
        defer { close(fd) }
        let vi = try CommandRun(["serve", "--content", "content", "--port", String(port)], in: workspace.root)
        XCTAssertEqual(try vi.wait(timeout: 60), 1)
        XCTAssertTrue(vi.stderr.contains("cổng \(port) trên 127.0.0.1 đang được một chương trình khác dùng"), vi.stderr)
        let en = try CommandRun(["serve", "--content", "content", "--port", String(port), "--lang", "en"], in: workspace.root)
        XCTAssertEqual(try en.wait(timeout: 60), 1)
        XCTAssertTrue(en.stderr.contains("port \(port) on 127.0.0.1 is already in use"), en.stderr)
    }

    func testServerReportsThePortTaken() async throws {
        let (fd, port) = try listeningSocket()
        defer { close(fd) }
        var configuration = PreviewServer.Configuration(content: "content", port: port, defaultThemeFolder: "themes/default")
        configuration.handleSignals = false
        let server = PreviewServer(configuration: configuration) { _ in }
        do {
            try await server.run()
            XCTFail("the server started on a port in use")
        } catch let failure as PreviewServer.Failure {
            guard case .portInUse(_, let p, _) = failure else { return XCTFail("\(failure)") }
            XCTAssertEqual(p, port)
        }
    }

    // MARK: - Helpers

    private func listeningSocket() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard ok else { throw HTTP.Failure(description: "cannot listen: \(errno)") }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func freePort() throws -> Int {
        let (fd, port) = try listeningSocket()
        close(fd)
        return port
    }
}

/// `chonoi` run as a separate process, its stderr read as it comes.
final class CommandRun: @unchecked Sendable {
    private let process = Process()
    private let errors = Pipe()
    private let lock = NSLock()
    private var collected = Data()
    private let ended = DispatchSemaphore(value: 0)

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.collected += data
            self.lock.unlock()
        }
        process.terminationHandler = { [ended] _ in ended.signal() }
        try process.run()
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    func waitForLine(containing text: String, timeout: Double) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = stderr.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            if !process.isRunning { break }
            usleep(20_000)
        }
        throw HTTP.Failure(description: "no line with \"\(text)\"; stderr so far:\n\(stderr)")
    }

    func signal(_ signal: Int32) { Glibc.kill(process.processIdentifier, signal) }

    func wait(timeout: Double) throws -> Int32 {
        guard ended.wait(timeout: .now() + timeout) == .success else {
            throw HTTP.Failure(description: "chonoi did not exit within \(timeout) s; stderr:\n\(stderr)")
        }
        // The rest of stderr, which the handler may not have seen yet.
        errors.fileHandleForReading.readabilityHandler = nil
        let rest = errors.fileHandleForReading.readDataToEndOfFile()
        lock.lock()
        collected += rest
        lock.unlock()
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    }

    /// The executable SwiftPM built beside the test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("chonoi")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Bundle(for: CommandRun.self).bundleURL.deletingLastPathComponent().appendingPathComponent("chonoi")
    }
}

/// The watcher's debounce, on a folder of its own.
final class WatcherTests: XCTestCase {
    final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [ChangeBatch] = []
        func add(_ b: ChangeBatch) { lock.lock(); list.append(b); lock.unlock() }
        var all: [ChangeBatch] { lock.lock(); defer { lock.unlock() }; return list }
    }

    func testAnEditorsSaveDanceIsOneBatch() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/products", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/products/a.md"
        try "one".write(toFile: file, atomically: false, encoding: .utf8)
        let batches = Batches()
        // A long quiet period, so a stall of this (busy) machine inside the dance cannot split it.
        let watcher = Watcher(roots: [folder], quiet: 0.5, settle: 0.015, polling: false) { batches.add($0) }
        XCTAssertEqual(watcher.start(), .inotify)
        defer { watcher.stop() }

        // vim's save: probe file, backup by rename, write the new file, delete the backup.
        let fm = FileManager.default
        _ = fm.createFile(atPath: folder + "/products/4913", contents: Data())
        try fm.removeItem(atPath: folder + "/products/4913")
        try fm.moveItem(atPath: file, toPath: file + "~")
        try "two".write(toFile: file, atomically: false, encoding: .utf8)
        try fm.removeItem(atPath: file + "~")
        try await waitUntil("a batch") { !batches.all.isEmpty }
        // The rest of the dance, if any, must not give a second batch: give it well past the quiet period.
        try await Task.sleep(nanoseconds: 1_000_000_000)
        XCTAssertEqual(batches.all.count, 1, "\(batches.all.map(\.paths))")
        XCTAssertEqual(batches.all.first?.paths, [file])

        // A new folder is watched at once, with what is written into it.
        try fm.createDirectory(atPath: folder + "/moi/products", withIntermediateDirectories: true)
        try "x".write(toFile: folder + "/moi/products/b.md", atomically: false, encoding: .utf8)
        try await waitUntil("the new folder's file") { batches.all.dropFirst().contains { $0.paths.contains(folder + "/moi/products/b.md") || $0.paths.contains(folder + "/moi") } }
        try "y".write(toFile: folder + "/moi/products/b.md", atomically: false, encoding: .utf8)
        try await waitUntil("an edit in the new folder") { batches.all.dropFirst().contains { $0.paths.contains(folder + "/moi/products/b.md") } }
    }
}
