#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Hummingbird
import ServiceLifecycle
import Fingerprint

/// Answers every request: the built site's files (GET and HEAD only), the live-reload
/// stream, and redirects to the site's sub-path.
///
/// Nothing outside the site folder is ever served: the path is decoded strictly once,
/// backslashes, empty, `.` and `..` segments and hidden names are refused, and the file's
/// real path (symbolic links resolved) must be exactly the path asked for.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: PreviewState
    let texts: @Sendable () -> Texts
    /// Live-reload streams open at once, at most (`Configuration.maxLiveReloadClients`).
    let maxStreams: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        // HTTP/1's Host header arrives as the authority.
        guard state.allowsHost(request.head.authority) else { return misdirected() }
        let method = request.method
        guard method == .get || method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .methodNotAllowed, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "405 Method Not Allowed\n")))
        }
        let head = method == .head
        let path = request.uri.path
        if path == LiveReload.eventsPath { return events(head: head) }
        if path == LiveReload.statePath {
            return respond(bytes: Array((LiveReload.json(state.current) + "\n").utf8), type: "application/json; charset=utf-8",
                           status: .ok, request: request)
        }

        let snapshot = state.current
        guard let root = snapshot.siteRoot else { return placeholder(snapshot, request: request) }
        let base = snapshot.basePath
        if base != "/" && (path == "/" || path + "/" == base) { return redirect(to: base) }
        guard path.hasPrefix(base) else { return notFound(snapshot, root: root, request: request) }
        switch Self.resolve(path.dropFirst(base.count), in: root) {
        case .file(let file):
            guard let bytes = Self.read(file) else { return notFound(snapshot, root: root, request: request) }
            return respond(file: file, bytes: bytes, snapshot: snapshot, status: .ok, request: request)
        case .folderWithoutSlash:
            return redirect(to: path + "/")
        case .notFound:
            return notFound(snapshot, root: root, request: request)
        }
    }

    // MARK: - Paths

    enum Resolution: Equatable {
        case file(String)
        case folderWithoutSlash
        case notFound
    }

    /// Maps a request path below the site's base (still percent-encoded) to a file in `root`,
    /// which must be a real path (no symbolic links in it).
    static func resolve(_ raw: Substring, in root: String) -> Resolution {
        guard !raw.contains("\\"), let decoded = percentDecoded(raw), !decoded.contains("\\"), !decoded.contains("\0") else {
            return .notFound
        }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        let wantsFolder = decoded.isEmpty || decoded.hasSuffix("/")
        if wantsFolder { segments.removeLast() }
        for segment in segments where segment.isEmpty || segment.hasPrefix(".") {
            return .notFound // "", ".", "..", hidden files, and "//" (an absolute path smuggled in)
        }
        let target = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        guard let kind = kind(of: target) else { return .notFound }
        switch kind {
        case .folder where wantsFolder:
            let index = target + "/index.html"
            return self.kind(of: index) == .file ? .file(index) : .notFound
        case .folder:
            return .folderWithoutSlash
        case .file where !wantsFolder:
            return .file(target)
        case .file:
            return .notFound
        }
    }

    private enum Kind { case file, folder }

    /// The kind of `path` when it is a regular file or folder reached without any symbolic link.
    private static func kind(of path: String) -> Kind? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        guard String(cString: real) == path else { return nil }
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return nil
        }
    }

    /// Strict percent-decoding: `%` must be followed by two hex digits, and the result must be UTF-8.
    static func percentDecoded(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        while let c = it.next() {
            if c == UInt8(ascii: "%") {
                guard let a = it.next().flatMap(hex), let b = it.next().flatMap(hex) else { return nil }
                bytes.append(a << 4 | b)
            } else {
                bytes.append(c)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return Array(data)
    }

    // MARK: - Responses

    private func respond(file: String, bytes: [UInt8], snapshot: PreviewState.Snapshot, status: HTTPResponse.Status,
                         request: Request) -> Response {
        let type = Self.contentType(file)
        var body = bytes
        if type.hasPrefix("text/html") { body = LiveReload.inject(LiveReload.snippet(snapshot), into: bytes) }
        return respond(bytes: body, type: type, status: status, request: request)
    }

    /// The response with its ETag; 304 when the client already has these bytes.
    private func respond(bytes: [UInt8], type: String, status: HTTPResponse.Status, request: Request) -> Response {
        let etag = Self.etag(bytes)
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if status == .ok, let asked = request.headers[.ifNoneMatch], Self.matches(asked, etag) {
            var response = Response(status: .notModified, headers: headers, body: .init())
            response.headers[.contentLength] = nil
            return response
        }
        headers[.contentLength] = String(bytes.count)
        if request.method == .head { return Response(status: status, headers: headers, body: .init()) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func notFound(_ snapshot: PreviewState.Snapshot, root: String, request: Request) -> Response {
        if let page = Self.read(root + "/404.html") {
            return respond(file: "404.html", bytes: page, snapshot: snapshot, status: .notFound, request: request)
        }
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1></body></html>"
        return respond(file: "404.html", bytes: Array(page.utf8), snapshot: snapshot, status: .notFound, request: request)
    }

    private func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-cache"
        return Response(status: .found, headers: headers, body: .init())
    }

    /// Before the first good build: a page that says so (with the problems, if any) and
    /// reloads itself when the site is ready.
    private func placeholder(_ snapshot: PreviewState.Snapshot, request: Request) -> Response {
        let t = texts()
        let message = snapshot.problems.isEmpty ? t.say("Đang dựng trang…", "Building the site…")
            : t.say("Chưa dựng được trang: hãy sửa các lỗi bên dưới.", "The site could not be built yet: fix the problems below.")
        let page = "<!DOCTYPE html><html lang=\"\(snapshot.language.rawValue)\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>chonoi serve</title></head>"
            + "<body style=\"font:16px/1.5 system-ui,sans-serif;margin:2rem\"><p>\(LiveReload.escape(message))</p></body></html>\n"
        var response = respond(file: "index.html", bytes: Array(page.utf8), snapshot: snapshot, status: .serviceUnavailable,
                               request: request)
        response.headers[.retryAfter] = "1"
        return response
    }

    /// A request for another address (see `HostCheck`): 421, and nothing of the site.
    private func misdirected() -> Response {
        text(.misdirectedRequest, texts().say("421 Địa chỉ không đúng: máy chủ xem trước chỉ trả lời đúng địa chỉ nó được mở\n",
                                               "421 Misdirected Request: the preview server only answers to the address it was started on\n"))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message)))
    }

    /// The live-reload stream: the state now, then again after every rebuild, until the
    /// client leaves or the server shuts down (the stream is cancelled on graceful shutdown,
    /// or Ctrl-C would wait for it forever). 503 past `maxStreams` open streams.
    private func events(head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        if head { return Response(status: .ok, headers: headers, body: .init()) }
        guard let slot = state.reserveStream(limit: maxStreams) else {
            var response = text(.serviceUnavailable, texts().say(
                "503 Quá nhiều trang đang chờ tải lại (tối đa \(maxStreams)); hãy đóng bớt các thẻ xem trước\n",
                "503 Too many pages are waiting for reloads (at most \(maxStreams)); close some preview tabs\n"))
            response.headers[.retryAfter] = "5"
            return response
        }
        let state = self.state
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // The slot is held for as long as this stream runs (and freed if it never does).
            defer { withExtendedLifetime(slot) {} }
            let stream = state.subscribe()
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            // Graceful shutdown ends every stream (PreviewState.close), so the loop ends too.
            try await withGracefulShutdownHandler {
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event))
                }
            } onGracefulShutdown: {
                state.close()
            }
            try await writer.finish(nil)
        })
    }

    // MARK: - Headers

    static func etag(_ bytes: [UInt8]) -> String {
        "\"" + FNV1a.hex(bytes) + "-" + String(bytes.count, radix: 16) + "\""
    }

    /// `If-None-Match`: a list of tags (weak ones compare equal too), or `*`.
    static func matches(_ header: String, _ etag: String) -> Bool {
        for part in header.split(separator: ",") {
            var tag = part.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag == etag { return true }
        }
        return false
    }

    static func contentType(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if name == "feed.xml" { return "application/atom+xml; charset=utf-8" }
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "webmanifest": return "application/manifest+json; charset=utf-8"
        case "svg": return "image/svg+xml; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
