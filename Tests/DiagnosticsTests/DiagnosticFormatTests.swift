import Diagnostics
import Foundation
import XCTest

final class DiagnosticFormatTests: XCTestCase {
    let diagnostics = [
        Diagnostic.error(.missingField(key: "phone"), at: SourceLocation(file: "content/b/index.md", line: 1, column: 1)),
        Diagnostic.warning(.unknownKey(key: "a,b:%", suggestion: nil), at: SourceLocation(file: "content/b,1:x.md", line: 12, column: 3)),
    ]

    func testTextIsCompilerStyle() {
        let text = DiagnosticFormat.text.render(diagnostics, language: .en)
        XCTAssertEqual(text, """
        content/b/index.md:1:1: error: missing required field "phone"; add a line 'phone: ...'
        content/b,1:x.md:12:3: warning: unknown field "a,b:%" is ignored; see the template that chonoi new writes

        """)
    }

    func testGitHubEscapesPropertiesAndData() {
        let text = DiagnosticFormat.github.render(diagnostics, language: .en)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines[0], "::error file=content/b/index.md,line=1,col=1,title=missing-field::missing required field \"phone\"; add a line 'phone: ...'")
        XCTAssertTrue(lines[1].hasPrefix("::warning file=content/b%2C1%3Ax.md,line=12,col=3,title=unknown-key::unknown field \"a,b:%25\""), String(lines[1]))
    }

    func testJSONIsValidAndComplete() throws {
        let text = DiagnosticFormat.json.render(diagnostics, language: .vi)
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[1]["file"] as? String, "content/b,1:x.md")
        XCTAssertEqual(items[1]["line"] as? Int, 12)
        XCTAssertEqual(items[1]["column"] as? Int, 3)
        XCTAssertEqual(items[1]["severity"] as? String, "warning")
        XCTAssertEqual(items[1]["code"] as? String, "unknown-key")
        XCTAssertEqual(items[0]["message"] as? String, "thiếu trường bắt buộc \"phone\"; hãy thêm dòng 'phone: ...'")
        XCTAssertEqual(DiagnosticFormat.json.render([], language: .vi), "[]\n")
    }

    func testJSONStringEscapesScriptBreakers() {
        XCTAssertEqual(JSONString.quote("</script>\"\\\n\u{1}"), "\"\\u003c/script\\u003e\\\"\\\\\\n\\u0001\"")
    }

    func testSortingIsByFileThenLineThenColumn() {
        let a = Diagnostic.error(.emptyBody, at: SourceLocation(file: "b.md", line: 2, column: 1))
        let b = Diagnostic.error(.emptyBody, at: SourceLocation(file: "a.md", line: 9, column: 1))
        let c = Diagnostic.error(.emptyBody, at: SourceLocation(file: "b.md", line: 1, column: 5))
        XCTAssertEqual([a, b, c].sortedForDisplay().map(\.location), [b.location, c.location, a.location])
    }
}
