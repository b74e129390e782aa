#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import Diagnostics
import Dispatch
import Foundation
import Site

/// Turns batches of changed paths into rebuilds, one at a time, on a queue of its own
/// (rendering blocks its threads; HTTP requests are served meanwhile from the last good build).
///
/// - a business folder's files → that folder is read and checked again, and the site updated
///   for that business only (`LiveSite.update`);
/// - site.yml, sectors.yml, the theme, or lost events → everything is read and built again;
/// - any error in the content → nothing is written; the overlay lists the errors, and the
///   changes are remembered for the next rebuild that succeeds.
final class Rebuilder: @unchecked Sendable {
    let configuration: PreviewServer.Configuration
    let state: PreviewState
    private let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "chonoi.rebuild")
    private let lock = NSLock()

    // Only touched on `queue`.
    private let session: CatalogSession
    private var site: LiveSite?
    private var baseURL = ""
    private var port = 0
    private var needsFull = true
    private var pendingSlugs = Set<String>()
    private var firstBuildDone = false

    // Guarded by `lock`.
    private var waiting = ChangeBatch()
    private var scheduled = false
    private var stopped = false
    private var language: Language

    let contentRoot: String
    let themeRoots: [String]

    init(configuration: PreviewServer.Configuration, state: PreviewState, log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.state = state
        self.log = log
        let loader = CatalogLoader(root: configuration.content, workingDirectory: configuration.workingDirectory, loadBodies: true)
        self.session = CatalogSession(loader: loader, today: configuration.today)
        self.contentRoot = loader.root
        self.language = configuration.language ?? .vi
        var themes = [configuration.defaultThemeFolder]
        if let theme = configuration.themeFolder { themes.append(theme) }
        self.themeRoots = themes.map { Self.absolute($0, from: configuration.workingDirectory) }
    }

    var texts: Texts {
        lock.lock()
        defer { lock.unlock() }
        return Texts(language: language)
    }

    static func absolute(_ path: String, from cwd: String) -> String { PathText.absolute(path, from: cwd) }

    // MARK: - Scheduling

    /// The server is listening on `port`: read the catalog and build the site for this address.
    func start(port: Int) {
        queue.async { [self] in
            self.port = port
            session.loadAll()
            needsFull = true
            updateLanguage()
            let t = texts
            log(t.say("Xem trước tại \(address) (Ctrl-C để dừng)", "Previewing at \(address) (Ctrl-C to stop)"))
            if !HostCheck.isLoopback(configuration.host) {
                let host = configuration.host
                log(t.say("chú ý: máy chủ nghe trên \(host), không chỉ máy này: mọi máy trong mạng đều xem được các trang, kể cả bản nháp; dùng --host 127.0.0.1 để chỉ xem trên máy này",
                          "warning: listening on \(host), not only this computer: anyone on the network can see these pages, drafts included; use --host 127.0.0.1 to keep them to this computer"))
            }
            rebuild(after: nil, started: Watcher.now(), printAll: true)
        }
    }

    /// The address to open: the site's own sub-path on this server.
    var address: String {
        let base = session.catalog.site.baseURL.flatMap { SiteURLs(baseURL: $0.value) }?.basePath ?? "/"
        return "http://\(Self.hostForURL(configuration.host)):\(port)\(base)"
    }

    static func hostForURL(_ host: String) -> String {
        if host == "0.0.0.0" || host == "::" || host.isEmpty { return "localhost" }
        return host.contains(":") ? "[\(host)]" : host
    }

    /// A batch from the watcher: merged with any batch still waiting, then handled in turn.
    func enqueue(_ batch: ChangeBatch) {
        lock.lock()
        if stopped {
            lock.unlock()
            return
        }
        if waiting.paths.isEmpty && !waiting.overflow { waiting.firstEvent = batch.firstEvent }
        waiting.paths.formUnion(batch.paths)
        waiting.overflow = waiting.overflow || batch.overflow
        let schedule = !scheduled
        scheduled = true
        lock.unlock()
        if schedule { queue.async { [self] in drain() } }
    }

    private func drain() {
        lock.lock()
        let batch = waiting
        waiting = ChangeBatch()
        scheduled = false
        let stop = stopped
        lock.unlock()
        guard !stop, port != 0 else {
            // Not started yet: the first full build will read everything anyway.
            return
        }
        handle(batch)
        // After any batch (even one that turned out to change nothing, if it interrupted them).
        if site?.listingsAreStale == true { queue.async { [self] in refreshListings() } }
    }

    /// No more rebuilds; waits (briefly) for the one running to end.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        let done = DispatchSemaphore(value: 0)
        queue.async { done.signal() }
        _ = done.wait(timeout: .now() + 1)
    }

    // MARK: - One rebuild

    struct Work {
        var full = false
        var theme = false
        var folders = Set<String>()
        var relist = false
        var changedFiles: [String] = []
        var isEmpty: Bool { !full && !theme && folders.isEmpty && !relist }
    }

    /// What a set of changed paths asks for.
    func classify(_ batch: ChangeBatch) -> Work {
        var work = Work()
        if batch.overflow {
            work.full = true
            work.theme = true
        }
        let businesses = contentRoot + "/businesses"
        for path in batch.paths.sorted() {
            if themeRoots.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
                work.theme = true
                work.changedFiles.append(path)
            } else if path.hasPrefix(businesses + "/") {
                let rest = path.dropFirst(businesses.count + 1)
                let name = String(rest.prefix { $0 != "/" })
                work.folders.insert(name)
                if !rest.contains("/") { work.relist = true }
                work.changedFiles.append(path)
            } else if path == businesses || path == contentRoot + "/site.yml" || path == contentRoot + "/sectors.yml" {
                work.full = true
                work.changedFiles.append(path)
            }
            // Anything else in the content folder (notes, a README) is not part of the catalog.
        }
        return work
    }

    private func handle(_ batch: ChangeBatch) {
        let work = classify(batch)
        guard !work.isEmpty else { return }
        let started = batch.firstEvent > 0 ? batch.firstEvent : Watcher.now()
        if work.full {
            session.loadAll()
            needsFull = true
        } else if !work.folders.isEmpty || work.relist {
            pendingSlugs.formUnion(session.reload(folders: work.folders, relist: work.relist))
        }
        if work.theme { needsFull = true }
        updateLanguage()
        rebuild(after: work, started: started, printAll: work.full)
    }

    private func updateLanguage() {
        let catalogLanguage = session.catalog.site.language.flatMap { Language(code: $0.value) }
        lock.lock()
        language = configuration.language ?? catalogLanguage ?? .vi
        lock.unlock()
    }

    private func displayed(_ path: String) -> String {
        let cwd = configuration.workingDirectory.hasSuffix("/") ? configuration.workingDirectory : configuration.workingDirectory + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    private func rebuild(after work: Work?, started: Double, printAll: Bool) {
        let t = texts
        let lang = t.language
        let diagnostics = session.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.count - errors.count
        // The files the change was about (not an editor's temporary files, gone by now).
        let files = work.map { w in w.changedFiles.filter { FileManager.default.fileExists(atPath: $0) }.nilIfEmpty ?? w.changedFiles } ?? []
        let changed = files.prefix(3).map(displayed).joined(separator: ", ") + (files.count > 3 ? ", …" : "")

        if !errors.isEmpty {
            // Print what the change caused (everything, on a full read).
            let shown = printAll ? diagnostics : errors
            log(DiagnosticFormat.text.render(shown, language: lang).trimmingCharacters(in: .newlines))
            let title = t.say("Chưa dựng lại trang: \(errors.count) lỗi cần sửa (trang đang xem là bản dựng trước)",
                              "Not rebuilt: \(errors.count) error\(errors.count == 1 ? "" : "s") to fix (you are seeing the last good build)")
            state.update { s in
                s.problems = errors.map { PreviewState.Problem(place: "\($0.location.file):\($0.location.line):\($0.location.column)",
                                                               message: $0.text(lang)) }
                s.problemTitle = title
                s.language = lang
            }
            log(title + (changed.isEmpty ? "" : " — " + changed))
            return
        }

        do {
            let renderStarted = Watcher.now()
            let report = try buildOrUpdate()
            let now = Watcher.now()
            let siteRoot = FileManager.default.fileExists(atPath: report.output)
                ? URL(fileURLWithPath: report.output).resolvingSymlinksInPath().path : report.output
            let base = SiteURLs(baseURL: baseURL)?.basePath ?? "/"
            state.update { s in
                s.build += 1
                s.siteRoot = siteRoot
                s.basePath = base
                s.problems = []
                s.problemTitle = ""
                s.language = lang
            }
            if printAll && warnings > 0 {
                log(DiagnosticFormat.text.render(diagnostics, language: lang).trimmingCharacters(in: .newlines))
            } else if let work, !work.folders.isEmpty {
                let own = session.diagnostics(inFolders: work.folders)
                if !own.isEmpty { log(DiagnosticFormat.text.render(own, language: lang).trimmingCharacters(in: .newlines)) }
            }
            let ms = Int(((now - renderStarted) * 1000).rounded())
            let total = Int(((now - started) * 1000).rounded())
            let verb = !firstBuildDone ? t.say("Đã dựng", "Built") : report.full ? t.say("Đã dựng lại toàn bộ", "Rebuilt everything:")
                : t.say("Đã dựng lại", "Rebuilt")
            firstBuildDone = true
            var line = t.say("\(verb) \(report.pages) trang (\(report.files) tệp) trong \(ms) ms",
                             "\(verb) \(report.pages) pages (\(report.files) files) in \(ms) ms")
            if work != nil { line += t.say(", \(total) ms sau khi lưu", ", \(total) ms after the save") }
            line += t.say(warnings > 0 ? "; \(warnings) cảnh báo" : "; không có lỗi",
                          warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : "; no problems")
            if !changed.isEmpty { line += " — " + changed }
            log(line)
        } catch {
            needsFull = true
            let title = t.say("Không dựng được trang", "The site could not be built")
            state.update { s in
                s.problems = [PreviewState.Problem(place: "chonoi", message: "\(error)")]
                s.problemTitle = title
                s.language = lang
            }
            log("chonoi: " + title + ": \(error)")
        }
    }

    /// Writes the sitemap, feed, open data and search index after the pages of an update are
    /// served (they list everything: seconds at 10,000 businesses). They give way as soon as
    /// another change waits, so a save never waits behind them; the next quiet moment finishes
    /// them (a person editing pauses; the preview's search page is out of date meanwhile).
    private func refreshListings() {
        let busy = { self.lock.withLock { self.stopped || self.scheduled } }
        guard !busy(), let site, site.listingsAreStale else { return }
        do {
            try site.updateListings(stoppingWhen: busy)
        } catch {
            needsFull = true
            log("chonoi: " + texts.say("không ghi được sơ đồ trang, nguồn tin và chỉ mục tìm kiếm: ",
                                       "cannot write the sitemap, feed and search index: ") + "\(error)")
        }
    }

    /// The whole site after a full read or a theme change, else only what the changed businesses touch.
    private func buildOrUpdate() throws -> LiveSite.Report {
        let catalog = session.catalog
        let base = catalog.site.baseURL.flatMap { SiteURLs(baseURL: $0.value) }?.basePath ?? "/"
        let url = "http://\(Self.hostForURL(configuration.host)):\(port)\(base)"
        if site == nil || url != baseURL || needsFull {
            if site == nil || url != baseURL {
                baseURL = url
                var options = SiteBuilder.Options(
                    output: configuration.siteFolder, themeFolder: configuration.themeFolder ?? catalog.site.theme?.value,
                    defaultThemeFolder: configuration.defaultThemeFolder, baseURL: url, includeDrafts: configuration.drafts,
                    today: configuration.today, protectedFolders: [contentRoot, configuration.workingDirectory])
                options.imageCache = configuration.imageCache
                site = LiveSite(options: options)
            }
            let report = try site!.build(catalog)
            needsFull = false
            pendingSlugs = []
            return report
        }
        let report = try site!.update(catalog, changed: pendingSlugs)
        pendingSlugs = []
        return report
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
