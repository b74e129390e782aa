import Foundation
import XCTest
@testable import Search

final class JSONBufferTests: XCTestCase {
    func testHostileStringsRoundTripThroughAJSONParser() throws {
        let hostile = [
            "<script>alert(\"x\")</script>", "\"\"\"", "\\", "\\\"", "a\u{0}b\u{1}c\u{1F}", "line\nbreak\r\ttab",
            "\u{2028}\u{2029}", "</script><!--", "Bánh phồng tôm ₫ 🍊", "", "e\u{301}", "\u{7F}\u{80}\u{FEFF}",
        ]
        for s in hostile {
            var json = JSONBuffer()
            json.raw("[")
            json.string(s)
            json.raw("]")
            let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
            XCTAssertEqual(parsed?.first.map { Array($0.unicodeScalars) }, Array(s.unicodeScalars), "\(s.debugDescription)")
        }
    }

    func testLineSeparatorsAndControlsAreEscaped() {
        var json = JSONBuffer()
        json.string("a\u{2028}b\u{2029}c\u{1}\"\\")
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), #""a\u2028b\u2029c\u0001\"\\""#)
    }
}
