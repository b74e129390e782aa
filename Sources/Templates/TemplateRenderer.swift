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
            switch lookUp(tagName).decoded {
            case .string(let partialName): name = partialName
            case .other(let value as String): name = value
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

    private mutating func section(_ found: TemplateValue, _ body: CompiledTemplate) {
        let found = found.decoded
        switch found {
        case .none:
            return
        case .bool(let on):
            if on { render(body) }
        case .string, .text, .int, .object:
            within(Frame(found), body)
        case .objects(let objects):
            for (index, object) in objects.enumerated() {
                item(.context(object), at: index, of: objects.count, body)
            }
        case .strings(let texts):
            for (index, text) in texts.enumerated() {
                item(.scalar(text), at: index, of: texts.count, body)
            }
        case .other(let value):
            if value is MustacheLambda { unsupported = true; return }
            if let list = value as? any MustacheSequence {
                let items = Self.elements(of: list)
                for (index, element) in items.enumerated() {
                    item(Frame(element), at: index, of: items.count, body)
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

    private mutating func invertedSection(_ found: TemplateValue, _ body: CompiledTemplate) {
        let found = found.decoded
        switch found {
        case .none:
            render(body)
        case .bool(let on):
            if !on { render(body) }
        case .string, .text, .int, .object:
            return
        case .objects(let objects):
            if objects.isEmpty { within(.other(objects), body) }
        case .strings(let texts):
            if texts.isEmpty { within(.other(texts), body) }
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

    /// The body rendered for one item of a list: the item on the stack, its position known.
    private mutating func item(_ frame: Frame, at index: Int, of count: Int, _ body: CompiledTemplate) {
        let saved = position
        position = SequencePosition(first: index == 0, last: index == count - 1, index: index)
        stack.append(frame)
        render(body)
        stack.removeLast()
        position = saved
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

    private mutating func write(_ found: TemplateValue, escaped: Bool) {
        switch found {
        case .none:
            return
        case .string(let text):
            escaped ? append(escaping: text) : out.append(contentsOf: text.utf8)
        case .text(let text):
            escaped ? append(escaping: text) : out.append(contentsOf: text.bytes)
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .bool(let on):
            out.append(contentsOf: (on ? "true" : "false").utf8)
        case .object, .objects, .strings:
            writeOther(found.any!, escaped: escaped)
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
            text.withUTF8 { appendEscaping(bytes: $0) }
        }
    }

    private mutating func append(escaping text: UTF8Text) {
        switch escaping {
        case .other(let contentType):
            out.append(contentsOf: contentType.escapeText(text.string).utf8)
        case .bytes:
            text.bytes.withUnsafeBufferPointer { appendEscaping(bytes: $0) }
        }
    }

    private mutating func appendEscaping(bytes: UnsafeBufferPointer<UInt8>) {
        var segment = 0
        for i in 0..<bytes.count where ByteHTMLContentType.isSpecial(bytes[i]) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<i]))
            out.append(contentsOf: ByteHTMLContentType.entity(bytes[i]).utf8)
            segment = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment...]))
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
    private mutating func lookUp(_ name: TemplateName) -> TemplateValue {
        var found: TemplateValue
        switch name.root {
        case .current:
            found = stack[stack.count - 1].value
        case .position:
            found = position.map { .other($0) } ?? .none
        case .anchored:
            found = resolve(name.parts[...], from: stack[stack.count - 1].value)
        case .stack:
            guard let first = name.parts.first else {
                found = stack[stack.count - 1].value
                break
            }
            found = .none
            for frame in stack.reversed() {
                let child = frame.value(named: first)
                if case .none = child { continue }
                found = resolve(name.parts.dropFirst(), from: child)
                break
            }
        }
        // The library asks what it found for its representation (our values are their own).
        if case .other(let value) = found { found = TemplateValue(sorting: value, represented: true) }
        if !name.transforms.isEmpty { found = found.decoded }
        for transform in name.transforms {
            let transformed: Any?
            switch found {
            case .none: return .none
            case .object(let object): transformed = object.transform(transform)
            case .objects(let objects): transformed = objects.transform(transform)
            case .strings(let texts): transformed = texts.transform(transform)
            case .string(let text): transformed = text.transform(transform)
            case .text(let text): transformed = text.string.transform(transform)
            case .int(let number): transformed = number.transform(transform)
            case .bool: transformed = nil
            case .other(let position as SequencePosition): transformed = position.transform(transform)
            case .other(let value): transformed = (value as? MustacheTransformable)?.transform(transform)
            }
            // The library does not ask a transform's result for its representation.
            guard let transformed else { return .none }
            found = TemplateValue(sorting: transformed, represented: false)
        }
        return found
    }

    /// The rest of a dotted name, from the value its first part found.
    private mutating func resolve(_ parts: ArraySlice<String>, from value: TemplateValue) -> TemplateValue {
        var value = value
        for part in parts {
            if case .other(let object) = value, object is MustacheLambda {
                unsupported = true
                return .none
            }
            if case .none = value { return .none }
            value = Frame(value.decoded).value(named: part)
        }
        return value
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

extension TemplateValue {
    /// A value from outside our objects, sorted by kind: only values of exactly `String`, `Int`
    /// and `Bool`, and our objects, take the short paths; anything else (an optional in an
    /// `Any`, a Foundation number) stays `.other` and goes through the library's own sequence
    /// of casts, so it renders as the library renders it. With `represented`, the library's
    /// `MustacheCustomRepresentation` is applied first (NSNull stands for nothing).
    init(sorting value: Any, represented: Bool) {
        let type = Swift.type(of: value)
        if type == String.self {
            self = .string(value as! String)
        } else if type == Int.self {
            self = .int(value as! Int)
        } else if type == Bool.self {
            self = .bool(value as! Bool)
        } else if type is AnyObject.Type, let object = value as? ContextObject {
            // Only a class instance is cast to a class: Foundation would make an `NSArray` of a
            // list to try.
            self = .object(object)
        } else if !represented {
            self = .other(value)
        } else if let custom = value as? MustacheCustomRepresentation {
            self = custom.representation.map { TemplateValue(sorting: $0, represented: false) } ?? .none
        } else {
            self = .other(value)
        }
    }
}

/// An object on the context stack.
enum Frame {
    case context(ContextObject)
    /// Exactly a `String` or an `Int`: a `MustacheParent` without children (MustacheScalars.swift).
    case scalar(Any)
    case other(Any)

    init(_ value: Any) {
        switch TemplateValue(sorting: value, represented: false) {
        case .object(let object): self = .context(object)
        case .string(let text): self = .scalar(text)
        case .int(let number): self = .scalar(number)
        default: self = .other(value)
        }
    }

    init(_ value: TemplateValue) {
        switch value.decoded {
        case .object(let object): self = .context(object)
        case .string(let text): self = .scalar(text)
        case .int(let number): self = .scalar(number)
        case .other(let other): self = Frame(other)
        default: self = .other(value.any as Any)
        }
    }

    var value: TemplateValue {
        switch self {
        case .context(let object): return .object(object)
        case .scalar(let value): return TemplateValue(sorting: value, represented: false)
        case .other(let value): return .other(value)
        }
    }

    /// `_getImmediateChild`: an object's value for the name; for anything else, its
    /// representation asked as a `MustacheParent`, else taken apart by `Mirror`.
    func value(named name: String) -> TemplateValue {
        switch self {
        case .context(let object):
            return object.value(named: name)
        case .scalar:
            return .none
        case .other(let value):
            let represented: Any?
            if let custom = value as? MustacheCustomRepresentation { represented = custom.representation } else { represented = value }
            if let parent = represented as? MustacheParent { return TemplateValue(any: parent.child(named: name)) }
            guard let represented else { return .none }
            guard let match = Mirror(reflecting: represented).children.first(where: { $0.label == name }) else { return .none }
            let mirror = Mirror(reflecting: match.value)
            guard mirror.displayStyle == .optional else { return .other(match.value) }
            return mirror.children.first.map { .other($0.value) } ?? .none
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
