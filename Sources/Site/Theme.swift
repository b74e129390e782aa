import Foundation
import Mustache
import Templates

/// A theme: Mustache templates and static assets. A custom theme only needs the files it
/// changes; every template or asset it lacks comes from the default theme.
public struct Theme: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case missingFolder(String)
        case template(name: String, file: String, message: String)

        public var description: String {
            switch self {
            case .missingFolder(let path): return "theme folder \(path) does not exist"
            case .template(let name, let file, let message): return "template \(name) (\(file)): \(message)"
            }
        }
    }

    /// Every template a theme must provide (through the default theme at least).
    public static let requiredTemplates = [
        "base", "home", "sector", "business", "product", "search", "404", "print",
        "partials/header", "partials/footer", "partials/product-card", "partials/business-card",
    ]

    let library: CompiledLibrary
    /// Template sources by name, kept to specialise them once the build's constants are known.
    private let sources: [String: String]
    /// Asset name (relative to `assets/`) → file on disk.
    let assets: [String: String]
    /// Names of the theme's UI words (`strings.yml` is not used: words live in templates).
    public let folders: [String]

    /// - Parameters:
    ///   - folder: the chosen theme, or nil for the default one.
    ///   - defaultFolder: the default theme, where missing files come from.
    public init(folder: String?, defaultFolder: String) throws {
        var folders = [defaultFolder]
        if let folder, folder != defaultFolder { folders.append(folder) }
        for f in folders where !FileManager.default.fileExists(atPath: f) { throw LoadError.missingFolder(f) }
        var templates: [String: (text: String, file: String)] = [:]
        var assets: [String: String] = [:]
        // Later folders (the chosen theme) override earlier ones (the default theme), file by file.
        for f in folders {
            for (name, file) in Self.files(in: f + "/templates", withExtension: "mustache") {
                templates[name] = (try String(contentsOfFile: file, encoding: .utf8), file)
            }
            for (name, file) in Self.files(in: f + "/assets", withExtension: nil) {
                assets[name] = file
            }
        }
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            let entry = templates[name]!
            do {
                try library.register(entry.text, named: name)
            } catch {
                throw LoadError.template(name: name, file: entry.file, message: "\(error)")
            }
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw LoadError.template(name: name, file: folders.joined(separator: ", "), message: "missing")
        }
        self.library = CompiledLibrary(library, names: templates.keys.sorted())
        self.sources = templates.mapValues(\.text)
        self.assets = assets
        self.folders = folders
    }

    /// Files under `folder`, by their path relative to it (without the extension when one is given).
    private static func files(in folder: String, withExtension ext: String?) -> [(String, String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [(String, String)] = []
        for case let relative as String in enumerator {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            if let ext {
                guard relative.hasSuffix("." + ext) else { continue }
                found.append((String(relative.dropLast(ext.count + 1)), path))
            } else {
                found.append((relative, path))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The same theme with every `{{name}}` / `{{{name}}}` whose value is the same on every
    /// page of a build (`t.*` words, `site.title`, asset links) written into the templates.
    /// Output is identical; each page then skips dozens of context look-ups, which are most of
    /// swift-mustache's cost. `{{name}}` is escaped by `ByteHTMLContentType` (same output).
    func specialized(constants: [String: String]) throws -> Theme {
        var library = MustacheLibrary()
        ByteHTMLContentType.registered
        for name in sources.keys.sorted() {
            // The pragma line renders nothing; it selects the same escaping, done on bytes.
            try library.register(ByteHTMLContentType.pragma + TemplateConstants.substitute(sources[name]!, constants), named: name)
        }
        return Theme(library: CompiledLibrary(library, names: sources.keys.sorted()), sources: sources, assets: assets, folders: folders)
    }

    private init(library: CompiledLibrary, sources: [String: String], assets: [String: String], folders: [String]) {
        self.library = library
        self.sources = sources
        self.assets = assets
        self.folders = folders
    }

    func render(_ context: MustacheParent, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// A page as UTF-8, for `OutputFolder.write`: no `String` is made of it.
    func renderBytes(_ context: MustacheParent, template: String) -> [UInt8] {
        library.renderBytes(context, withTemplate: template) ?? []
    }

    /// The default theme: `themes/default` in the working directory, else next to the
    /// executable's project (so a freshly built `chonoi` finds it from any folder).
    public static func locateDefault(workingDirectory: String, executable: String) -> String? {
        var candidates = [workingDirectory + "/themes/default"]
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.path + "/themes/default")
            candidates.append(dir.path + "/share/chonoi/themes/default")
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/templates/base.mustache") }
    }
}
