#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import Diagnostics
import Foundation
import Hummingbird
import ServiceLifecycle

/// `chonoi serve`: builds the catalog for this server's address, serves it, watches the
/// content and the theme, rebuilds what a change touches and tells open pages to reload.
///
/// Runs as a ServiceGroup of two services: Hummingbird's HTTP server and the preview
/// (watcher, rebuild queue, live-reload heartbeats). SIGINT and SIGTERM shut both down
/// gracefully: the live-reload streams are ended first, so the server has nothing left
/// to wait for and the port is free within a second or two.
public final class PreviewServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var content: String
        public var host: String
        /// 0 picks a free port (tests).
        public var port: Int
        public var themeFolder: String?
        public var defaultThemeFolder: String
        public var drafts: Bool
        /// `--lang`; nil follows the catalog's `language`, else Vietnamese.
        public var language: Language?
        public var workingDirectory: String
        /// Where the site is written (a fresh temporary folder by default, removed on exit).
        public var siteFolder: String
        /// Where encoded photos are kept (shared with `chonoi build`); nil: `.chonoi-cache/images`
        /// beside the content folder.
        public var imageCache: String?
        public var today: CivilDate
        /// A burst of file events ends after this long without events…
        public var quietPeriod: Double = 0.1
        /// …or after this long once a file has been written and closed, or renamed into place.
        public var settlePeriod: Double = 0.015
        /// Scan for changes instead of using inotify (also chosen when inotify is unavailable).
        public var polling: Bool = false
        /// Whether SIGINT and SIGTERM stop the server (tests call `stop()` instead).
        public var handleSignals: Bool = true
        /// Open live-reload streams at most; one more is answered 503 (each holds a connection
        /// and a task, and the watcher has nobody that many browser tabs to tell).
        public var maxLiveReloadClients: Int = 32

        public init(content: String, host: String = "127.0.0.1", port: Int = 8080, themeFolder: String? = nil,
                    defaultThemeFolder: String, drafts: Bool = false, language: Language? = nil,
                    workingDirectory: String = FileManager.default.currentDirectoryPath, siteFolder: String? = nil,
                    today: CivilDate = CivilDate.today()) {
            self.content = content
            self.host = host
            self.port = port
            self.themeFolder = themeFolder
            self.defaultThemeFolder = defaultThemeFolder
            self.drafts = drafts
            self.language = language
            self.workingDirectory = workingDirectory
            self.siteFolder = siteFolder ?? NSTemporaryDirectory() + "chonoi-serve-\(getpid())-\(UUID().uuidString.prefix(8))/site"
            self.today = today
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case portInUse(host: String, port: Int, language: Language)
        case cannotListen(host: String, port: Int, reason: String, language: Language)

        public var description: String {
            switch self {
            case .portInUse(let host, let port, let language):
                let t = Texts(language: language)
                return t.say("cổng \(port) trên \(host) đang được một chương trình khác dùng; hãy dừng chương trình đó hoặc chọn cổng khác, ví dụ: chonoi serve --port \(port == 65535 ? 8081 : port + 1)",
                             "port \(port) on \(host) is already in use by another program; stop it or choose another port, e.g. chonoi serve --port \(port == 65535 ? 8081 : port + 1)")
            case .cannotListen(let host, let port, let reason, let language):
                let t = Texts(language: language)
                return t.say("không mở được cổng \(port) trên \(host): \(reason)", "cannot listen on \(host) port \(port): \(reason)")
            }
        }
    }

    public let configuration: Configuration
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var stopRequested = false
    private var boundPort: Int?
    private var portWaiters: [CheckedContinuation<Int?, Never>] = []
    private var portSettled = false
    let state = PreviewState()

    public init(configuration: Configuration, log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.log = log
    }

    /// The port the server listens on, once it does (nil if it stopped before listening).
    public func waitForPort() async -> Int? {
        await withCheckedContinuation { continuation in
            lock.lock()
            if portSettled {
                let port = boundPort
                lock.unlock()
                continuation.resume(returning: port)
            } else {
                portWaiters.append(continuation)
                lock.unlock()
            }
        }
    }

    private func settlePort(_ port: Int?) {
        lock.lock()
        guard !portSettled else {
            lock.unlock()
            return
        }
        portSettled = true
        boundPort = port
        let waiters = portWaiters
        portWaiters = []
        lock.unlock()
        for waiter in waiters { waiter.resume(returning: port) }
    }

    /// Serves until SIGINT/SIGTERM (or `stop()`). Throws `Failure.portInUse` when the port is taken.
    public func run() async throws {
        let language = configuration.language ?? .vi
        defer { settlePort(nil) }
        if PortProbe.inUse(host: configuration.host, port: configuration.port) {
            throw Failure.portInUse(host: configuration.host, port: configuration.port, language: language)
        }
        // The site is written beside a staging folder in the same parent, which must exist.
        try? FileManager.default.createDirectory(atPath: URL(fileURLWithPath: configuration.siteFolder).deletingLastPathComponent().path,
                                                 withIntermediateDirectories: true)
        let rebuilder = Rebuilder(configuration: configuration, state: state, log: log)
        let responder = SiteResponder(state: state, texts: { rebuilder.texts }, maxStreams: configuration.maxLiveReloadClients)
        var app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? configuration.port
                state.listening(host: configuration.host, port: port)
                settlePort(port)
                rebuilder.start(port: port)
            }
        )
        app.logger.logLevel = .critical
        let preview = PreviewService(rebuilder: rebuilder, state: state, configuration: configuration, log: log)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app, preview],
            gracefulShutdownSignals: configuration.handleSignals ? [.sigterm, .sigint] : [],
            logger: app.logger))
        let stopEarly = lock.withLock {
            self.group = group
            return stopRequested
        }
        if stopEarly { return }
        do {
            try await group.run()
        } catch {
            rebuilder.stop()
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("EADDRINUSE") {
                throw Failure.portInUse(host: configuration.host, port: configuration.port, language: language)
            }
            if boundPortValue == nil {
                throw Failure.cannotListen(host: configuration.host, port: configuration.port, reason: text, language: language)
            }
            throw error
        }
    }

    private var boundPortValue: Int? {
        lock.lock()
        defer { lock.unlock() }
        return boundPort
    }

    /// Stops the server as Ctrl-C does (graceful shutdown); `run()` returns soon after.
    public func stop() async {
        let group = lock.withLock {
            stopRequested = true
            return self.group
        }
        state.close()
        await group?.triggerGracefulShutdown()
    }

    /// Removes the temporary folder the site was written to. A large site (60,000 pages) takes
    /// many seconds to delete, so a separate `rm` does it and the command exits at once.
    public func removeSiteFolder() {
        let folder = URL(fileURLWithPath: configuration.siteFolder).deletingLastPathComponent().path
        guard folder.hasPrefix(NSTemporaryDirectory()), folder.contains("chonoi-serve-"),
              FileManager.default.fileExists(atPath: folder) else { return }
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/rm")
        remover.arguments = ["-rf", folder]
        remover.standardInput = FileHandle.nullDevice
        remover.standardOutput = FileHandle.nullDevice
        remover.standardError = FileHandle.nullDevice
        do {
            try remover.run()
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}

/// The watcher, the rebuild queue and the heartbeat that keeps live-reload streams honest.
struct PreviewService: Service {
    let rebuilder: Rebuilder
    let state: PreviewState
    let configuration: PreviewServer.Configuration
    let log: @Sendable (String) -> Void

    func run() async throws {
        let watcher = Watcher(roots: [rebuilder.contentRoot] + rebuilder.themeRoots.filter { FileManager.default.fileExists(atPath: $0) },
                              quiet: configuration.quietPeriod, settle: configuration.settlePeriod,
                              polling: configuration.polling || ProcessInfo.processInfo.environment["CHONOI_WATCH"] == "poll") { [rebuilder] batch in
            rebuilder.enqueue(batch)
        }
        if watcher.start() == .polling && !configuration.polling {
            log(rebuilder.texts.say("(inotify không dùng được: dò thay đổi mỗi \(watcher.pollInterval) giây)",
                                    "(inotify is unavailable: looking for changes every \(watcher.pollInterval) s)"))
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 15_000_000_000)
                    state.ping()
                }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        // Streams first: the HTTP server shuts down after this service and waits for open responses.
        state.close()
        watcher.stop()
        rebuilder.stop()
    }
}

/// Whether something already listens on the address (checked before starting, for a clear message).
enum PortProbe {
    static func inUse(host: String, port: Int) -> Bool {
        guard port > 0 else { return false }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return false }
        defer { freeaddrinfo(found) }
        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        return bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 && errno == EADDRINUSE
    }
}
