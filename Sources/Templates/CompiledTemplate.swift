import Mustache

/// A template as a list of instructions: swift-mustache's parse of it (`TemplateTokens`), with
/// every name split at its dots once, when the theme is loaded, instead of at every tag of
/// every page. `TemplateRenderer` walks it.
///
/// The instructions hold only numbers, indices into the template's tables: copying one out of
/// the list costs nothing, where an instruction holding its strings and sub-templates cost two
/// or three reference counts each time it was read (a tenth of the rendering time).
public final class CompiledTemplate: Sendable {
    let nodes: [TemplateNode]
    let texts: [String]
    let names: [TemplateName]
    let bodies: [CompiledTemplate]
    let partials: [PartialCall]
    let escapings: [Escaping]

    init(nodes: [TemplateNode], texts: [String], names: [TemplateName], bodies: [CompiledTemplate], partials: [PartialCall],
         escapings: [Escaping]) {
        self.nodes = nodes
        self.texts = texts
        self.names = names
        self.bodies = bodies
        self.partials = partials
        self.escapings = escapings
    }
}

/// One instruction: what one of swift-mustache's tokens does. The numbers index the tables of
/// the template that holds it.
enum TemplateNode: Sendable {
    case text(Int)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case value(name: Int, escaped: Bool)
    case section(name: Int, body: Int)
    case invertedSection(name: Int, body: Int)
    /// `{{$name}}…{{/name}}` in a template that is inherited: the override, else the default.
    /// The name is in `texts`, the default in `bodies`.
    case block(name: Int, body: Int, indentation: Int?)
    /// `{{>name}}`, `{{<name}}…{{/name}}` with the blocks it overrides, and `{{>*name}}`.
    case partial(Int)
    /// `{{% CONTENT_TYPE: … }}`: the escaping of the tags after it in the same template.
    case contentType(Int)
}

/// A partial's call: by its name, or (`{{>*name}}`) by the value of a name.
struct PartialCall: Sendable {
    enum Target: Sendable {
        case named(String)
        case valueOf(TemplateName)
    }

    let target: Target
    let indentation: String?
    let overrides: [String: CompiledTemplate]?
}

/// A tag's name as swift-mustache resolves it (`MustacheTemplate.getChild`).
struct TemplateName: Sendable {
    enum Root: Sendable {
        /// `.`: the innermost object.
        case current
        /// `first()` and the like, with no name: the position in the list being rendered.
        case position
        /// `.a.b`: looked up in the innermost object only.
        case anchored
        /// `a.b`: the first object, innermost first, that answers `a`.
        case stack
    }

    let root: Root
    /// The name split at its dots, empty parts dropped (as `split(separator:)` does).
    let parts: [String]
    /// Transforms in the order they apply: `empty(kind)` is `["empty"]`, `a(b(c))` is `["b", "a"]`.
    let transforms: [String]

    init(root: Root, parts: [String], transforms: [String]) {
        self.root = root
        self.parts = parts
        self.transforms = transforms
    }

    init(_ name: String, transforms: [String]) {
        if name == "." {
            root = .current
        } else if name.isEmpty, !transforms.isEmpty {
            root = .position
        } else if name.first == "." {
            root = .anchored
        } else {
            root = .stack
        }
        parts = root == .current || root == .position ? [] : name.split(separator: ".").map(String.init)
        self.transforms = transforms.reversed()
    }
}

/// How `{{name}}` escapes what it writes.
enum Escaping: Sendable {
    /// chonoi's HTML escaping, byte by byte, written straight into the page.
    case bytes
    /// Another content type (swift-mustache's HTML or TEXT, or one a theme registered).
    case other(MustacheContentType)

    init(_ contentType: MustacheContentType) {
        self = contentType is ByteHTMLContentType ? .bytes : .other(contentType)
    }
}
