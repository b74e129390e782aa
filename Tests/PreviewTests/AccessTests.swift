import Foundation
@testable import Preview
import XCTest

/// Who the preview answers: the address it was started on only (DNS rebinding), a bounded
/// number of live-reload streams, and a warning when the whole network can see the drafts.
final class AccessTests: XCTestCase {
    /// Before: any Host was answered, so a page on evil.example whose name was re-pointed at
    /// 127.0.0.1 could read every draft from the seller's own browser.
    func testOnlyRequestsForTheBoundAddressAreAnswered() async throws {
        let preview = try RunningPreview()
        try await preview.start()
        let port = preview.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            XCTAssertEqual(try preview.get("/catalog/", headers: ["Host": host]).status, 200, host)
        }
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost.evil.example:\(port)",
                     "127.0.0.1:\(port == 8080 ? 8081 : 8080)", "127.0.0.1", "localhost", "192.168.1.20:\(port)",
                     "[::1]", "127.0.0.1:\(port)x", "127.0.0.1:\(port):\(port)", "[::1:\(port)"] {
            for path in ["/catalog/", "/catalog/co-so/banh-phong-sa-giang/", LiveReload.statePath, "/", LiveReload.eventsPath] {
                let reply = try preview.get(path, headers: ["Host": host])
                XCTAssertEqual(reply.status, 421, "\(host) \(path)")
                XCTAssertFalse(reply.text.contains("Bánh"), "nothing of the site for \(host)")
                XCTAssertEqual(reply["Content-Type"], "text/plain; charset=utf-8")
            }
        }
        XCTAssertTrue(try preview.get("/catalog/", headers: ["Host": "evil.example:\(port)"]).text.contains("421"))
        XCTAssertNotEqual(try preview.get("/catalog/", headers: ["Host": ""]).status, 200, "no Host at all")
        try await preview.stop()
    }

    /// Before: every live-reload stream was accepted, each holding a connection and a task.
    func testLiveReloadStreamsAreCapped() async throws {
        let preview = try RunningPreview(maxLiveReloadClients: 3)
        try await preview.start()
        var streams: [EventStream] = []
        for _ in 0..<3 {
            let stream = try EventStream(port: preview.port)
            _ = try stream.next()
            streams.append(stream)
        }
        let refused = try preview.get(LiveReload.eventsPath)
        XCTAssertEqual(refused.status, 503)
        XCTAssertEqual(refused["Retry-After"], "5")
        XCTAssertTrue(refused.text.contains("3"), refused.text)
        XCTAssertEqual(try preview.get("/catalog/").status, 200, "pages are still served")
        // A tab closes: its place is given back once a write finds the connection gone (the
        // heartbeat every 15 s does it; here the test pings at once).
        streams.removeFirst()
        try await waitUntil("a stream's place to be given back", timeout: 60) {
            preview.server.state.ping()
            return preview.server.state.openStreamCount < 3
        }
        let again = try EventStream(port: preview.port)
        XCTAssertGreaterThanOrEqual(try again.next().build, 1)
        try await preview.stop()
    }

    func testLoopbackAddresses() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"] { XCTAssertTrue(HostCheck.isLoopback(host), host) }
        for host in ["0.0.0.0", "::", "192.168.1.20", "example.org", "128.0.0.1"] { XCTAssertFalse(HostCheck.isLoopback(host), host) }
        let any = HostCheck(host: "0.0.0.0", port: 8080)
        XCTAssertTrue(any.allows("192.168.1.20:8080"))
        XCTAssertTrue(any.allows("[fe80::1]:8080"))
        XCTAssertTrue(any.allows("localhost:8080"))
        XCTAssertFalse(any.allows("evil.example:8080"))
        XCTAssertFalse(any.allows("192.168.1.20:8081"))
        let lan = HostCheck(host: "192.168.1.20", port: 80)
        XCTAssertTrue(lan.allows("192.168.1.20"))
        XCTAssertTrue(lan.allows("192.168.1.20:80"))
        XCTAssertFalse(lan.allows("localhost"), "not bound to loopback")
        XCTAssertFalse(lan.allows(nil))
    }

    /// Before: nothing said that `--host 0.0.0.0` shows the drafts to the whole network.
    func testListeningBeyondThisComputerIsAWarning() async throws {
        let preview = try RunningPreview(language: .en, host: "0.0.0.0")
        try await preview.start()
        try await waitUntil("the address line") { preview.logs.all.contains { $0.contains("Previewing at") } }
        let warning = preview.logs.all.first { $0.hasPrefix("warning: listening on 0.0.0.0") }
        XCTAssertNotNil(warning, preview.logs.all.joined(separator: "\n"))
        XCTAssertTrue(warning?.contains("drafts included") ?? false)
        XCTAssertEqual(try preview.get("/catalog/").status, 200, "127.0.0.1 reaches every interface")
        XCTAssertEqual(try preview.get("/catalog/", headers: ["Host": "evil.example:\(preview.port)"]).status, 421)
        try await preview.stop()

        let local = try RunningPreview(language: .en)
        try await local.start()
        try await waitUntil("the address line") { local.logs.all.contains { $0.contains("Previewing at") } }
        XCTAssertFalse(local.logs.all.contains { $0.contains("warning: listening") }, "no warning on 127.0.0.1")
        try await local.stop()
    }
}
