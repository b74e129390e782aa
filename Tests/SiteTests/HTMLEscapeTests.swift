import Foundation
@testable import Site
import Templates
import XCTest

final class HTMLEscapeTests: XCTestCase {
    /// Values whose special characters are graphemes of their own, or are not (a combining mark
    /// after `<`, a prepended mark before `&`, CR LF, emoji), at either end of the text.
    static let values = [
        "", "plain", "Trái cây Cần Thơ", "<b>", "a & b", "\"quoted\" 'single'", "<", "&", "x<", ">x",
        "<\u{0301}b", "a&\u{0308}", "\u{0600}&x", "é<é", "<é", "é>", "🙂&🙂", "\r\n<\r\n", "&amp;",
        "Cơ sở <Sa Giang> & \"bánh phồng tôm\"", "𝔸<𝔹", "\u{200D}<", "<\u{200D}", "a\u{0301}'",
    ]

    /// The values in which every special character is a `Character` of its own.
    static let ordinary = values.filter { v in
        v.allSatisfy { $0.unicodeScalars.count == 1 || !$0.unicodeScalars.contains(where: { "<>&\"'".unicodeScalars.contains($0) }) }
    }

    /// swift-mustache's `String.htmlEscape()`: per `Character`.
    static func perCharacter(_ text: String) -> String {
        let replacements: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        var out = ""
        for c in text {
            if let replacement = replacements[c] { out += replacement } else { out.append(c) }
        }
        return out
    }

    /// Where every special character is a character of its own (all real text), the output is
    /// swift-mustache's.
    func testSameAsPerCharacterForOrdinaryText() {
        for v in Self.ordinary {
            XCTAssertEqual(ByteHTMLContentType.escape(v), Self.perCharacter(v), v.debugDescription)
        }
    }

    /// A combining mark after `"` makes one `Character` that swift-mustache leaves unescaped,
    /// but a browser ends the attribute at the `"`: seller text could add attributes.
    func testSpecialCharactersJoinedByCombiningMarksAreEscaped() {
        let hostile = "x\"\u{0301} onmouseover=alert(1) \u{0301}'<\u{0301}script>"
        XCTAssertEqual(ByteHTMLContentType.escape(hostile), "x&quot;\u{0301} onmouseover=alert(1) \u{0301}&#39;&lt;\u{0301}script&gt;")
        XCTAssertTrue(Self.perCharacter(hostile).contains("\"\u{0301}"), "swift-mustache's own escape leaves it")
    }

    /// The specialized theme (pragma line, byte escaping) renders as swift-mustache's own HTML
    /// escaping does, partials and standalone lines included.
    func testSpecializedThemeRendersTheSame() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escape-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/templates/partials", withIntermediateDirectories: true)
        for name in Theme.requiredTemplates {
            try "{{#items}}\n  <li>{{v}}</li>\n{{/items}}\n".write(toFile: folder + "/templates/\(name).mustache", atomically: true, encoding: .utf8)
        }
        try "<ul>\n  {{> partials/header}}\n</ul>\n{{v}}|{{{v}}}\n".write(toFile: folder + "/templates/base.mustache", atomically: true, encoding: .utf8)
        let plain = try Theme(folder: nil, defaultFolder: folder)
        let fast = try plain.specialized(constants: ["unused": "x"])
        for v in Self.ordinary {
            let context: [String: Any] = ["v": v, "items": Self.ordinary.map { ["v": $0] }]
            XCTAssertEqual(fast.render(context, template: "base"), plain.render(context, template: "base"), v.debugDescription)
        }
    }
}
