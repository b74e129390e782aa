@testable import QRCode
import XCTest

final class QRCodeTests: XCTestCase {
    func testEncodesAURLAtLevelMDeterministically() throws {
        let url = "https://example.org/cho-noi/co-so/nong-san-say-song-tien/"
        let a = try XCTUnwrap(QREncoder.encode(url))
        let b = try XCTUnwrap(QREncoder.encode(url))
        XCTAssertEqual(a, b)
        XCTAssertEqual((a.size - 17) % 4, 0, "a QR symbol's side is 17 + 4 × version")
        XCTAssertEqual(a.size, 33, "59 bytes at level M need version 4")
        // The three finder patterns: dark 7×7 rings in three corners.
        for (x, y) in [(0, 0), (a.size - 7, 0), (0, a.size - 7)] {
            XCTAssertTrue(a[x, y] && a[x + 6, y + 6] && a[x + 3, y + 3])
            XCTAssertFalse(a[x + 1, y + 1])
        }
        XCTAssertNotEqual(QREncoder.encode(url, level: .high)?.size, a.size)
    }

    func testSVGIsOnePathWithItsQuietZoneAndAnEscapedLabel() throws {
        let m = try XCTUnwrap(QREncoder.encode("https://example.org/"))
        let svg = QRSVG.render(m, label: "Mã QR \"<b>\"", className: "qr")
        let side = m.size + 8
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 \(side) \(side)\""))
        XCTAssertTrue(svg.contains("role=\"img\" aria-label=\"Mã QR &quot;&lt;b&gt;&quot;\" shape-rendering=\"crispEdges\""))
        XCTAssertEqual(svg.components(separatedBy: "<path").count, 2, "one path")
        XCTAssertTrue(svg.contains("d=\"M4 4h7v1h-7z"), "the first finder pattern's top row, inside the quiet zone")
        let file = QRSVG.render(m, label: "x", size: "264", standalone: true)
        XCTAssertTrue(file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"))
        XCTAssertTrue(file.contains("width=\"264\" height=\"264\""))
    }

    /// The path and the label's escaping are written on bytes; compared here with the
    /// String versions they replaced.
    func testBytesMatchTheStringVersion() throws {
        func referencePath(_ m: QRMatrix) -> String {
            var d = ""
            for y in 0..<m.size {
                var x = 0
                while x < m.size {
                    guard m[x, y] else { x += 1; continue }
                    let start = x
                    while x < m.size && m[x, y] { x += 1 }
                    d += "M\(start + 4) \(y + 4)h\(x - start)v1h-\(x - start)z"
                }
            }
            return d
        }
        func referenceEscape(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default:
                    if c.value < 0x20 || (0x7F...0x9F).contains(c.value) { continue }
                    out.unicodeScalars.append(c)
                }
            }
            return out
        }
        for text in ["https://example.org/", String(repeating: "https://example.org/co-so/a/b/", count: 40)] {
            let m = try XCTUnwrap(QREncoder.encode(text))
            XCTAssertEqual(QRSVG(m).path, referencePath(m))
            let svg = QRSVG(m)
            XCTAssertEqual(svg.renderBytes(label: "x", size: "264", standalone: true),
                           Array(svg.render(label: "x", size: "264", standalone: true).utf8))
        }
        let tricky: [Unicode.Scalar] = ["&", "<", ">", "\"", "'", "a", " ", "\u{0}", "\t", "\n", "\u{1F}", "\u{7F}", "\u{80}",
                                        "\u{9F}", "\u{A0}", "\u{BF}", "\u{C2}", "ệ", "\u{301}", "\u{2028}", "\u{FFFF}", "\u{1F600}"]
        var state: UInt64 = 7
        for _ in 0..<2000 {
            var label = String.UnicodeScalarView()
            for _ in 0..<16 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                label.append(tricky[Int(state >> 33) % tricky.count])
            }
            XCTAssertEqual(QRSVG.escape(String(label)), referenceEscape(String(label)), String(label).debugDescription)
        }
    }
}
