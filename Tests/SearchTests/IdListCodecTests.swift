import XCTest
@testable import Search

final class IdListCodecTests: XCTestCase {
    func testRoundTripAcrossDigitBoundaries() {
        // Gaps of 0, 31 | 32, 1023 | 1024, and the largest id: one, two, three and seven digits.
        let lists: [[Int32]] = [[], [0], [31], [32], [0, 1, 2, 3], [5, 37, 1061, 2085, 100_000, Int32.max],
                                [1023, 1024, 1025, 2049], [0, Int32.max]]
        for ids in lists {
            XCTAssertEqual(IdListCodec.decode(IdListCodec.encode(ids)), ids, "\(ids)")
        }
    }

    func testRandomListsRoundTrip() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var id: Int32 = -1
            let ids: [Int32] = (0..<Int.random(in: 0...300, using: &rng)).map { _ in
                id += Int32.random(in: 1...5000, using: &rng)
                return id
            }
            XCTAssertEqual(IdListCodec.decode(IdListCodec.encode(ids)), ids)
        }
    }

    func testNeighboursCostOneCharacterEach() {
        XCTAssertEqual(IdListCodec.encode(Array(100..<200)).utf8.count, 2 + 99, "100 takes two digits")
        XCTAssertEqual(IdListCodec.encode([0, 1, 2]), "]]]")
        XCTAssertEqual(IdListCodec.encode([32]), "$]", "gap 32 = digits 1, 0")
    }

    func testAlphabetNeedsNoJSONEscaping() {
        let all = (0..<32).map { IdListCodec.leadingDigit + UInt8($0) } + (0..<32).map { IdListCodec.lastDigit + UInt8($0) }
        XCTAssertEqual(Set(all).count, 64)
        XCTAssertFalse(all.contains(UInt8(ascii: "\"")))
        XCTAssertFalse(all.contains(UInt8(ascii: "\\")))
        XCTAssertTrue(all.allSatisfy { $0 > 0x20 && $0 < 0x7F })
    }

    func testMalformedStringsAreRejected() {
        XCTAssertNil(IdListCodec.decode("$"), "a leading digit without its last digit")
        XCTAssertNil(IdListCodec.decode("]\""))
        XCTAssertNil(IdListCodec.decode("é"))
    }
}
