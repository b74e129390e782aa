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

/// The base class of chonoi's own context objects. The renderer recognises one with a class cast
/// (a walk up its superclasses) where a `TemplateObject` needs a look-up in the runtime's table
/// of protocol conformances, which the rendering threads share: half the cost of a name's
/// look-up was that table.
open class ContextObject: TemplateObject {
    public init() {}

    open var names: [String] { [] }

    open func child(named name: String) -> Any? { nil }
}
