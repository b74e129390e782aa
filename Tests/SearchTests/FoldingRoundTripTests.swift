import Foundation
import VietnameseText
import XCTest
@testable import Search

/// The index holds what `Folding` says, and search.js folds what the fixture says.
final class FoldingRoundTripTests: XCTestCase {
    struct Case: Decodable {
        let input: String
        let folded: String
    }

    func testSharedFoldingCasesRoundTripThroughTheWriter() throws {
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: SearchFixtures.foldingCases))
        XCTAssertGreaterThan(cases.count, 40)
        let records = cases.enumerated().map { i, c in SearchFixtures.product("case-\(i)", c.input) }
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SearchIndexWriter.write(records, to: dir)
        let index = try IndexReader(dir)
        for (i, c) in cases.enumerated() {
            let id = try XCTUnwrap(index.id(ofURL: records[i].url))
            for word in c.folded.split(separator: " ").map(String.init) {
                XCTAssertEqual(try index.records(with: word)[id], 0, "\(word) of \(c.input.debugDescription)")
            }
            // The spelling kept for the exact-diacritics bonus is the NFC lowercase word.
            let words = c.input.precomposedStringWithCanonicalMapping.lowercased()
                .split { !($0.isLetter || $0.isNumber) }.map(String.init)
            for spelling in words where Folding.words(spelling).count == 1 {
                let variants = try XCTUnwrap(index.variants(of: Folding.fold(spelling)), spelling)
                XCTAssertTrue(variants.contains { $0.original == spelling && $0.tiers[0].contains(id) }, "\(spelling) in \(c.input)")
            }
        }
    }

    /// Tests/js/fixtures/fold-scalars.json lists, for every scalar the Swift folding table
    /// covers and the punctuation block, what "x" + scalar + "x" folds to; search.test.mjs
    /// checks the JavaScript fold against it.
    func testScalarFixtureMatchesSwiftFolding() throws {
        let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x20CF, 0xFE00...0xFE0F, 0xFEFF...0xFEFF]
        let expected: [[String]] = ranges.flatMap { $0 }.compactMap { v in
            guard let scalar = Unicode.Scalar(v) else { return nil }
            return [String(v, radix: 16), Folding.fold("x" + String(scalar) + "x")]
        }
        if SearchFixtures.updating {
            let data = try JSONSerialization.data(withJSONObject: expected, options: [.withoutEscapingSlashes])
            try data.write(to: SearchFixtures.foldScalars)
        }
        let committed = try JSONSerialization.jsonObject(with: Data(contentsOf: SearchFixtures.foldScalars)) as! [[String]]
        XCTAssertEqual(committed, expected, "regenerate with CHONOI_UPDATE_FIXTURES=1")
    }
}
