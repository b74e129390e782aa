import Mustache

/// A template as a tree of instructions: swift-mustache's parse of it (`TemplateTokens`), with
/// every name split at its dots once, when the theme is loaded, instead of at every tag of
/// every page. `TemplateRenderer` walks it.
public final class CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    init(_ nodes: [TemplateNode]) { self.nodes = nodes }
}

/// One instruction: what one of swift-mustache's tokens does.
enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case value(TemplateName, escaped: Bool)
    case section(TemplateName, CompiledTemplate)
    case invertedSection(TemplateName, CompiledTemplate)
    /// `{{$name}}…{{/name}}` in a template that is inherited: the override, else the default.
    case block(name: String, default: CompiledTemplate, indentation: String?)
    /// `{{>name}}`, and `{{<name}}…{{/name}}` with the blocks it overrides.
    case partial(name: String, indentation: String?, overrides: [String: CompiledTemplate]?)
    /// `{{>*name}}`: the partial named by a value.
    case dynamicPartial(TemplateName, indentation: String?, overrides: [String: CompiledTemplate]?)
    /// `{{% CONTENT_TYPE: … }}`: the escaping of the tags after it in the same template.
    case contentType(Escaping)
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
