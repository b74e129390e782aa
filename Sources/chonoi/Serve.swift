import ArgumentParser
import Catalog
import Diagnostics
import Dispatch
import Foundation
import Preview
import Site

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xem trước trang web khi sửa nội dung. Preview the site locally: rebuild and reload on every save.",
        discussion: """
        Builds the site for this computer's address (links keep site.yml's sub-path, e.g. /cho-noi/), \
        serves it, and watches the content folder and the theme. Every save rebuilds what it touches \
        and reloads the open pages; while the content has errors, the pages show them and the last \
        good build stays on. The site is written to a temporary folder, never into public/, and the \
        live-reload script is added only to what the server sends. Stop with Ctrl-C.

        Exit status: 0 when stopped with Ctrl-C, 1 when the port is taken or the server cannot start.
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on (127.0.0.1: this computer only).", valueName: "host"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on.", valueName: "port"))
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("A theme folder; templates it lacks come from the default theme (default: site.yml's theme, else themes/default).", valueName: "dir"))
    var theme: String?

    @Option(name: .customLong("image-cache"), help: ArgumentHelp("Where encoded photos are kept between builds (default: $CHONOI_IMAGE_CACHE, else .chonoi-cache/images beside the content folder).", valueName: "dir"))
    var imageCache: String?

    @Flag(name: .long, help: "Show drafts too.")
    var drafts = false

    func validate() throws {
        try common.validate()
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
    }

    func run() throws {
        let language = common.lang.flatMap { Language(code: $0) }
        let say = Say(language: language ?? .vi)
        let cwd = FileManager.default.currentDirectoryPath
        let defaultTheme = try locateDefaultTheme(workingDirectory: cwd, say: say)
        var configuration = PreviewServer.Configuration(
            content: common.content, host: host, port: port, themeFolder: theme, defaultThemeFolder: defaultTheme,
            drafts: drafts, language: language, workingDirectory: cwd)
        configuration.imageCache = common.imageCache(imageCache)
        let server = PreviewServer(configuration: configuration) { line in
            Output.write(line + "\n", to: .standardError)
        }
        // The command line is synchronous; the server runs on Swift concurrency's threads
        // until Ctrl-C (SIGINT) or SIGTERM shuts it down gracefully.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await server.run()
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        server.removeSiteFolder()
        if let error = outcome.error {
            Output.write("chonoi: \(error)\n", to: .standardError)
            throw ExitCode(1)
        }
        Output.write(say(vi: "Đã dừng.", en: "Stopped.") + "\n", to: .standardError)
    }
}

/// The error `run` ended with, handed from the server's task to the command.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ error: Error) {
        lock.lock()
        stored = error
        lock.unlock()
    }
}
