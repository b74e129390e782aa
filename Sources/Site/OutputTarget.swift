#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalog
import Diagnostics
import Foundation

/// Decides, before anything is rendered, whether `--output DIR` may be replaced by a new site.
///
/// A build replaces its output folder whole, so the folder must be one chonoi owns: missing,
/// empty, or carrying the marker file every build writes. A folder of the user's own (a
/// `docs/` folder, a Pages checkout with `.git` and `CNAME`) is refused and left untouched.
public struct OutputTarget: Sendable {
    /// The file every build leaves at the top of the site. Its presence says "chonoi wrote
    /// this folder and may replace it".
    public static let markerName = ".chonoi-site"
    static let markerText = """
        This folder was written by `chonoi build`, which replaces all of it on every build.
        Keep no files of your own here: put them in the content or the theme instead.

        """

    /// Top-level names of a site built before the marker existed: such a folder holds nothing else.
    static let legacySiteNames: Set<String> = [
        "404.html", "assets", "co-so", "feed.xml", "index.html", "linh-vuc", "robots.txt", "sitemap.xml", "tim-kiem",
    ]

    /// The absolute path the site goes to, symbolic links resolved.
    public let path: String

    public enum Refusal: Error, CustomStringConvertible, Equatable {
        case root
        case containsProtected(target: String, protected: String)
        case insideContent(target: String, content: String)
        case notAFolder(target: String)
        case danglingLink(target: String, destination: String)
        case mountPoint(target: String)
        case foreignFolder(target: String, examples: [String])
        case cannotInspect(target: String, reason: String)

        public var description: String { message(in: .en) }

        /// What went wrong and what to do, in the user's language.
        public func message(in language: Language) -> String {
            switch self {
            case .root:
                return language.pick(vi: "thư mục xuất không thể là /", en: "the output folder cannot be /")
            case .containsProtected(let target, let protected):
                return language.pick(vi: "thư mục xuất \(target) chứa \(protected), mà mỗi lần dựng sẽ thay toàn bộ thư mục xuất; hãy chọn một thư mục riêng, ví dụ public",
                                   en: "the output folder \(target) contains \(protected), and a build replaces the whole output folder; choose a separate folder such as public")
            case .insideContent(let target, let content):
                return language.pick(vi: "thư mục xuất \(target) nằm trong thư mục nội dung \(content); hãy chọn một thư mục bên ngoài, ví dụ public",
                                   en: "the output folder \(target) is inside the content folder \(content); choose a folder outside it, such as public")
            case .notAFolder(let target):
                return language.pick(vi: "\(target) là một tệp, không phải thư mục; hãy chọn tên khác cho --output (không có gì bị thay đổi)",
                                   en: "\(target) is a file, not a folder; choose another name for --output (nothing was changed)")
            case .danglingLink(let target, let destination):
                return language.pick(vi: "\(target) là liên kết tượng trưng tới \(destination), nơi không tồn tại; hãy tạo thư mục đó hoặc xoá liên kết",
                                   en: "\(target) is a symbolic link to \(destination), which does not exist; create that folder or remove the link")
            case .mountPoint(let target):
                return language.pick(vi: "\(target) là điểm gắn (mount point), không thể thay cả thư mục; hãy xuất vào một thư mục con, ví dụ --output \(target)/site",
                                   en: "\(target) is a mount point, which cannot be replaced whole; write into a folder inside it, e.g. --output \(target)/site")
            case .foreignFolder(let target, let examples):
                let list = examples.joined(separator: ", ")
                return language.pick(vi: "thư mục \(target) đã có tệp không phải do chonoi tạo (\(list)); không có gì bị thay đổi. Mỗi lần dựng sẽ thay toàn bộ thư mục xuất: hãy chọn một thư mục mới hoặc trống với --output, hoặc tự dọn thư mục này nếu nó chỉ chứa một trang cũ",
                                   en: "the folder \(target) holds files chonoi did not write (\(list)); nothing was changed. A build replaces the whole output folder: choose a new or empty folder with --output, or empty this one yourself if it only holds an old site")
            case .cannotInspect(let target, let reason):
                return language.pick(vi: "không đọc được thư mục xuất \(target): \(reason)", en: "cannot read the output folder \(target): \(reason)")
            }
        }
    }

    /// Inspects `target` (as the user typed it) without changing anything. `protecting` lists
    /// folders the output may not be or contain, the content folder first (the output may not
    /// sit inside it either).
    public static func inspect(_ target: String, protecting protected: [String]) -> Result<OutputTarget, Refusal> {
        let typed = absolute(target)
        var link = stat()
        let present = lstat(typed, &link) == 0
        if present && (link.st_mode & S_IFMT) == S_IFLNK {
            var st = stat()
            guard stat(typed, &st) == 0 else {
                return .failure(.danglingLink(target: target, destination: linkDestination(typed)))
            }
        }
        let path = resolved(typed)
        guard path != "/" else { return .failure(.root) }
        let protectedPaths = protected.map { resolved(absolute($0)) }
        for p in protectedPaths where p == path || p.hasPrefix(path + "/") {
            return .failure(.containsProtected(target: target, protected: p))
        }
        if let content = protectedPaths.first, path.hasPrefix(content + "/") {
            return .failure(.insideContent(target: target, content: content))
        }
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT { return .success(OutputTarget(path: path)) }
            return .failure(.cannotInspect(target: target, reason: String(cString: strerror(errno))))
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return .failure(.notAFolder(target: target)) }
        var parent = stat()
        if stat(parentFolder(of: path), &parent) == 0, parent.st_dev != st.st_dev {
            return .failure(.mountPoint(target: target))
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return .failure(.cannotInspect(target: target, reason: String(cString: strerror(errno))))
        }
        if names.isEmpty || names.contains(markerName) || Set(names).isSubset(of: legacySiteNames) {
            return .success(OutputTarget(path: path))
        }
        let foreign = names.filter { !legacySiteNames.contains($0) }.sorted()
        return .failure(.foreignFolder(target: target, examples: Array(foreign.prefix(4)) + (foreign.count > 4 ? ["…"] : [])))
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved by name.
    static func absolute(_ path: String) -> String {
        PathText.absolute(path, from: FileManager.default.currentDirectoryPath)
    }

    /// The real path: symbolic links resolved in the longest part that exists, the rest kept.
    static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        guard path != "/", let slash = path.lastIndex(of: "/") else { return path }
        let head = resolved(parentFolder(of: path))
        return (head == "/" ? "" : head) + "/" + path[path.index(after: slash)...]
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func linkDestination(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    }
}
