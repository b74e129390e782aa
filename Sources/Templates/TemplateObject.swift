import Mustache

/// An object of a page's template context (docs/theme.md). It stands for the dictionary it
/// replaced in every way a template can tell: the same names (`names`), and swift-mustache's
/// dictionary transforms (`count`, `empty`, `enumerated`, `sorted`) on the same entries.
///
/// `TemplateRenderer` asks these objects for names directly. Under the library, which casts
/// every object it looks a name up in to `MustacheCustomRepresentation` first (a failing cast on
/// a class instance costs the runtime about twice a succeeding one), they conform and represent
/// themselves. An object of the context is never a list, and never stands for nothing.
public protocol TemplateObject: MustacheParent, MustacheCustomRepresentation, MustacheTransformable {
    /// Every name the object may answer (it answers nil for those it lacks on this page).
    var names: [String] { get }
}

extension TemplateObject {
    public var representation: Any? { self }

    /// The names it answers and their values: the dictionary this object replaced.
    public var dictionary: [String: Any] {
        var entries: [String: Any] = [:]
        for name in names { entries[name] = child(named: name) }
        return entries
    }

    public func transform(_ name: String) -> Any? { dictionary.transform(name) }
}

/// The base class of chonoi's own context objects. They answer a name with a typed value
/// (`value(named:)`), which the compiled templates use as it is: no value is put in an `Any`
/// and cast back, and an object is told from a text without asking the runtime. swift-mustache
/// asks `child(named:)`, the same values as `Any`.
open class ContextObject: TemplateObject {
    public init() {}

    open var names: [String] { [] }

    /// The value of `name`, `nil` for a name the object does not have.
    open func value(named name: String) -> TemplateValue { nil }

    public final func child(named name: String) -> Any? { value(named: name).any }
}

/// What a context object answers for a name, by kind.
public enum TemplateValue: ExpressibleByNilLiteral {
    case none
    case string(String)
    /// Text already in UTF-8 (rendered HTML, an inline SVG, JSON-LD): written as it is, never
    /// decoded into a `String` unless something other than writing it asks.
    case text(UTF8Text)
    case int(Int)
    case bool(Bool)
    case object(ContextObject)
    /// A list of objects (`{{#products}}…{{/products}}`).
    case objects([ContextObject])
    case strings([String])
    /// Anything else (the UI words' dictionary, the dictionaries of pages made once a build).
    case other(Any)

    public init(nilLiteral: ()) { self = .none }
    public init(_ text: String) { self = .string(text) }
    public init(_ text: String?) { self = text.map(TemplateValue.string) ?? .none }
    public init(_ text: UTF8Text) { self = .text(text) }
    public init(_ text: UTF8Text?) { self = text.map(TemplateValue.text) ?? .none }
    public init(_ number: Int) { self = .int(number) }
    public init(_ number: Int?) { self = number.map(TemplateValue.int) ?? .none }
    public init(_ on: Bool) { self = .bool(on) }
    public init(_ object: ContextObject?) { self = object.map(TemplateValue.object) ?? .none }
    public init<Object: ContextObject>(_ objects: [Object]) { self = .objects(objects) }
    public init(_ texts: [String]) { self = .strings(texts) }
    public init(_ words: [String: String]) { self = .other(words) }
    /// A value from elsewhere (a dictionary's), sorted by kind where it is one of the above.
    public init(any value: Any?) {
        guard let value else {
            self = .none
            return
        }
        self = .other(value)
    }

    /// The value with UTF-8 text as a `String`: for everything but writing it (a section, a
    /// transform, a name looked up in it), where it must be what a `String` is.
    var decoded: TemplateValue {
        if case .text(let text) = self { return .string(text.string) }
        return self
    }

    /// The value as swift-mustache sees it.
    public var any: Any? {
        switch self {
        case .none: return nil
        case .string(let text): return text
        case .text(let text): return text.string
        case .int(let number): return number
        case .bool(let on): return on
        case .object(let object): return object
        case .objects(let objects): return objects
        case .strings(let texts): return texts
        case .other(let value): return value
        }
    }
}
