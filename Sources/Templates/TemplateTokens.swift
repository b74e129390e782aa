import Mustache

/// Reads swift-mustache's parse of a template into `CompiledTemplate`.
///
/// The parse is the library's own, with all its rules (standalone lines, partial indentation,
/// inheritance, delimiters), so a compiled template means what the library's does. Its tokens
/// are internal to the library, and are read through `Mirror`, once per template when the
/// theme is loaded. If they are not shaped as expected (another version of the library), the
/// reading fails, and the theme renders with the library itself, as before (`CompiledLibrary`).
enum TemplateTokens {
    struct Unexpected: Error, CustomStringConvertible {
        let description: String
    }

    static func compile(_ template: MustacheTemplate) throws -> CompiledTemplate {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") as? [Any] else {
            throw Unexpected(description: "MustacheTemplate has no tokens")
        }
        var builder = Builder()
        for token in tokens { try builder.add(token) }
        return CompiledTemplate(nodes: builder.nodes, texts: builder.texts, names: builder.names, bodies: builder.bodies,
                                partials: builder.partials, escapings: builder.escapings)
    }

    private struct Builder {
        var nodes: [TemplateNode] = []
        var texts: [String] = []
        var names: [TemplateName] = []
        var bodies: [CompiledTemplate] = []
        var partials: [PartialCall] = []
        var escapings: [Escaping] = []

        mutating func text(_ text: String) -> Int {
            texts.append(text)
            return texts.count - 1
        }

        mutating func name(_ name: TemplateName) -> Int {
            names.append(name)
            return names.count - 1
        }

        mutating func body(_ template: MustacheTemplate) throws -> Int {
            bodies.append(try compile(template))
            return bodies.count - 1
        }

        mutating func partial(_ call: PartialCall) -> TemplateNode {
            partials.append(call)
            return .partial(partials.count - 1)
        }

        mutating func add(_ token: Any) throws {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let (label, payload) = mirror.children.first.map({ ($0.label, $0.value) }), let label else {
                throw Unexpected(description: "token \(token) is not an enum case")
            }
            // A case with one value reflects as that value; a case with several as a tuple of them.
            let values = Mirror(reflecting: payload).displayStyle == .tuple ? Mirror(reflecting: payload).children.map(\.value) : [payload]
            func value<T>(_ i: Int, _: T.Type) throws -> T {
                guard i < values.count, let v = values[i] as? T else { throw Unexpected(description: "token \(label) has no \(T.self) at \(i)") }
                return v
            }
            func optional<T>(_ i: Int, _: T.Type) throws -> T? {
                guard i < values.count else { throw Unexpected(description: "token \(label) has no value at \(i)") }
                return values[i] as? T
            }
            func tagName(_ i: Int) throws -> TemplateName {
                TemplateName(try value(i, String.self), transforms: try value(i + 1, [String].self))
            }
            func overrides(_ i: Int) throws -> [String: CompiledTemplate]? {
                try optional(i, [String: MustacheTemplate].self)?.mapValues(compile)
            }
            switch label {
            case "text":
                nodes.append(.text(text(try value(0, String.self))))
            case "variable":
                nodes.append(.value(name: name(try tagName(0)), escaped: true))
            case "unescapedVariable":
                nodes.append(.value(name: name(try tagName(0)), escaped: false))
            case "section":
                nodes.append(.section(name: name(try tagName(0)), body: try body(try value(2, MustacheTemplate.self))))
            case "invertedSection":
                nodes.append(.invertedSection(name: name(try tagName(0)), body: try body(try value(2, MustacheTemplate.self))))
            case "blockExpansion":
                let indentation = try optional(2, String.self).map { text($0) }
                nodes.append(.block(name: text(try value(0, String.self)), body: try body(try value(1, MustacheTemplate.self)),
                                    indentation: indentation))
            case "partial":
                nodes.append(partial(PartialCall(target: .named(try value(0, String.self)), indentation: try optional(1, String.self),
                                                 overrides: try overrides(2))))
            case "dynamicNamePartial":
                nodes.append(partial(PartialCall(target: .valueOf(TemplateName(try value(0, String.self), transforms: [])),
                                                 indentation: try optional(1, String.self), overrides: try overrides(2))))
            case "contentType":
                escapings.append(Escaping(try value(0, MustacheContentType.self)))
                nodes.append(.contentType(escapings.count - 1))
            default:
                // `blockDefinition` only appears inside `{{<parent}}`, where it becomes an override.
                throw Unexpected(description: "token \(label) is not known")
            }
        }
    }

    /// swift-mustache's HTML escaping, which every render starts with and every partial returns
    /// to: its type is internal, so it is taken from the parse of a pragma that names it.
    static let libraryHTML: Escaping? = {
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}"),
              let compiled = try? compile(template), case .contentType(let index)? = compiled.nodes.first else { return nil }
        return compiled.escapings[index]
    }()
}
