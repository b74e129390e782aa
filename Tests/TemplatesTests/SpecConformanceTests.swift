import Foundation
import Mustache
@testable import Templates
import XCTest

/// Every case of the Mustache specification, rendered by the compiled templates and by
/// swift-mustache: the two must agree to the byte, whatever the library makes of the case.
final class SpecConformanceTests: XCTestCase {
    struct Spec: Decodable {
        struct Case: Decodable {
            let name: String
            let data: JSONValue
            let template: String
            let partials: [String: String]?
            let expected: String
        }
        let tests: [Case]
    }

    static let specs = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance"]

    func testEveryCaseRendersAsTheLibraryDoes() throws {
        var compared = 0, compiledWithoutFallback = 0, agreeingWithSpec = 0
        for name in Self.specs {
            let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "MustacheSpec"))
            let spec = try JSONDecoder().decode(Spec.self, from: Data(contentsOf: url))
            for test in spec.tests {
                var library = MustacheLibrary()
                var names = ["test"]
                do {
                    for (partial, text) in test.partials ?? [:] {
                        try library.register(text, named: partial)
                        names.append(partial)
                    }
                    try library.register(test.template, named: "test")
                } catch {
                    continue  // the library rejects the template: nothing to compare
                }
                let compiled = CompiledLibrary(library, names: names, libraryOnly: false)
                XCTAssertTrue(compiled.isCompiled, "\(name) / \(test.name): \(compiled.compileError ?? "")")
                // The same data as plain Swift values (the short paths) and as Foundation made
                // it (the library's own casts).
                for data in [test.data.native, test.data.foundation] {
                    let expected = library.render(data, withTemplate: "test")
                    XCTAssertEqual(compiled.render(data, withTemplate: "test"), expected, "\(name) / \(test.name)")
                    compared += 1
                    if compiled.renderedText(data, withTemplate: "test") != nil { compiledWithoutFallback += 1 }
                    if expected == test.expected { agreeingWithSpec += 1 }
                }
            }
        }
        // The suite has ~200 cases; the library passes most of them, and none of them needs
        // the fallback (there are no lambdas here).
        XCTAssertGreaterThan(compared, 300)
        XCTAssertEqual(compiledWithoutFallback, compared)
        XCTAssertGreaterThan(agreeingWithSpec, compared * 9 / 10)
    }
}

/// JSON as the spec files hold it.
enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// Swift's own types: `String`, `Int`, `Bool`, `Double`, arrays and dictionaries; null is NSNull.
    var native: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .array(let a): return a.map(\.native)
        case .object(let o): return o.mapValues(\.native)
        }
    }

    /// What Foundation would give: numbers and booleans as NSNumber, text as NSString.
    var foundation: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return NSNumber(value: b)
        case .int(let i): return NSNumber(value: i)
        case .double(let d): return NSNumber(value: d)
        case .string(let s): return NSString(string: s)
        case .array(let a): return a.map(\.foundation)
        case .object(let o): return o.mapValues(\.foundation)
        }
    }
}

extension CompiledLibrary {
    /// The page as the compiled templates render it, as text; nil when it needs the library.
    func renderedText(_ object: Any, withTemplate name: String) -> String? {
        renderedWithoutLibrary(object, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
    }
}
