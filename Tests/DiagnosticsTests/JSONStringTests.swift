import Diagnostics
import Foundation
import XCTest

/// `JSONString` escapes on UTF-8 bytes; compared here with the scalar-by-scalar version it
/// replaced (kept verbatim as the reference), on every control character and on random text.
final class JSONStringTests: XCTestCase {
    static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static let tricky: [Unicode.Scalar] = [
        "\"", "\\", "<", ">", "&", "'", "/", "a", " ", "\u{7F}", "\u{80}", "\u{85}", "\u{A0}", "\u{E2}", "ệ", "\u{301}",
        "\u{1028}", "\u{2018}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{20A8}", "\u{FEFF}", "\u{FFFF}",
        "\u{1F600}", "\u{10FFFF}",
    ] + (0..<0x20).map { Unicode.Scalar(UInt8($0)) }

    func testMatchesTheScalarVersion() throws {
        var inputs = ["", "Chợ Nổi", "</script><script>alert(1)</script>", "\u{2028}\u{2029}\u{2028}x"]
        inputs += Self.tricky.map { String(Character($0)) }
        var state: UInt64 = 12345
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<(next() % 24) {
                if next() % 8 == 0, let any = Unicode.Scalar(UInt32(next() % 0x11_0000)) {
                    s.append(any)
                } else {
                    s.append(Self.tricky[next() % Self.tricky.count])
                }
            }
            inputs.append(String(s))
        }
        for s in inputs {
            let quoted = JSONString.quote(s)
            XCTAssertEqual(quoted, Self.reference(s), s.debugDescription)
            var bytes: [UInt8] = [0x5B]
            JSONString.append(s, to: &bytes)
            XCTAssertEqual(bytes, [0x5B] + Array(quoted.utf8), "append adds what quote returns")
            // (Foundation's parser drops a U+FEFF at the start, so text with one is left out.)
            guard !s.unicodeScalars.contains("\u{FEFF}") else { continue }
            let decoded = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
            XCTAssertEqual(decoded.map { Array($0.unicodeScalars) }, Array(s.unicodeScalars), "reads back as the same text")
        }
    }
}
