#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import Diagnostics
import Foundation
@testable import Preview
import XCTest

/// A minimal HTTP/1.1 client on a raw socket: it sends the request target exactly as
/// written (`..`, `%2e%2e`, backslashes), which URLSession would clean up first.
enum HTTP {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        subscript(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func connect(port: Int, timeout: Double) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect to port \(port): \(String(cString: strerror(errno)))")
        }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: \(errno)") }
            offset += n
        }
    }

    static func request(port: Int, _ method: String = "GET", _ target: String, headers: [String: String] = [:],
                        timeout: Double = 60) throws -> Reply {
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        // A "Host" in `headers` replaces the usual one; an empty one sends none.
        var head = "\(method) \(target) HTTP/1.1\r\n"
        let host = headers["Host"] ?? "127.0.0.1:\(port)"
        if !host.isEmpty { head += "Host: \(host)\r\n" }
        head += "Connection: close\r\n"
        for (k, v) in headers where k != "Host" { head += "\(k): \(v)\r\n" }
        try send(fd, head + "\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n < 0 { throw Failure(description: "no complete answer to \(method) \(target) within \(timeout) s") }
            if n == 0 { break }
            data += buffer[0..<n]
        }
        return try parse(data, method: method)
    }

    static func parse(_ data: [UInt8], method: String) throws -> Reply {
        guard let end = find(Array("\r\n\r\n".utf8), in: data, from: 0) else { throw Failure(description: "no header end in \(data.count) bytes") }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoder = ChunkDecoder()
            body = decoder.feed(body)
        }
        if method == "HEAD" { XCTAssertTrue(body.isEmpty, "a HEAD reply has no body") }
        return Reply(status: status, headers: headers, body: body)
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = start
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}

/// Decodes `Transfer-Encoding: chunked` as bytes arrive.
struct ChunkDecoder {
    private var pending: [UInt8] = []
    private var remaining = 0 // bytes left in the current chunk (plus its CRLF, handled below)
    private var inChunk = false

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var out: [UInt8] = []
        while true {
            if inChunk {
                guard pending.count >= remaining + 2 else {
                    return out
                }
                out += pending[0..<remaining]
                pending.removeFirst(remaining + 2)
                inChunk = false
            } else {
                guard let lineEnd = HTTP.find([13, 10], in: pending, from: 0) else { return out }
                let sizeText = String(decoding: pending[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                pending.removeFirst(lineEnd + 2)
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { return out }
                remaining = size
                inChunk = true
            }
        }
    }
}

/// The live-reload stream as a browser sees it: one state object per event.
final class EventStream {
    struct State {
        var build: Int
        var title: String
        var problems: [(place: String, message: String)]
    }

    private let fd: Int32
    private var raw: [UInt8] = []
    private var headerDone = false
    private var chunks = ChunkDecoder()
    private var text = ""

    init(port: Int) throws {
        fd = try HTTP.connect(port: port, timeout: 1)
        try HTTP.send(fd, "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { close(fd) }

    /// The next state event, waiting at most `timeout` seconds.
    func next(timeout: Double = 60) throws -> State {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let state = takeEvent() { return state }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard left > 0 else { throw HTTP.Failure(description: "no live-reload event within \(timeout) s") }
            guard poll(&pfd, 1, min(left, 1000)) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n == 0 { throw HTTP.Failure(description: "the live-reload stream ended") }
            if n < 0 { continue }
            raw += buffer[0..<n]
            if !headerDone {
                guard let end = HTTP.find(Array("\r\n\r\n".utf8), in: raw, from: 0) else { continue }
                let head = String(decoding: raw[..<end], as: UTF8.self)
                XCTAssertTrue(head.hasPrefix("HTTP/1.1 200"), head)
                XCTAssertTrue(head.lowercased().contains("content-type: text/event-stream"), head)
                raw.removeFirst(end + 4)
                headerDone = true
            }
            text += String(decoding: chunks.feed(raw), as: UTF8.self)
            raw = []
        }
    }

    /// Waits for a state that `accept` likes, skipping others.
    func next(timeout: Double = 90, where accept: (State) -> Bool) throws -> State {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let state = try next(timeout: max(0.1, deadline.timeIntervalSinceNow))
            if accept(state) { return state }
        }
    }

    /// Whether the server ended the stream within `timeout` seconds.
    func endsWithin(_ timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 200) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { return true }
        }
        return false
    }

    private func takeEvent() -> State? {
        while let end = text.range(of: "\n\n") {
            let block = String(text[..<end.lowerBound])
            text.removeSubrange(..<end.upperBound)
            var name = "message", data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data += line.dropFirst(6) }
            }
            guard name == "state", let json = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else { continue }
            let problems = (json["problems"] as? [[String: String]] ?? []).map { ($0["place"] ?? "", $0["message"] ?? "") }
            return State(build: json["build"] as? Int ?? -1, title: json["title"] as? String ?? "", problems: problems)
        }
        return nil
    }
}

/// The repository (for the default theme), found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The day the tests pretend it is, so date rules never change their findings.
let testToday = CivilDate(year: 2026, month: 11, day: 20)!

/// Collects what the server prints.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// A running preview server on a copy of the fixture catalog, on a free port.
final class RunningPreview {
    let root: URL
    let content: URL
    let site: URL
    let theme: URL
    let server: PreviewServer
    let logs = LogLines()
    private(set) var port = 0
    private var task: Task<Void, Error>?

    init(polling: Bool = false, language: Language? = nil, host: String = "127.0.0.1", maxLiveReloadClients: Int? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-preview-\(UUID().uuidString)")
        content = root.appendingPathComponent("content")
        site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        guard let fixture = Bundle.module.url(forResource: "Fixtures/site", withExtension: nil) else { throw CocoaError(.fileNoSuchFile) }
        try FileManager.default.copyItem(at: fixture, to: content)
        // A copy of the default theme: the server watches it, and nothing else may touch it meanwhile.
        theme = root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("themes/default"), to: theme)
        var configuration = PreviewServer.Configuration(
            content: content.path, host: host, port: 0, defaultThemeFolder: theme.path, language: language,
            workingDirectory: root.path, siteFolder: site.path, today: testToday)
        configuration.handleSignals = false
        if let maxLiveReloadClients { configuration.maxLiveReloadClients = maxLiveReloadClients }
        configuration.polling = polling
        let logs = self.logs
        server = PreviewServer(configuration: configuration) { logs.append($0) }
    }

    /// Starts the server and waits for the first build.
    func start(file: StaticString = #filePath, line: UInt = #line) async throws {
        let server = self.server
        task = Task { try await server.run() }
        guard let port = await server.waitForPort() else {
            _ = try await task?.value
            throw HTTP.Failure(description: "the server did not start")
        }
        self.port = port
        try await waitUntil("the first build", timeout: 120) { server.state.current.build >= 1 }
    }

    func stop() async throws {
        await server.stop()
        _ = try await task?.value
        task = nil
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func get(_ target: String, _ method: String = "GET", headers: [String: String] = [:]) throws -> HTTP.Reply {
        try HTTP.request(port: port, method, target, headers: headers)
    }

    func path(_ relative: String) -> String { content.appendingPathComponent(relative).path }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    /// Saves a file as an editor does: written whole and closed.
    func write(_ relative: String, _ text: String) throws {
        let url = content.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func edit(_ relative: String, replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try read(relative)
        XCTAssertTrue(text.contains(old), "\(relative) has no \(old)", file: file, line: line)
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }
}

/// Polls `condition` until it holds (no fixed sleeps: a loaded machine only makes it slower).
func waitUntil(_ what: String, timeout: Double = 60, _ condition: () throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        if Date() > deadline { throw HTTP.Failure(description: "timed out after \(timeout) s waiting for \(what)") }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
}
