#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Platform

/// The paths that changed during one burst of activity.
struct ChangeBatch: Sendable {
    /// Absolute paths of what was created, written, moved or deleted (files and folders).
    var paths: Set<String> = []
    /// Events were lost (the kernel queue overflowed): treat everything as changed.
    var overflow = false
    /// When the first event of the burst was seen (monotonic seconds, `Watcher.now()`).
    var firstEvent: Double = 0
}

/// Watches folders (recursively) and reports bursts of changes, debounced.
///
/// On Linux it uses inotify through Glibc (no C shim): every folder gets a watch, and new
/// folders are added as they appear. Where inotify is not available (or runs out of
/// watches) it falls back to scanning the trees' modification times.
///
/// Debouncing: a burst ends after a quiet period (`quiet`, ~100 ms) without events. When
/// the last event finished a file, written and closed or renamed into place, which is how
/// every editor's save ends, the burst ends after a much shorter `settle` instead, so a
/// save is seen at once and the rest of an editor's save-rename dance (backup files
/// deleted, swap files) is ignored: names starting with `.`, ending with `~` or `.swp`, and
/// vim's `4913` probe are never reported.
final class Watcher: @unchecked Sendable {
    enum Mode: String, Sendable {
        case inotify
        case polling
    }

    let roots: [String]
    let quiet: Double
    let settle: Double
    let pollInterval: Double
    private let onBatch: @Sendable (ChangeBatch) -> Void
    private let lock = NSLock()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)
    private var started = false
    private(set) var mode: Mode
    // Touched by `start()`, then only by the watching thread.
    private var folders: [Int32: String] = [:]
    private var known: [String: Stamp] = [:]

    init(roots: [String], quiet: Double, settle: Double, polling: Bool, pollInterval: Double = 0.5,
         onBatch: @escaping @Sendable (ChangeBatch) -> Void) {
        self.roots = roots
        self.quiet = quiet
        self.settle = settle
        self.pollInterval = pollInterval
        self.onBatch = onBatch
        self.mode = polling ? .polling : .inotify
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Starts watching: the trees are registered before this returns (so no change made after
    /// it is missed), then a thread of its own waits for events. Returns the mode used.
    @discardableResult
    func start() -> Mode {
        var fd: Int32 = -1
        #if os(Linux)
        if mode == .inotify {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd >= 0, !roots.allSatisfy({ watchTree($0, fd: fd) }) {
                close(fd)
                fd = -1
                folders = [:]
            }
            if fd < 0 { mode = .polling }
        }
        #else
        mode = .polling
        #endif
        if mode == .polling { known = scan() }
        let inotifyFD = fd
        started = true
        let thread = Thread { [self] in
            #if os(Linux)
            if mode == .inotify, !watchWithInotify(inotifyFD) {
                // Out of inotify watches while adding a new folder: scan from now on.
                known = scan()
                mode = .polling
            }
            #endif
            if mode == .polling, !isStopped { watchByPolling() }
            finished.signal()
        }
        thread.name = "chonoi-watcher"
        thread.start()
        return mode
    }

    /// Stops watching; returns once the watching thread has ended (at most ~0.3 s).
    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if started && !wasStopped { _ = finished.wait(timeout: .now() + 2) }
    }

    // MARK: - Debouncing

    private struct Burst {
        var batch = ChangeBatch()
        var deadline: Double?

        mutating func add(_ path: String, final: Bool, at now: Double, quiet: Double, settle: Double) {
            if batch.paths.isEmpty && !batch.overflow { batch.firstEvent = now }
            batch.paths.insert(path)
            deadline = now + (final ? settle : quiet)
        }

        mutating func overflowed(at now: Double, quiet: Double) {
            if batch.paths.isEmpty && !batch.overflow { batch.firstEvent = now }
            batch.overflow = true
            deadline = now + quiet
        }

        /// The burst, when its quiet period is over.
        mutating func take(at now: Double) -> ChangeBatch? {
            guard let d = deadline, now >= d else { return nil }
            defer { self = Burst() }
            return batch.paths.isEmpty && !batch.overflow ? nil : batch
        }
    }

    /// Editors' temporary and backup files, and hidden files (which the loader ignores too).
    static func isIgnored(_ name: Substring) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }

    // MARK: - inotify

    #if os(Linux)
    private static let fileMask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_ATTRIB)

    /// Returns false when inotify cannot watch the trees (then polling takes over).
    /// Watches `root` and every folder in it; false when the kernel has no watches left.
    private func watchTree(_ root: String, fd: Int32) -> Bool {
        var ok = true
        Self.walkFolders(root) { folder in
            let wd = inotify_add_watch(fd, folder, Self.fileMask | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW))
            if wd >= 0 {
                folders[wd] = folder
            } else if errno == ENOSPC || errno == ENOMEM {
                ok = false
            }
        }
        return ok
    }

    private func watchWithInotify(_ fd: Int32) -> Bool {
        defer { close(fd) }
        var burst = Burst()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            let now = Self.now()
            let wait = burst.deadline.map { max(0, min(200, Int32((($0 - now) * 1000).rounded(.up)))) } ?? 200
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, wait)
            if ready > 0 {
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                    if n <= 0 { break }
                    let at = Self.now()
                    var offset = 0
                    while offset + 16 <= n {
                        let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                            (raw.load(fromByteOffset: offset, as: Int32.self), raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                             Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                        }
                        let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                        let name = String(decoding: nameBytes, as: UTF8.self)
                        offset += 16 + length
                        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                            burst.overflowed(at: at, quiet: quiet)
                            continue
                        }
                        if mask & UInt32(IN_IGNORED) != 0 {
                            folders[wd] = nil
                            continue
                        }
                        guard let folder = folders[wd], !name.isEmpty else { continue }
                        let path = folder + "/" + name
                        let isFolder = mask & UInt32(IN_ISDIR) != 0
                        if isFolder && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                            // A new folder (a new business, a products/ folder): watch it and what is already in it.
                            if !watchTree(path, fd: fd) { return false }
                        }
                        if Self.isIgnored(name[...]) { continue }
                        let final = mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)) != 0
                        burst.add(path, final: final, at: at, quiet: quiet, settle: settle)
                    }
                }
            }
            if let batch = burst.take(at: Self.now()) { onBatch(batch) }
        }
        return true
    }
    #endif

    /// Calls `visit` for `root` and every folder below it (not following links, skipping hidden ones).
    static func walkFolders(_ root: String, _ visit: (String) -> Void) {
        visit(root)
        guard let dir = opendir(root) else { return }
        var children: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var st = stat()
                isFolder = lstat(root + "/" + name, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { children.append(root + "/" + name) }
        }
        closedir(dir)
        for child in children { walkFolders(child, visit) }
    }

    // MARK: - Polling

    private struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt64
    }

    private func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots {
            Self.walkFolders(root) { folder in
                guard let dir = opendir(folder) else { return }
                defer { closedir(dir) }
                while let entry = readdir(dir) {
                    let name = withUnsafePointer(to: entry.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name == "." || name == ".." || Self.isIgnored(name[...]) { continue }
                    let path = folder + "/" + name
                    var st = stat()
                    guard lstat(path, &st) == 0 else { continue }
                    let modified = SystemCalls.modificationTime(st)
                    stamps[path] = Stamp(seconds: modified.seconds, nanoseconds: modified.nanoseconds,
                                         size: Int(st.st_size), inode: UInt64(st.st_ino))
                }
            }
        }
        return stamps
    }

    private func watchByPolling() {
        var burst = Burst()
        var nextScan = Self.now() + pollInterval
        while !isStopped {
            usleep(20_000)
            let now = Self.now()
            if now >= nextScan {
                let stamps = scan()
                for (path, stamp) in stamps where known[path] != stamp {
                    burst.add(path, final: false, at: now, quiet: quiet, settle: settle)
                }
                for path in known.keys where stamps[path] == nil {
                    burst.add(path, final: false, at: now, quiet: quiet, settle: settle)
                }
                known = stamps
                nextScan = Self.now() + pollInterval
            }
            if let batch = burst.take(at: Self.now()) { onBatch(batch) }
        }
    }
}
