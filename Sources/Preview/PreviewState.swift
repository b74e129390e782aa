import Diagnostics
import Foundation

/// What the preview is showing right now, shared by the rebuild queue (which changes it)
/// and the HTTP handlers (which read it), and pushed to every live-reload stream.
final class PreviewState: @unchecked Sendable {
    /// One line of the overlay: a diagnostic, or a build failure without a position.
    struct Problem: Sendable, Equatable {
        var place: String
        var message: String
    }

    struct Snapshot: Sendable {
        /// 0 until the first good build; then one more for each build or update.
        var build = 0
        /// The folder being served (nil before the first good build).
        var siteRoot: String?
        /// `/` or `/cho-noi/`: where the site sits on this server.
        var basePath = "/"
        /// Why the current content is not what is served: errors, or a failed build.
        var problems: [Problem] = []
        /// The overlay's heading, in the catalog's language.
        var problemTitle = ""
        var language: Language = .vi
    }

    private let lock = NSLock()
    private var snapshot = Snapshot()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextSubscriber = 0
    private var closed = false
    private var hostCheck: HostCheck?
    private var openStreams = 0

    var current: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    /// Changes the snapshot and tells every live-reload stream.
    func update(_ change: (inout Snapshot) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&snapshot)
        // Yielding never blocks; doing it under the lock keeps every stream in update order.
        let event = LiveReload.event(snapshot)
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// A stream of server-sent events, starting with the current state. It ends when the
    /// server shuts down (`close`) or the client goes away.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        lock.lock()
        if closed {
            lock.unlock()
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.yield(LiveReload.event(snapshot))
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }

    /// A comment line on every stream, so a dead connection is noticed and closed.
    func ping() {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for continuation in targets { continuation.yield(": ping\n\n") }
    }

    var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    /// The server is listening: from now on, requests for this address are answered.
    func listening(host: String, port: Int) {
        lock.lock()
        hostCheck = HostCheck(host: host, port: port)
        lock.unlock()
    }

    /// Whether a request with this `Host` may be answered (none is before the server listens).
    func allowsHost(_ header: String?) -> Bool {
        lock.lock()
        let check = hostCheck
        lock.unlock()
        return check?.allows(header) ?? false
    }

    /// A place for one more live-reload stream, or nil when `limit` are open. The place is
    /// given back when the slot is released, whether or not the response was ever written.
    func reserveStream(limit: Int) -> StreamSlot? {
        lock.lock()
        defer { lock.unlock() }
        guard openStreams < limit else { return nil }
        openStreams += 1
        return StreamSlot(state: self)
    }

    fileprivate func releaseStream() {
        lock.lock()
        openStreams -= 1
        lock.unlock()
    }

    var openStreamCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return openStreams
    }

    /// Ends every stream (graceful shutdown): an endless response would hold the server open.
    func close() {
        lock.lock()
        closed = true
        let targets = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }
}

/// One live-reload stream's place in the cap; released when the last reference goes (the
/// stream ended, or its response was dropped before it started).
final class StreamSlot: @unchecked Sendable {
    private let state: PreviewState

    fileprivate init(state: PreviewState) {
        self.state = state
    }

    deinit { state.releaseStream() }
}
