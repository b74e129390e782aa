import Foundation
@testable import Site
import XCTest

final class HTMLEscapeTests: XCTestCase {
    /// Values whose special characters are graphemes of their own, or are not (a combining mark
    /// after `<`, a prepended mark before `&`, CR LF, emoji), at either end of the text.
    static let values = [
        "", "plain", "Trái cây Cần Thơ", "<b>", "a & b", "\"quoted\" 'single'", "<", "&", "x<", ">x",
        "<\u{0301}b", "a&\u{0308}", "\u{0600}&x", "é<é", "<é", "é>", "🙂&🙂", "\r\n<\r\n", "&amp;",
        "Cơ sở <Sa Giang> & \"bánh phồng tôm\"", "𝔸<𝔹", "\u{200D}<", "<\u{200D}", "a\u{0301}'",
    ]

    func testSameAsPerCharacter() {
        for v in Self.values {
            XCTAssertEqual(ByteHTMLContentType.escape(v), ByteHTMLContentType.perCharacter(v), v.debugDescription)
        }
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
        for v in Self.values {
            let context: [String: Any] = ["v": v, "items": Self.values.map { ["v": $0] }]
            XCTAssertEqual(fast.render(context, template: "base"), plain.render(context, template: "base"), v.debugDescription)
        }
    }
}
