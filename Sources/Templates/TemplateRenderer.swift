import Mustache

/// Renders a `CompiledTemplate` exactly as swift-mustache renders the template it came from
/// (`MustacheTemplate.render(context:)`, `renderToken`, `getChild`), with three differences
/// that change the cost and not the output:
///
/// - everything is written into one string, where the library returns a string per tag and
///   per section and joins them;
/// - the context stack is one array pushed and popped, where the library copies it for each
///   section and list item;
/// - our own objects (`TemplateObject`) and the plain values they answer with (`String`, `Int`,
///   `Bool`) are recognised once and asked directly, where the library casts every object it
///   looks a name up in, and every value it finds, to four or five of its protocols.
///
/// What it does not do (a lambda, a template as a value, a partial it was not given), it
/// reports as `unsupported`, and `CompiledLibrary` renders the page with the library instead.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    let library: MustacheLibrary
    let libraryHTML: Escaping

    /// The page, as UTF-8: appending bytes costs less than appending to a `String`, which
    /// keeps its count and flags up to date at each step.
    private(set) var out: [UInt8] = []
    private(set) var unsupported = false
    private var stack: [Frame] = []
    private var position: SequencePosition?
    private var indentation: String?
    private var inherited: [String: CompiledTemplate]?
    private var escaping: Escaping

    init(templates: [String: CompiledTemplate], library: MustacheLibrary, libraryHTML: Escaping, root: Any) {
        self.templates = templates
        self.library = library
        self.libraryHTML = libraryHTML
        self.escaping = libraryHTML
        stack.reserveCapacity(8)
        stack.append(Frame(root))
    }

    mutating func render(_ template: CompiledTemplate) {
        // A content-type tag changes the escaping for the rest of its own template only.
        let escapingBefore = escaping
        defer { escaping = escapingBefore }
        guard let indentation, !indentation.isEmpty else {
            for node in template.nodes { render(node, of: template) }
            return
        }
        // Inside an indented partial, what a tag writes at the start of a line is indented
        // (only there: the library indents per tag, not per line of a value).
        let start = out.count
        for node in template.nodes {
            let before = out.count
            render(node, of: template)
            if out.count > before, before > start, endsWithLineFeed(at: before, notBefore: start) {
                out.insert(contentsOf: indentation.utf8, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, of template: CompiledTemplate) {
        switch node {
        case .text(let text):
            out.append(contentsOf: template.texts[text].utf8)
        case .value(let name, let escaped):
            write(lookUp(template.names[name]), escaped: escaped)
        case .section(let name, let body):
            section(lookUp(template.names[name]), template.bodies[body])
        case .invertedSection(let name, let body):
            invertedSection(lookUp(template.names[name]), template.bodies[body])
        case .block(let name, let body, let indented):
            let saved = (position, indentation)
            position = nil
            if let indented { indentation = (indentation ?? "") + template.texts[indented] }
            render(inherited?[template.texts[name]] ?? template.bodies[body])
            (position, indentation) = saved
        case .partial(let call):
            partial(template.partials[call])
        case .contentType(let contentType):
            escaping = template.escapings[contentType]
        }
    }

    private mutating func partial(_ call: PartialCall) {
        let name: String
        switch call.target {
        case .named(let partialName):
            name = partialName
        case .valueOf(let tagName):
            switch lookUp(tagName) {
            case .string(let partialName)?: name = partialName
            case .other(let value as String)?: name = value
            default: return
            }
        }
        guard let template = templates[name] else {
            if library.getTemplate(named: name) != nil { unsupported = true }
            return
        }
        let saved = (position, indentation, inherited, escaping)
        position = nil
        if let indented = call.indentation { indentation = (indentation ?? "") + indented }
        if let overrides = call.overrides {
            // Blocks overridden further out win over those overridden here.
            inherited = inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        escaping = libraryHTML
        render(template)
        (position, indentation, inherited, escaping) = saved
    }

    // MARK: Sections

    private mutating func section(_ found: Found?, _ body: CompiledTemplate) {
        guard let found else { return }
        switch found {
        case .bool(let on):
            if on { render(body) }
        case .string, .int, .object:
            within(Frame(found), body)
        case .other(let value):
            if value is MustacheLambda { unsupported = true; return }
            if let list = value as? any MustacheSequence {
                let items = Self.elements(of: list)
                for (index, item) in items.enumerated() {
                    let saved = position
                    position = SequencePosition(first: index == 0, last: index == items.count - 1, index: index)
                    stack.append(Frame(item))
                    render(body)
                    stack.removeLast()
                    position = saved
                }
            } else if let on = value as? Bool {
                if on { render(body) }
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                return
            } else {
                within(.other(value), body)
            }
        }
    }

    private mutating func invertedSection(_ found: Found?, _ body: CompiledTemplate) {
        guard let found else { return render(body) }
        switch found {
        case .bool(let on):
            if !on { render(body) }
        case .string, .int, .object:
            return
        case .other(let value):
            if let list = value as? any MustacheSequence {
                if Self.elements(of: list).isEmpty { within(.other(value), body) }
            } else if let on = value as? Bool {
                if !on { render(body) }
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                render(body)
            }
        }
    }

    /// The body rendered with one more object on the stack, outside any list.
    private mutating func within(_ frame: Frame, _ body: CompiledTemplate) {
        let saved = position
        position = nil
        stack.append(frame)
        render(body)
        stack.removeLast()
        position = saved
    }

    private static func elements(of list: any MustacheSequence) -> [Any] {
        func open<S: Sequence>(_ s: S) -> [Any] { s.map { $0 as Any } }
        return open(list)
    }

    // MARK: Values

    private mutating func write(_ found: Found?, escaped: Bool) {
        guard let found else { return }
        switch found {
        case .string(let text):
            escaped ? append(escaping: text) : out.append(contentsOf: text.utf8)
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .bool(let on):
            out.append(contentsOf: (on ? "true" : "false").utf8)
        case .object(let object):
            writeOther(object, escaped: escaped)
        case .other(let value):
            writeOther(value, escaped: escaped)
        }
    }

    private mutating func writeOther(_ value: Any, escaped: Bool) {
        if value is MustacheLambda || (escaped && value is MustacheTemplate) {
            unsupported = true
            return
        }
        let text = (value as? MustacheCustomRenderable)?.renderText ?? String(describing: Self.unwrappingOptional(value))
        escaped ? append(escaping: text) : out.append(contentsOf: text.utf8)
    }

    private mutating func append(escaping text: String) {
        switch escaping {
        case .other(let contentType):
            out.append(contentsOf: contentType.escapeText(text).utf8)
        case .bytes:
            var text = text
            text.withUTF8 { bytes in
                var segment = 0
                for i in 0..<bytes.count where ByteHTMLContentType.isSpecial(bytes[i]) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<i]))
                    out.append(contentsOf: ByteHTMLContentType.entity(bytes[i]).utf8)
                    segment = i + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment...]))
            }
        }
    }

    private static func unwrappingOptional(_ value: Any) -> Any {
        guard let optional = value as? TemplateOptional else { return value }
        return optional.wrapped ?? value
    }

    private func endsWithLineFeed(at end: Int, notBefore start: Int) -> Bool {
        // The library asks whether its string's last `Character` is "\n": "\r\n" is one character.
        guard out[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 2 < start || out[end - 2] != UInt8(ascii: "\r")
    }

    // MARK: Names

    /// `getChild`: the value a name stands for, after the value's representation and the transforms.
    private mutating func lookUp(_ name: TemplateName) -> Found? {
        var found: Any?
        switch name.root {
        case .current:
            found = stack[stack.count - 1].value
        case .position:
            found = position
        case .anchored:
            found = resolve(name.parts[...], from: stack[stack.count - 1].value)
        case .stack:
            guard let first = name.parts.first else {
                found = stack[stack.count - 1].value
                break
            }
            found = nil
            for frame in stack.reversed() {
                if let child = frame.child(named: first) {
                    found = resolve(name.parts.dropFirst(), from: child)
                    break
                }
            }
        }
        guard let value = found, var result = Found(value) else { return nil }
        for transform in name.transforms {
            let transformed: Any?
            switch result {
            case .object(let object): transformed = object.transform(transform)
            case .other(let position as SequencePosition): transformed = position.transform(transform)
            case .other(let value): transformed = (value as? MustacheTransformable)?.transform(transform)
            case .string(let text): transformed = text.transform(transform)
            case .int(let number): transformed = number.transform(transform)
            case .bool: transformed = nil
            }
            // The library does not ask a transform's result for its representation.
            guard let transformed, let next = Found(transformed, represented: false) else { return nil }
            result = next
        }
        return result
    }

    /// The rest of a dotted name, from the object its first part found.
    private mutating func resolve(_ parts: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for part in parts {
            if object is MustacheLambda {
                unsupported = true
                return nil
            }
            guard let child = Frame(object).child(named: part) else { return nil }
            object = child
        }
        return object
    }
}

/// Where a list item is in its list: `first()`, `last()`, `index()`, `even()`, `odd()`
/// (swift-mustache's `MustacheSequenceContext`, which is internal to it).
struct SequencePosition {
    let first: Bool
    let last: Bool
    let index: Int

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": return first
        case "last": return last
        case "index": return index
        case "even": return index & 1 == 0
        case "odd": return index & 1 == 1
        default: return nil
        }
    }
}

/// A value found for a name, sorted once by what rendering it needs.
///
/// Only values of exactly `String`, `Int` and `Bool`, and our own objects, take the short
/// paths; anything else (an optional in an `Any`, a Foundation number) is `.other`, and goes
/// through the library's own sequence of casts, so it renders as the library renders it.
enum Found {
    case string(String)
    case int(Int)
    case bool(Bool)
    case object(TemplateObject)
    /// Anything else, with the library's representation already applied.
    case other(Any)

    init?(_ value: Any, represented: Bool = true) {
        let type = Swift.type(of: value)
        if type == String.self {
            self = .string(value as! String)
        } else if type == Int.self {
            self = .int(value as! Int)
        } else if type == Bool.self {
            self = .bool(value as! Bool)
        } else if let object = Found.object(value, of: type) {
            self = .object(object)
        } else if !represented {
            self = .other(value)
        } else if let representation = Found.representation(of: value) {
            self = .other(representation)
        } else {
            return nil
        }
    }

    /// The value as one of our objects, if it is one. Only a class instance is cast to
    /// `ContextObject`: Foundation would turn a list into an `NSArray` to try that cast.
    static func object(_ value: Any, of type: Any.Type) -> TemplateObject? {
        guard type is AnyObject.Type else { return value as? TemplateObject }
        return value as? ContextObject ?? value as? TemplateObject
    }

    /// `MustacheCustomRepresentation` (NSNull stands for nothing).
    static func representation(of value: Any) -> Any? {
        guard let custom = value as? MustacheCustomRepresentation else { return value }
        return custom.representation
    }
}

/// An object on the context stack.
enum Frame {
    case object(TemplateObject)
    /// Exactly a `String` or an `Int`: a `MustacheParent` without children (MustacheScalars.swift).
    case scalar(Any)
    case other(Any)

    init(_ value: Any) {
        let type = Swift.type(of: value)
        if type == String.self || type == Int.self {
            self = .scalar(value)
        } else if let object = Found.object(value, of: type) {
            self = .object(object)
        } else {
            self = .other(value)
        }
    }

    init(_ found: Found) {
        switch found {
        case .object(let object): self = .object(object)
        case .string(let text): self = .scalar(text)
        case .int(let number): self = .scalar(number)
        case .bool(let on): self = .other(on)
        case .other(let value): self = .other(value)
        }
    }

    var value: Any {
        switch self {
        case .object(let object): return object
        case .scalar(let value), .other(let value): return value
        }
    }

    /// `_getImmediateChild`: the object's representation, asked as a `MustacheParent`, else
    /// taken apart by `Mirror`.
    func child(named name: String) -> Any? {
        switch self {
        case .object(let object):
            return object.child(named: name)
        case .scalar:
            return nil
        case .other(let value):
            let represented = Found.representation(of: value)
            if let parent = represented as? MustacheParent { return parent.child(named: name) }
            guard let represented else { return nil }
            guard let match = Mirror(reflecting: represented).children.first(where: { $0.label == name }) else { return nil }
            let mirror = Mirror(reflecting: match.value)
            guard mirror.displayStyle == .optional else { return match.value }
            return mirror.children.first?.value
        }
    }
}

/// An optional inside an `Any`, unwrapped before it is written (as the library does).
protocol TemplateOptional {
    var wrapped: Any? { get }
}

extension Optional: TemplateOptional {
    var wrapped: Any? { self }
}
