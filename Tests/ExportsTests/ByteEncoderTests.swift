@testable import Exports
import XCTest

/// The exports' encoders work on UTF-8 bytes; these compare them, on hostile and random text,
/// with the scalar-by-scalar versions they replaced (kept here verbatim as the reference).
final class ByteEncoderTests: XCTestCase {
    // MARK: - The reference: the encoders as they were, scalar by scalar

    enum Reference {
        static func clean(_ s: String) -> String {
            var out = ""
            out.unicodeScalars.append(contentsOf: s.unicodeScalars.lazy.filter { !isDropped($0) })
            return out
        }

        static func isDropped(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x09, 0x0A: return false
            case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
            default: return false
            }
        }

        static func jsonQuote(_ s: String) -> String {
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

        static func xmlEscape(_ s: String) -> String {
            var out = ""
            for c in clean(s).unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        }

        static func csvText(_ cell: Cell) -> String {
            func defused(_ s: String) -> String {
                guard let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t"].contains(first) else { return s }
                return "'" + s
            }
            switch cell {
            case .text(let s): return s.map { defused(clean($0)) } ?? ""
            case .integer(let n): return n.map(String.init) ?? ""
            case .number(let d): return d.flatMap { $0.isFinite ? String($0) : nil } ?? ""
            case .boolean(let b): return b ? "true" : "false"
            case .texts(let list): return defused(clean(list.joined(separator: "; ")))
            case .integers(let list): return list.map(String.init).joined(separator: "; ")
            }
        }

        static func csvField(_ s: String) -> String {
            guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
            var quoted = "\""
            for c in s.unicodeScalars {
                if c == "\"" { quoted += "\"" }
                quoted.unicodeScalars.append(c)
            }
            return quoted + "\""
        }

        static func json(_ cell: Cell) -> String {
            switch cell {
            case .text(let s): return s.map { jsonQuote(clean($0)) } ?? "null"
            case .integer(let n): return n.map(String.init) ?? "null"
            case .number(let d): return d.flatMap { $0.isFinite ? String($0) : nil } ?? "null"
            case .boolean(let b): return b ? "true" : "false"
            case .texts(let list): return "[" + list.map { jsonQuote(clean($0)) }.joined(separator: ",") + "]"
            case .integers(let list): return "[" + list.map(String.init).joined(separator: ",") + "]"
            }
        }
    }

    // MARK: - Inputs

    /// Scalars next to every boundary the byte encoders test: each escaped or dropped character,
    /// and neighbours whose UTF-8 shares a lead or a continuation byte with one of them.
    static let tricky: [Unicode.Scalar] = [
        "\"", "\\", "<", ">", "&", "'", ",", ";", "=", "+", "-", "@", "a", " ", "/",
        "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{B}", "\r", "\u{1B}", "\u{1F}", "\u{7F}",
        "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{A8}", "\u{BF}", "\u{C2}", "\u{E2}", "\u{EF}",
        "\u{301}", "ệ", "Đ", "\u{1028}", "\u{2018}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}",
        "\u{20A8}", "\u{7FFE}", "\u{FBFE}", "\u{FEFF}", "\u{FFBE}", "\u{FFBF}", "\u{FFFD}", "\u{FFFE}",
        "\u{FFFF}", "\u{10000}", "\u{1F1FB}", "\u{1F600}", "\u{10FFFF}",
    ]

    static func strings(count: Int = 3000) -> [String] {
        var fixed = ["", "Bánh phồng tôm", ExportsTests.hostile, "=HYPERLINK(\"x\")", "\t\"a\"", "a,b\r\n\"c\"",
                     "</script><!--", "\u{2028}\u{2029}", "\u{FFFE}=1", "\u{0}-1", "\u{85}@x"]
        fixed += tricky.map { String(Character($0)) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<count {
            var s = String.UnicodeScalarView()
            for _ in 0..<(next() % 24) {
                if next() % 8 == 0, let any = Unicode.Scalar(UInt32(next() % 0x11_0000)) {
                    s.append(any)
                } else {
                    s.append(tricky[next() % tricky.count])
                }
            }
            fixed.append(String(s))
        }
        return fixed
    }

    // MARK: - Comparisons

    func testCleaningMatchesTheScalarVersion() {
        for s in Self.strings() {
            XCTAssertEqual(ExportText.clean(s), Reference.clean(s), s.debugDescription)
        }
    }

    func testXMLEscapingMatchesTheScalarVersion() {
        for s in Self.strings() {
            XCTAssertEqual(FeedText.escape(s), Reference.xmlEscape(s), s.debugDescription)
        }
    }

    func testJSONCellsMatchTheScalarVersion() {
        let strings = Self.strings()
        for (i, s) in strings.enumerated() {
            let list = [s, strings[(i * 7) % strings.count], strings[(i * 13) % strings.count]]
            for cell: Cell in [.text(s), .texts(list), .texts([s])] {
                var out: [UInt8] = []
                OpenDataJSON.append(cell, to: &out)
                XCTAssertEqual(String(decoding: out, as: UTF8.self), Reference.json(cell), s.debugDescription)
            }
        }
        for cell: Cell in [.text(nil), .integer(nil), .integer(0), .integer(-85_000), .integer(Int.max), .integer(Int.min),
                           .number(nil), .number(10.5), .number(-0.000_01), .number(.infinity), .number(.nan),
                           .boolean(true), .boolean(false), .texts([]), .integers([]), .integers([3, -4, 12])] {
            var out: [UInt8] = []
            OpenDataJSON.append(cell, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), Reference.json(cell), "\(cell)")
        }
    }

    func testCSVCellsMatchTheScalarVersion() {
        let strings = Self.strings()
        for (i, s) in strings.enumerated() {
            let list = [s, strings[(i * 7) % strings.count], strings[(i * 13) % strings.count]]
            for cell: Cell in [.text(s), .texts(list), .texts([s]), .texts(["", s])] {
                XCTAssertEqual(OpenDataCSV.field(cell), Reference.csvField(Reference.csvText(cell)), s.debugDescription)
            }
        }
        for cell: Cell in [.text(nil), .integer(nil), .integer(0), .integer(-85_000), .integer(Int.min),
                           .number(nil), .number(-10.5), .number(1e-05), .number(.nan),
                           .boolean(true), .texts([]), .integers([]), .integers([3, -4, 12])] {
            XCTAssertEqual(OpenDataCSV.field(cell), Reference.csvField(Reference.csvText(cell)), "\(cell)")
        }
    }
}
