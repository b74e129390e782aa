#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Mustache

/// A theme's templates, parsed by swift-mustache and compiled once (`TemplateTokens`), rendered
/// by `TemplateRenderer`: the same output as `MustacheLibrary.render`, at a fraction of the cost
/// per tag (issue 12: the library's look-ups were a third of a build's CPU time).
///
/// The library stays the reference. When a template cannot be compiled (its tokens are not
/// shaped as this code expects), every page renders through the library; when a page meets
/// what the renderer leaves to the library (a lambda, a template as a value), that page does.
public struct CompiledLibrary: Sendable {
    public let library: MustacheLibrary
    private let templates: [String: CompiledTemplate]?
    private let libraryHTML: Escaping?
    /// Tells this library's copies in each thread from those of other libraries (`ThreadCopies`).
    private let serial = ThreadCopies.serial()
    /// Why the templates are not compiled, if they are not.
    public let compileError: String?

    /// `CHONOI_TEMPLATES=library` in the environment renders every page through the library:
    /// to tell whether a difference in a page comes from the compiled templates.
    public static var libraryOnly: Bool {
        getenv("CHONOI_TEMPLATES").map { String(cString: $0) } == "library"
    }

    /// - Parameter names: the names of every template in `library` (it does not list them).
    public init(_ library: MustacheLibrary, names: [String], libraryOnly: Bool = CompiledLibrary.libraryOnly) {
        self.library = library
        self.libraryHTML = TemplateTokens.libraryHTML
        do {
            guard !libraryOnly else { throw TemplateTokens.Unexpected(description: "CHONOI_TEMPLATES=library") }
            guard libraryHTML != nil else { throw TemplateTokens.Unexpected(description: "the HTML content type cannot be read") }
            var templates: [String: CompiledTemplate] = [:]
            for name in names {
                guard let template = library.getTemplate(named: name) else { continue }
                templates[name] = try TemplateTokens.compile(template)
            }
            self.templates = templates
            self.compileError = nil
        } catch {
            self.templates = nil
            self.compileError = "\(error)"
        }
    }

    /// Whether pages render through the compiled templates.
    public var isCompiled: Bool { templates != nil }

    /// The page, or nil when `library` has no template of that name (as `MustacheLibrary.render`).
    public func render(_ object: Any, withTemplate name: String) -> String? {
        if let bytes = renderedWithoutLibrary(object, withTemplate: name) { return String(decoding: bytes, as: UTF8.self) }
        return library.render(object, withTemplate: name)
    }

    /// The page as UTF-8, to be written to a file as it is.
    public func renderBytes(_ object: Any, withTemplate name: String) -> [UInt8]? {
        renderedWithoutLibrary(object, withTemplate: name) ?? library.render(object, withTemplate: name).map { Array($0.utf8) }
    }

    /// The page as the compiled templates render it; nil when they are not compiled, or the
    /// page needs the library.
    func renderedWithoutLibrary(_ object: Any, withTemplate name: String) -> [UInt8]? {
        guard let shared = templates, let libraryHTML, shared[name] != nil else { return nil }
        let templates = ThreadCopies.local(shared, serial: serial)
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, library: library, libraryHTML: libraryHTML, root: object)
        renderer.render(template)
        return renderer.unsupported ? nil : renderer.out
    }
}
