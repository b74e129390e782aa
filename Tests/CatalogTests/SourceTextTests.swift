@testable import Catalog
import XCTest

final class SourceTextTests: XCTestCase {
    func testByteOrderMarkIsSkippedAndInvalidBytesAreFound() {
        XCTAssertEqual(SourceText.check([0xEF, 0xBB, 0xBF] + Array("Bánh".utf8)), .text(start: 3))
        XCTAssertEqual(SourceText.check(Array("Bánh".utf8)), .text(start: 0))
        XCTAssertEqual(SourceText.check([]), .text(start: 0))
        XCTAssertEqual(SourceText.check(Array("Bá".utf8) + [0xFF] + Array("nh".utf8)), .invalidUTF8(offset: 3))
        XCTAssertEqual(SourceText.check([0xEF, 0xBB, 0xBF, 0x61, 0xC3]), .invalidUTF8(offset: 4))
    }

    /// The byte-level check must agree with the standard library's definition of UTF-8 on every
    /// input, in particular on the edges: overlong forms, surrogates, past U+10FFFF, cut sequences.
    func testAgreesWithTheStandardLibraryOnEdgesAndRandomBytes() {
        let edges: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF], [0xC3], [0xE1, 0xBA], [0xF0, 0x9F, 0x98],
            [0xE1, 0xBA, 0xA3, 0x80], Array("12345678é12345678".utf8), Array("1234567".utf8) + [0xC3], Array("12345678".utf8) + [0x80],
        ]
        var rng = SystemRandomNumberGenerator()
        var inputs = edges
        let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("ả".utf8), Array("₫".utf8), Array("😀".utf8), [0x80], [0xC3], [0xE1, 0xBA],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x0A], [0x00]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                bytes += Bool.random(using: &rng) ? pieces.randomElement(using: &rng)! : [UInt8.random(in: 0...255, using: &rng)]
            }
            inputs.append(bytes)
        }
        // Long texts with one fault, at every offset around the 32-byte blocks the AVX2 path reads.
        let text = Array(String(repeating: "Bánh tét Trà Cuôn, 85.000 ₫/đòn 😀 ", count: 8).utf8)
        for offset in 0..<text.count {
            for fault: [UInt8] in [[0x80], [0xC3], [0xE1, 0xBA], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0xFF]] {
                var faulty = text
                faulty.replaceSubrange(offset..<min(offset + fault.count, text.count), with: fault)
                inputs.append(faulty)
            }
            inputs.append(Array(text[..<offset]))
        }
        for bytes in inputs {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(bytes.withUnsafeBufferPointer { SourceText.isValidUTF8($0) }, expected, "\(bytes)")
            XCTAssertEqual(bytes.withUnsafeBufferPointer { SourceText.isValidUTF8OneByOne($0) }, expected, "\(bytes)")
        }
    }
}
