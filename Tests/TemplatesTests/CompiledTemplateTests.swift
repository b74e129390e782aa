import Foundation
import Mustache
@testable import Templates
import XCTest

/// The compiled templates against swift-mustache on the shapes chonoi's pages have: objects that
/// answer names (`TemplateObject`), lists of them, inheritance, partials, transforms, escaping.
final class CompiledTemplateTests: XCTestCase {
    /// An object like chonoi's: typed values where it has them.
    final class Node: ContextObject {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
        override var names: [String] { values.keys.sorted() }
        override func value(named name: String) -> TemplateValue {
            switch values[name] {
            case let text as String: return TemplateValue(text)
            case let number as Int: return TemplateValue(number)
            case let on as Bool: return TemplateValue(on)
            case let node as Node: return TemplateValue(node)
            case let nodes as [Node]: return TemplateValue(nodes)
            case let texts as [String]: return TemplateValue(texts)
            case let text as UTF8Text: return TemplateValue(text)
            case let other: return TemplateValue(any: other)
            }
        }
    }

    /// An object that only conforms to the protocol: the renderer asks it as the library does.
    final class PlainObject: TemplateObject {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
        var names: [String] { values.keys.sorted() }
        func child(named name: String) -> Any? { values[name] }
    }

    /// Renders `name` both ways; they must agree, and the compiled one must not need the library.
    @discardableResult
    func render(_ templates: [String: String], _ name: String, _ context: Any, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        ByteHTMLContentType.registered
        var library = MustacheLibrary()
        for (template, text) in templates { try library.register(text, named: template) }
        let compiled = CompiledLibrary(library, names: Array(templates.keys), libraryOnly: false)
        XCTAssertTrue(compiled.isCompiled, compiled.compileError ?? "", file: file, line: line)
        let expected = library.render(context, withTemplate: name)
        let own = compiled.renderedText(context, withTemplate: name)
        XCTAssertNotNil(own, "fell back to the library", file: file, line: line)
        XCTAssertEqual(own, expected, file: file, line: line)
        return own ?? ""
    }

    var product: Node {
        Node([
            "name": "Kẹo dừa <Bến Tre> & \"sáp\"",
            "price": "45.000 ₫",
            "available": false,
            "count": 3,
            "sector": Node(["name": "Thực phẩm", "url": "/linh-vuc/thuc-pham/"]),
            "business": Node(["name": "Cơ sở Thanh Long", "kind": "", "place": "Mỏ Cày", "url": "/co-so/thanh-long/"]),
            "tags": ["dừa", "kẹo", "quà 'Tết'"],
            "images": [Node(["src": "/a.jpg", "alt": "a", "width": 800]), Node(["src": "/b.jpg", "alt": "b"])],
            "others": [Node](),
            // An optional holding nothing, inside an `Any`, is a value to both renderers.
            "ocop": Optional<Node>.none as Any,
        ])
    }

    func testAPageWithInheritancePartialsListsAndTransforms() throws {
        let base = """
        {{% CONTENT_TYPE: CHONOI_HTML }}
        <title>{{$title}}chợ{{/title}}</title>
        <main>
        {{$content}}{{/content}}
        </main>
        """
        let page = """
        {{% CONTENT_TYPE: CHONOI_HTML }}
        {{<base}}
        {{$title}}{{product.name}} – chợ{{/title}}
        {{$content}}
        {{#product}}
        <h1>{{name}}</h1>
        <p>{{{price}}} {{count}} {{available}}{{^available}} hết hàng{{/available}}</p>
        {{#business}}<a href="{{url}}">{{name}}</a>{{^empty(kind)}} · {{kind}}{{/empty(kind)}}{{^empty(place)}} · {{place}}{{/empty(place)}}{{/business}}
        <a href="{{sector.url}}">{{sector.name}}</a>
        {{#images}}{{#first()}}<img src="{{src}}" alt="{{alt}}"{{#width}} width="{{.}}"{{/width}}>{{/first()}}{{^first()}}<img src="{{src}}" loading="lazy" data-i="{{index()}}">{{/first()}}{{/images}}
        {{#tags}}<span>{{.}}</span>{{^last()}}, {{/last()}}{{/tags}} ({{count(tags)}})
        {{^others}}no others{{/others}}{{#others}}never{{/others}}
        {{#unit}}unit {{.}}{{/unit}}{{^unit}}no unit{{/unit}}{{#ocop}}[{{.}}]{{/ocop}}
          {{>card}}
        {{/product}}
        {{/content}}
        {{/base}}
        """
        let card = "<div>\n{{name}} in {{business.place}}\n</div>\n"
        let html = try render(["base": base, "page": page, "card": card], "page", Node(["product": product]))
        XCTAssertTrue(html.contains("<title>Kẹo dừa &lt;Bến Tre&gt; &amp; &quot;sáp&quot; – chợ</title>"), html)
        XCTAssertTrue(html.contains("<a href=\"/co-so/thanh-long/\">Cơ sở Thanh Long</a> · Mỏ Cày"), html)
        XCTAssertTrue(html.contains("<p>45.000 ₫ 3 false hết hàng</p>"), html)
        XCTAssertTrue(html.contains("<img src=\"/a.jpg\" alt=\"a\" width=\"800\"><img src=\"/b.jpg\" loading=\"lazy\" data-i=\"1\">"), html)
        XCTAssertTrue(html.contains("<span>dừa</span>, <span>kẹo</span>, <span>quà &#39;Tết&#39;</span> (3)"), html)
        XCTAssertTrue(html.contains("no others\nno unit[nil]\n"), html)
        // The standalone partial is indented on each of its lines.
        XCTAssertTrue(html.contains("  <div>\n  Kẹo dừa"), html)
    }

    func testObjectsThatOnlyConformToTheProtocolRenderAsTheLibraryRendersThem() throws {
        let template = "{{#a}}{{b}} {{c.d}} {{#list}}[{{e}}{{^last()}},{{/last()}}]{{/list}} {{^empty}}none{{/empty}}{{/a}}"
        let context = PlainObject(["a": PlainObject(["b": "<b>", "c": PlainObject(["d": 4]), "list": [PlainObject(["e": true]), Node(["e": "x"])],
                                                     "empty": [PlainObject]()])])
        XCTAssertEqual(try render(["t": template], "t", context), "&lt;b&gt; 4 [true,][x] none")
    }

    func testNamesFallThroughToEnclosingObjectsAndDotsStayInside() throws {
        let template = "{{#inner}}{{name}}/{{outer}}/{{.name}}/{{.outer}}/{{missing.name}}/{{inner.name}}{{/inner}}|{{inner.deeper.name}}"
        let context = Node(["outer": "O", "inner": Node(["name": "I", "deeper": Node(["name": "D"])])])
        XCTAssertEqual(try render(["t": template], "t", context), "I/O/I///I|D")
    }

    func testPlainDictionariesOptionalsAndNullRenderAsTheLibraryRendersThem() throws {
        let template = "{{a}} {{b}} {{#c}}[{{.}}]{{/c}} {{^d}}no d{{/d}} {{e.f}} {{#g}}{{h}}{{/g}} {{n}} {{^n}}null{{/n}} {{x}}{{^x}}no x{{/x}} {{d}} {{k}}"
        let context: [String: Any] = [
            "a": Optional("wrapped") as Any, "b": 2.5, "c": [1, 2], "d": [String](), "e": ["f": "F"],
            "g": ["h": "H"], "n": NSNull(), "x": Optional<Int>.none as Any, "k": NSNumber(value: true),
        ]
        try render(["t": template], "t", context)
    }

    func testEscapingIsByteWiseUnderChonoisContentTypeAndTheLibrarysOtherwise() throws {
        let hostile = "a\"\u{301} onmouseover='x' <b>&"
        let own = try render(["t": "{{% CONTENT_TYPE: CHONOI_HTML }}\n<p title=\"{{v}}\">{{{v}}}</p>"], "t", Node(["v": hostile]))
        XCTAssertEqual(own, "<p title=\"\(ByteHTMLContentType.escape(hostile))\">\(hostile)</p>")
        XCTAssertTrue(own.hasPrefix("<p title=\"a&quot;\u{301} onmouseover=&#39;x&#39; &lt;b&gt;&amp;\">"), own)
        // The library's HTML escaping is per character: the combining mark keeps its quote.
        try render(["t": "<p title=\"{{v}}\">"], "t", Node(["v": hostile]))
        // A partial starts again with the library's escaping unless it names its own.
        try render(["t": "{{% CONTENT_TYPE: CHONOI_HTML }}\n{{v}}{{>p}}{{v}}", "p": "[{{v}}]"], "t", Node(["v": hostile]))
        try render(["t": "{{% CONTENT_TYPE: TEXT }}\n{{v}}"], "t", Node(["v": hostile]))
    }

    func testUTF8TextRendersAsTheStringItHolds() throws {
        // Written as bytes where it is written; everywhere else (a section, a transform, an
        // inverted section, a dotted name, an indented partial) it is the String it holds.
        let html = UTF8Text("<p>Kẹo dừa \"Bến Tre\" & đường</p>\n")
        let node = Node(["html": html, "empty": UTF8Text(""), "name": "x"])
        let rendered = try render(["page": "{{{html}}}|{{html}}|{{#html}}[{{.}}]{{/html}}|{{^empty}}none{{/empty}}|{{#empty}}set{{/empty}}|{{html.count}}|{{uppercased(html)}}|{{>part}}",
                                   "part": "  {{{html}}}"], "page", node)
        XCTAssertTrue(rendered.hasPrefix("<p>Kẹo dừa \"Bến Tre\" & đường</p>\n|&lt;p&gt;Kẹo dừa &quot;Bến Tre&quot; &amp; đường&lt;/p&gt;\n|"), rendered)
        let asString = try render(["page": "{{{html}}}|{{html}}|{{#html}}[{{.}}]{{/html}}|{{^empty}}none{{/empty}}|{{#empty}}set{{/empty}}|{{html.count}}|{{uppercased(html)}}|{{>part}}",
                                   "part": "  {{{html}}}"], "page", Node(["html": html.string, "empty": "", "name": "x"]))
        XCTAssertEqual(rendered, asString, "the same page as from the String")
    }

    func testIndentedPartialsIndentEveryLineTheyStart() throws {
        let templates = ["t": "<ul>\n  {{>item}}\n\t{{>item}}\r\n</ul>\n", "item": "<li>\n{{v}}\r\n{{#l}}{{.}}\n{{/l}}</li>\n"]
        let html = try render(templates, "t", Node(["v": "x\ny", "l": ["1", "2"]]))
        // Per tag, not per line: the value's second line, and the list after "\r\n" (one
        // character, not "\n"), are not indented.
        XCTAssertEqual(html, "<ul>\n  <li>\n  x\ny\r\n1\n2\n  </li>\n\t<li>\n\tx\ny\r\n1\n2\n\t</li>\n</ul>\n")
    }

    func testLambdasAreLeftToTheLibrary() throws {
        var library = MustacheLibrary()
        try library.register("{{#wrap}}hi {{name}}{{/wrap}} {{value}}", named: "t")
        let compiled = CompiledLibrary(library, names: ["t"], libraryOnly: false)
        let context: [String: Any] = ["name": "Lan", "wrap": MustacheLambda { "<b>\($0)</b>" }, "value": MustacheLambda { "v" }]
        XCTAssertNil(compiled.renderedText(context, withTemplate: "t"))
        XCTAssertEqual(compiled.render(context, withTemplate: "t"), library.render(context, withTemplate: "t"))
        XCTAssertEqual(compiled.render(context, withTemplate: "t"), "<b>hi Lan</b> v")
    }

    func testTheLibraryOnlySwitchRendersThroughTheLibrary() throws {
        var library = MustacheLibrary()
        try library.register("{{a}}", named: "t")
        let compiled = CompiledLibrary(library, names: ["t"], libraryOnly: true)
        XCTAssertFalse(compiled.isCompiled)
        XCTAssertEqual(compiled.render(["a": "<"], withTemplate: "t"), "&lt;")
        XCTAssertNil(compiled.render(["a": "<"], withTemplate: "missing"))
    }

    /// Every template of the default theme compiles: if a new swift-mustache changed the shape
    /// of its tokens, pages would silently render through the library again, at three times
    /// the cost. This test says so instead.
    func testTheDefaultThemeCompiles() throws {
        ByteHTMLContentType.registered
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes/default/templates")
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: folder.path)).filter { $0.hasSuffix(".mustache") }
        XCTAssertGreaterThan(files.count, 10)
        var library = MustacheLibrary()
        let names = files.map { String($0.dropLast(".mustache".count)) }
        for (file, name) in zip(files, names) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            try library.register(ByteHTMLContentType.pragma + text, named: name)
        }
        let compiled = CompiledLibrary(library, names: names, libraryOnly: false)
        XCTAssertTrue(compiled.isCompiled, compiled.compileError ?? "")
        for name in names {
            let context = Node(["product": product, "t": ["seller": "Người bán"], "site": Node(["title": "Chợ"])])
            XCTAssertEqual(compiled.renderedText(context, withTemplate: name), library.render(context, withTemplate: name), name)
        }
    }
}
