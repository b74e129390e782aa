import Foundation
import VietnameseText
import XCTest
@testable import Search

/// What the index says about each record: tiers, spellings, limits and stop words.
final class IndexContentTests: XCTestCase {
    private func written(_ records: [SearchRecord]) throws -> (IndexReader, String) {
        let dir = SearchFixtures.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SearchIndexWriter.write(records, to: dir)
        return (try IndexReader(dir), dir)
    }

    func testEachRecordIsListedOnceInTheBestTierOfAWord() throws {
        let record = SearchFixtures.product("x", "Tôm khô", business: ("b", "Cơ sở Tôm Út"), place: "Xã Tân Thành, Đồng Tháp",
                                            text: "Tôm khô loại một, phơi nắng. Thành phẩm đóng gói.", keywords: "quà biếu")
        let (index, _) = try written([record])
        XCTAssertEqual(try index.records(with: "tom"), [0: 0], "name beats business and description")
        XCTAssertEqual(try index.records(with: "thanh"), [0: 1], "place beats description")
        XCTAssertEqual(try index.records(with: "bieu"), [0: 1], "keywords weigh like business and place")
        XCTAssertEqual(try index.records(with: "phoi"), [0: 2])
        XCTAssertEqual(try index.records(with: "thuc"), [0: 1], "sector name")
        let tom = try XCTUnwrap(index.variants(of: "tom"))
        XCTAssertEqual(tom.map(\.original), ["tôm"])
        XCTAssertEqual(tom[0].tiers, [[0], [], []], "no duplicate in lower tiers")
    }

    func testSpellingsAreKeptApartUnderOneFoldedWord() throws {
        let (index, _) = try written(SearchFixtures.catalog)
        let phong = try XCTUnwrap(index.variants(of: "phong"))
        XCTAssertEqual(phong.map(\.original), ["phòng", "phồng"], "byte order")
        let duong = try XCTUnwrap(index.variants(of: "duong"))
        XCTAssertEqual(duong.map(\.original), ["đường"])
    }

    func testDescriptionsAreCutButKeywordsAreNot() throws {
        let text = (1...80).map { "w\($0)" }.joined(separator: " ")
        let keywords = (1...80).map { "k\($0)" }.joined(separator: ", ")
        let (index, _) = try written([SearchFixtures.product("x", "Khô cá", text: text, keywords: keywords)])
        XCTAssertNotNil(try index.records(with: "w\(SearchIndexLayout.textWordLimit)")[0])
        XCTAssertNil(try index.records(with: "w\(SearchIndexLayout.textWordLimit + 1)")[0])
        XCTAssertEqual(try index.records(with: "k80")[0], 1)
    }

    func testOCOPRecordsAnswerTheWordOcop() throws {
        let (index, _) = try written(SearchFixtures.catalog)
        let withBadge = try Set(SearchFixtures.catalog.filter { $0.ocop != nil }.map { try XCTUnwrap(index.id(ofURL: $0.url)) })
        XCTAssertEqual(Set(try index.records(with: "ocop").keys), withBadge)
    }

    func testCommonDescriptionWordsBecomeStopWords() throws {
        let count = SearchIndexLayout.stopWordMinRecords + 100
        let records = (0..<count).map { i in
            SearchFixtures.product("p\(i)", i == 0 ? "Và mắm" : "Mắm \(i)",
                                   text: "Sản phẩm và dịch vụ \(i % 3 == 0 ? "hiếm" : "thường") số \(i)")
        }
        let (index, _) = try written(records)
        XCTAssertTrue(index.stopWords.contains("va"))
        XCTAssertTrue(index.stopWords.contains("san"))
        XCTAssertFalse(index.stopWords.contains("hiem"), "in a third of the texts, below the share")
        XCTAssertEqual(try index.records(with: "va"), [try XCTUnwrap(index.id(ofURL: records[0].url)): 0],
                       "names keep the word; descriptions lose it")
        XCTAssertEqual(try index.records(with: "hiem").count, (count + 2) / 3)
    }

    func testSmallCatalogsKeepEveryWord() throws {
        let (index, _) = try written(SearchFixtures.catalog)
        XCTAssertEqual(index.stopWords, [])
    }
}
