import CQREncode
import CQRMask
@testable import QRCode
import XCTest

/// `QREncoder` chooses the mask itself (CQRMask); every symbol must still be the one
/// libqrencode's `QRcode_encodeString` makes, module for module.
final class QRMaskChoiceTests: XCTestCase {
    private func reference(_ text: String, _ level: QRecLevel) -> QRMatrix? {
        guard let code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        return QRMatrix(code)
    }

    func testTheFastChoiceRunsOnThisMachine() {
        // Debian's libqrencode exports what the fast path needs; without it every symbol below
        // would be compared with itself.
        XCTAssertTrue(QREncoder.choosesMaskFast)
    }

    func testEverySymbolIsLibqrencodesOwn() throws {
        var generator = SplitMix(seed: 12)
        let alphabets: [[Character]] = [
            Array("abcdefghijklmnopqrstuvwxyz0123456789-/"),
            Array("0123456789"),
            Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:"),
            Array("ăâđêôơưáàảãạ kẹo dừa Bến Tre"),
        ]
        var masksSeen = Set<Int>()
        var widths = Set<Int>()
        for n in 0..<3000 {
            let alphabet = alphabets[n % alphabets.count]
            let length = 1 + Int(generator.next() % 120)
            var text = n % 3 == 0 ? "https://cho-noi.example.vn/san-pham/" : ""
            for _ in 0..<length { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let levels: [(QREncoder.Level, QRecLevel)] = [(.low, QR_ECLEVEL_L), (.medium, QR_ECLEVEL_M),
                                                           (.quartile, QR_ECLEVEL_Q), (.high, QR_ECLEVEL_H)]
            let (level, c) = levels[n % 4]
            let expected = try XCTUnwrap(reference(text, c), text)
            let actual = try XCTUnwrap(QREncoder.encode(text, level: level), text)
            guard actual == expected else {
                // The matrices themselves would be thousands of booleans: name the text and the masks.
                return XCTFail("\"\(text)\" at level \(level): mask \(Self.mask(of: actual, level: c)) chosen, "
                    + "libqrencode chose \(Self.mask(of: expected, level: c)) (sizes \(actual.size), \(expected.size))")
            }
            widths.insert(actual.size)
            masksSeen.insert(Self.mask(of: actual, level: c))
        }
        XCTAssertEqual(masksSeen.count, 8, "every mask was chosen at least once")
        XCTAssertTrue(widths.contains { $0 > 64 }, "long text takes libqrencode's own path too")
    }

    /// The finder-like penalty (N3) found from a line's bits, for every size of pattern, must be
    /// the one libqrencode's reading of its runs gives: lines made of runs of one size f (1–5)
    /// times 1, 3 or 4, so that 1:1:3:1:1 patterns with light runs around them are frequent.
    func testFinderLikePenaltyFromBitsEqualsTheRunsReading() {
        var generator = SplitMix(seed: 7)
        let multiples: [Int] = [1, 1, 1, 1, 3, 4, 2]
        var disagreements: [String] = []
        for n in 0..<200_000 {
            let width = 21 + n % 44
            let f = 1 + Int(generator.next() % 5)
            var line: UInt64 = 0, at = 0
            var isDark = generator.next() % 2 == 0
            while at < width {
                let length = f * multiples[Int(generator.next() % UInt64(multiples.count))]
                if isDark {
                    for i in at..<min(at + length, width) { line |= 1 << UInt64(i) }
                }
                at += length
                isDark.toggle()
            }
            if n % 2 == 1 { line ^= 1 << UInt64(generator.next() % UInt64(width)) }
            if chonoi_qr_finder_like_agrees(line, Int32(width)) == 0 {
                disagreements.append("width \(width): \(String(line, radix: 2))")
            }
        }
        XCTAssertEqual(disagreements.prefix(5), [])
    }

    func testTooLongAndNULTextAreRefusedAsBefore() {
        XCTAssertNil(QREncoder.encode(String(repeating: "x", count: 3000)))
        XCTAssertNil(QREncoder.encode("a\u{0}b"))
    }

    /// The mask number read back from the format information beside the top-left finder.
    private static func mask(of m: QRMatrix, level: QRecLevel) -> Int {
        var bits = 0
        for i in 0..<8 { if m[m.size - 1 - i, 8] { bits |= 1 << i } }
        for j in 0..<7 { if m[8, m.size - 7 + j] { bits |= 1 << (8 + j) } }
        return ((bits ^ 0x5412) >> 10) & 7
    }
}

/// A small seeded generator, so a failure names a text that fails again.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
