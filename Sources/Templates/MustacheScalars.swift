import Mustache

// How swift-mustache sees the text and numbers of our contexts, with the output unchanged.
//
// Rendering `{{name}}`, swift-mustache casts the value to `MustacheCustomRenderable`, then to
// an optional, then (in `String(describing:)`) to `TextOutputStreamable`: three conformance
// look-ups in the runtime's shared cache, where two rendering threads contend. A value that is
// `MustacheCustomRenderable` stops at the first, and its `renderText` is what
// `String(describing:)` gave: the text itself, the number in decimal.
//
// Inside a section over a text or a number (`{{#website}}<a href="{{website}}">…`), the value
// is the innermost object of the context, and every name inside is first looked up in it:
// not being a `MustacheParent`, it was taken apart by `Mirror`, which finds no children in a
// `String` or an `Int`. As a `MustacheParent` without children it answers nil at once, and the
// look-up goes on to the enclosing objects, as before.
//
// Neither changes what renders: sections, inverted sections (`isNull` is false, as for any
// present value), transforms (`empty(x)`, `plusone(x)`) and dynamic partial names (`as? String`)
// see the same `String` and `Int` values.

extension String: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { self }
    public var isNull: Bool { false }
    public func child(named: String) -> Any? { nil }
}

extension Int: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
    public func child(named: String) -> Any? { nil }
}
