import Foundation
import XCTest
@testable import VietnameseText

final class UnicodeTextTests: XCTestCase {
    func testDecomposedBecomesComposedBytes() {
        let nfc = "bánh phồng tôm"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertEqual(nfd.utf8.count, 22)
        XCTAssertEqual(Array(UnicodeText.nfc(nfd).utf8), Array(nfc.utf8))
        XCTAssertFalse(UnicodeText.isNFC(nfd))
        XCTAssertTrue(UnicodeText.isNFC(nfc))
    }

    func testFastPathReturnsTextUnchanged() {
        for s in ["", "ascii only", "Đồng Tháp – 85.000 ₫ “ngon”…", "ỹ Ỹ ệ Ệ"] {
            XCTAssertTrue(UnicodeText.isTriviallyNFC(s), s)
            XCTAssertEqual(Array(UnicodeText.nfc(s).utf8), Array(s.utf8))
        }
    }

    func testSlowPathCases() {
        XCTAssertEqual(UnicodeText.nfc("\u{2000}\u{2001}"), "\u{2002}\u{2003}", "singleton decompositions")
        XCTAssertEqual(Array(UnicodeText.nfc("\u{2000}").unicodeScalars), ["\u{2002}"])
        XCTAssertFalse(UnicodeText.isNFC("\u{2001}"))
        XCTAssertEqual(Array(UnicodeText.nfc("e\u{323}\u{302}").unicodeScalars), ["\u{1EC7}"], "two stacked marks")
        XCTAssertEqual(Array(UnicodeText.nfc("\u{1100}\u{1161}").unicodeScalars), ["\u{AC00}"], "Hangul")
        XCTAssertEqual(Array(UnicodeText.nfc("\u{212B}").unicodeScalars), ["\u{C5}"], "Angstrom sign")
        XCTAssertEqual(Array(UnicodeText.nfc("\u{301}x").unicodeScalars), ["\u{301}", "x"], "lone mark kept")
        XCTAssertTrue(UnicodeText.isNFC("北京"))
    }

    /// The fast path is only sound if NFC leaves every one of its scalars alone; check all of
    /// them against Foundation, alone and after a letter they might combine with.
    func testFastPathRangesAreReallyStable() {
        var checked = 0
        for v in UInt32(0)...0x20CF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            guard UnicodeText.isTriviallyNFC(s) else { continue }
            for candidate in [s, "a" + s, s + "a", "e" + s] {
                XCTAssertEqual(Array(candidate.precomposedStringWithCanonicalMapping.utf8), Array(candidate.utf8),
                               "U+\(String(v, radix: 16))")
            }
            checked += 1
        }
        // Everything below U+0300, the 256 of U+1E00–U+1EFF, U+2002–U+20CF.
        XCTAssertEqual(checked, 0x300 + 0x100 + 0xCE)
        XCTAssertFalse(UnicodeText.isTriviallyNFC("\u{300}"))
        XCTAssertFalse(UnicodeText.isTriviallyNFC("\u{20D0}"))
        XCTAssertFalse(UnicodeText.isTriviallyNFC("\u{1F00}"))
    }

    func testNFCIsIdempotentOnMixedInput() {
        let s = "Ca\u{300}\u{2000}phê\u{20AB} Ti\u{1EC1}n Giang \u{1F34A}"
        let once = UnicodeText.nfc(s)
        XCTAssertTrue(UnicodeText.isNFC(once))
        XCTAssertEqual(Array(UnicodeText.nfc(once).utf8), Array(once.utf8))
    }
}
