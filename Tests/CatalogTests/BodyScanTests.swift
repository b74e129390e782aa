@testable import Catalog
import XCTest

final class BodyScanTests: XCTestCase {
    private func hasImage(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { BodyScan.mayHaveImage($0) }
    }

    private func isBlank(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { BodyScan.isBlank($0) }
    }

    func testFindsTheImageMarkerWhereverItIs() {
        XCTAssertTrue(hasImage("![a](b.jpg)"))
        XCTAssertTrue(hasImage("Xin chào ![ảnh](a.jpg) cuối"))
        XCTAssertTrue(hasImage("Ồ!!![x]"), "after a run of '!'")
        XCTAssertTrue(hasImage("Bánh tét ₫!["), "at the very end, after multi-byte characters")
        XCTAssertTrue(hasImage("Trài!\u{0301}![x]"), "after a combining mark")
    }

    func testNoMarkerNoMatch() {
        XCTAssertFalse(hasImage(""))
        XCTAssertFalse(hasImage("!"))
        XCTAssertFalse(hasImage("["))
        XCTAssertFalse(hasImage("Ngon quá! [xem thêm](a)"))
        XCTAssertFalse(hasImage("[!]  ! [ ]! "))
        XCTAssertFalse(hasImage("Giá tốt!"), "a '!' as the last byte is not read past")
    }

    func testLooksOnlyAtItsOwnBytes() {
        var text = "Body![x]"
        XCTAssertFalse(text.withUTF8 { BodyScan.mayHaveImage(UnsafeBufferPointer(rebasing: $0[..<5])) })
        XCTAssertTrue(text.withUTF8 { BodyScan.mayHaveImage(UnsafeBufferPointer(rebasing: $0[4...])) })
    }

    func testBlankIsWhatCharacterSaysIsWhiteSpace() {
        XCTAssertTrue(isBlank(""))
        XCTAssertTrue(isBlank(" \t\r\n\n\u{0B}\u{0C}"))
        XCTAssertTrue(isBlank("\n\u{00A0}\u{3000}\u{2028}\n"), "Unicode spaces")
        XCTAssertTrue(isBlank("\n \u{0301}"), "a space with a combining mark is one white-space character")
        XCTAssertFalse(isBlank("\n\nx"))
        XCTAssertFalse(isBlank("  Bánh"))
        XCTAssertFalse(isBlank("\n\u{00A0}Bánh"))
        XCTAssertFalse(isBlank("\n\u{200B}"), "a zero-width space is not white space")
        for text in ["", " ", "\n \u{0301}", "\u{00A0}x", "\u{0301}", "a", "\u{85}", " \u{FEFF}"] {
            XCTAssertEqual(isBlank(text), text.allSatisfy(\.isWhitespace), text.debugDescription)
        }
    }
}
