import QRCode
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
}
