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
        XCTAssertTrue(svg.contains("<path stroke=\"#000\" d=\"M4 4.5h7m"), "the first finder pattern's top row, inside the quiet zone")
        let file = QRSVG.render(m, label: "x", size: "264", standalone: true)
        XCTAssertTrue(file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"))
        XCTAssertTrue(file.contains("width=\"264\" height=\"264\""))
    }

    /// The path and the label's escaping are written on bytes; compared here with the
    /// String versions they replaced.
    func testBytesMatchTheStringVersion() throws {
        func referencePath(_ m: QRMatrix) -> String {
            var d = ""
            var pen: (x: Int, y: Int)?
            for y in 0..<m.size {
                var x = 0
                while x < m.size {
                    guard m[x, y] else { x += 1; continue }
                    let start = x
                    while x < m.size && m[x, y] { x += 1 }
                    if let p = pen { d += "m\(start - p.x) \(y - p.y)h\(x - start)" } else { d += "M\(start + 4) \(y + 4).5h\(x - start)" }
                    pen = (x, y)
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

    /// What a renderer draws from the path: each `h` a stroke one module wide through the middle
    /// of a row, from the pen to `w` modules right. Following the path must give back exactly
    /// the dark modules (a phone reads the code only if it does: PartnerOutputTests decodes real ones).
    func testThePathDrawsExactlyTheDarkModules() throws {
        func drawn(_ path: String, side: Int) throws -> [Bool] {
            var modules = [Bool](repeating: false, count: side * side)
            var x = 0.0, y = 0.0
            let bytes = Array(path.utf8)
            var i = 0
            func number() throws -> Double {
                let start = i
                while i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ".") || (48...57).contains(bytes[i]) { i += 1 }
                return try XCTUnwrap(Double(String(decoding: bytes[start..<i], as: UTF8.self)), "a number at \(start) in \(path)")
            }
            while i < bytes.count {
                let command = bytes[i]
                i += 1
                switch command {
                case UInt8(ascii: "M"): x = try number(); i += 1; y = try number()
                case UInt8(ascii: "m"): x += try number(); i += 1; y += try number()
                case UInt8(ascii: "h"):
                    let w = try number()
                    XCTAssertEqual(y - y.rounded(.down), 0.5, "strokes run through the middle of a row")
                    XCTAssertGreaterThan(w, 0)
                    for column in Int(x)..<Int(x + w) { modules[Int(y) * side + column] = true }
                    x += w
                default: XCTFail("unexpected \(UnicodeScalar(command)) in \(path)"); return modules
                }
            }
            return modules
        }
        var matrices = try ["https://example.org/", "https://example.org/co-so/nong-san-say-song-tien/banh-phong-tom/",
                            String(repeating: "https://example.org/co-so/a/b/", count: 40)].map { try XCTUnwrap(QREncoder.encode($0)) }
        // Runs at both edges, empty rows, a full row, lone modules.
        var state: UInt64 = 11
        for size in [1, 2, 7, 21] {
            matrices.append(QRMatrix(size: size, modules: (0..<size * size).map { i in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return i / size == 1 ? true : i / size == 2 ? false : state >> 62 != 0
            }))
        }
        for m in matrices {
            let side = m.size + 2 * QRSVG.quietZone
            let expected = (0..<side * side).map { i -> Bool in
                let (x, y) = (i % side - QRSVG.quietZone, i / side - QRSVG.quietZone)
                return x >= 0 && y >= 0 && x < m.size && y < m.size && m[x, y]
            }
            XCTAssertEqual(try drawn(QRSVG(m).path, side: side), expected, "size \(m.size)")
        }
    }
}
