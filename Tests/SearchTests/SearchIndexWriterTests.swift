import Foundation
import XCTest
@testable import Search

final class SearchIndexWriterTests: XCTestCase {
    func testSameRecordsInAnyOrderGiveByteIdenticalFiles() throws {
        let a = SearchFixtures.temporaryDirectory(), b = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let first = try SearchIndexWriter.write(SearchFixtures.catalog, to: a)
        let second = try SearchIndexWriter.write(SearchFixtures.catalog.reversed().shuffled(), to: b)
        XCTAssertEqual(first, second)
        XCTAssertEqual(try SearchFixtures.files(in: a), try SearchFixtures.files(in: b))
        XCTAssertEqual(first.files, try FileManager.default.contentsOfDirectory(atPath: a).count)
    }

    func testAnyChangeChangesTheManifestHash() throws {
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var changed = SearchFixtures.catalog
        changed[3].price = "41.000 ₫/gói"
        let before = try SearchIndexWriter.write(SearchFixtures.catalog, to: dir)
        let after = try SearchIndexWriter.write(changed, to: dir)
        XCTAssertNotEqual(before.hash, after.hash)
        XCTAssertEqual(try IndexReader(dir).manifest["h"] as? String, after.hash)
    }

    func testStaleIndexFilesGoAndOtherFilesStay() throws {
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["t-zz.json", "d-999.json", "s-77.json", "README.txt", "t-.txt"] {
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data("x".utf8))
        }
        let summary = try SearchIndexWriter.write(SearchFixtures.catalog, to: dir)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        XCTAssertFalse(names.contains("t-zz.json"))
        XCTAssertFalse(names.contains("d-999.json"))
        XCTAssertFalse(names.contains("s-77.json"))
        XCTAssertTrue(names.contains("README.txt"))
        XCTAssertTrue(names.contains("t-.txt"))
        XCTAssertEqual(names.count, summary.files + 2)
    }

    func testRewritingKeepsUnchangedFiles() throws {
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SearchIndexWriter.write(SearchFixtures.catalog, to: dir)
        let doc = dir + "/" + SearchIndexLayout.docShardFile(0)
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: doc)
        _ = try SearchIndexWriter.write(SearchFixtures.catalog, to: dir)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: doc)[.modificationDate] as? Date, old)
    }

    func testManifestDescribesRecordsAndSectors() throws {
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try SearchIndexWriter.write(SearchFixtures.catalog, to: dir)
        let index = try IndexReader(dir)
        XCTAssertEqual(index.recordCount, SearchFixtures.catalog.count)
        XCTAssertEqual(index.manifest["v"] as? Int, SearchIndexLayout.version)
        XCTAssertEqual(index.manifest["docs"] as? Int, SearchIndexLayout.docsPerShard)
        let sectors = index.manifest["sectors"] as! [[Any]]
        // Vietnamese order: "Du lịch" < "Nông sản" < "Thực phẩm".
        XCTAssertEqual(sectors.map { $0[0] as! String }, ["du-lich", "nong-san", "thuc-pham-che-bien"])
        XCTAssertEqual(sectors.map { $0[2] as! Int }.reduce(0, +), SearchFixtures.catalog.count)
        XCTAssertEqual(index.shardSizes.count, summary.termShards)
        for (key, size) in index.shardSizes {
            let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/" + SearchIndexLayout.termShardFile(key))
            XCTAssertEqual(attributes[.size] as? Int, size, key)
        }
    }

    func testDisplayDataAndFacets() throws {
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SearchIndexWriter.write(SearchFixtures.catalog, to: dir)
        let index = try IndexReader(dir)
        let sectors = (index.manifest["sectors"] as! [[Any]]).map { $0[0] as! String }
        let ocop = try IndexReader.json(URL(fileURLWithPath: dir + "/" + SearchIndexLayout.ocopFile)) as! [String: String]
        XCTAssertEqual(ocop.keys.sorted(), ["3", "4", "5"])
        for record in SearchFixtures.catalog {
            let id = try XCTUnwrap(index.id(ofURL: record.url))
            let doc = try index.doc(Int(id))
            XCTAssertEqual([doc.kind, doc.name, doc.business, doc.place, doc.price],
                           [record.kind.rawValue, record.name, record.businessName, record.place, record.price])
            XCTAssertEqual(sectors[doc.sector], record.sectorID)
            XCTAssertEqual(doc.ocop, record.ocop ?? 0)
            let sectorIDs = try IndexReader.json(URL(fileURLWithPath: dir + "/" + SearchIndexLayout.sectorFile(doc.sector))) as! String
            XCTAssertTrue(IdListCodec.decode(sectorIDs)!.contains(id))
            for (stars, list) in ocop {
                XCTAssertEqual(IdListCodec.decode(list)!.contains(id), record.ocop == Int(stars), record.url)
            }
        }
    }

    func testEmptyCatalogWritesAnEmptyButValidIndex() throws {
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try SearchIndexWriter.write([], to: dir)
        let index = try IndexReader(dir)
        XCTAssertEqual(index.recordCount, 0)
        XCTAssertEqual(summary.docShards, 0)
        XCTAssertTrue(index.shardSizes.isEmpty)
    }

    func testUnwritableDirectoryThrows() {
        XCTAssertThrowsError(try SearchIndexWriter.write(SearchFixtures.catalog, to: "/proc/chonoi-cannot-write-here"))
    }

    /// A build keeps its records in a file and hands them over one at a time, in index order:
    /// the index is the one of the array, byte for byte.
    func testWritingFromASourceEqualsWritingTheArray() throws {
        struct Encoded: SearchRecordSource {
            let bytes: [[UInt8]]
            var count: Int { bytes.count }
            func record(_ id: Int) -> SearchRecord { SearchRecord(encoded: bytes[id]) }
            // As a build's scratch file gives them: what results show, without the searched text.
            func displayRecord(_ id: Int) -> SearchRecord { SearchRecord(encoded: bytes[id], searchedText: false) }
        }
        let a = SearchFixtures.temporaryDirectory(), b = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let ordered = SearchIndexWriter.inOrder(SearchFixtures.catalog)
        let source = Encoded(bytes: ordered.map { record in
            var bytes: [UInt8] = []
            record.encode(into: &bytes)
            XCTAssertEqual(SearchRecord(encoded: bytes), record, "a record comes back from its bytes")
            let shown = SearchRecord(encoded: bytes, searchedText: false)
            XCTAssertEqual([shown.kind.rawValue, shown.url, shown.name, shown.businessName, shown.place, shown.price],
                           [record.kind.rawValue, record.url, record.name, record.businessName, record.place, record.price])
            XCTAssertEqual(shown.ocop, record.ocop)
            XCTAssertEqual([shown.text, shown.keywords, shown.sectorID, shown.sectorName], ["", "", "", ""], "left out, not decoded")
            return bytes
        })
        XCTAssertEqual(try SearchIndexWriter.write(SearchFixtures.catalog, to: a), try SearchIndexWriter.write(ordered: source, to: b))
        XCTAssertEqual(try SearchFixtures.files(in: a), try SearchFixtures.files(in: b))
    }

    /// Postings written out to the scratch file after every record (a budget of nothing) and
    /// read back give the index of postings held in memory, byte for byte; no scratch file stays.
    func testPostingsWrittenOutAndReadBackGiveTheSameIndex() throws {
        let a = SearchFixtures.temporaryDirectory(), b = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let source = OrderedRecords(records: SearchIndexWriter.inOrder(SearchFixtures.catalog))
        let held = try SearchIndexWriter.write(ordered: source, to: a)
        let spilled = try SearchIndexWriter.write(ordered: source, to: b, postingsBudget: 0)
        XCTAssertEqual(held, spilled)
        XCTAssertEqual(try SearchFixtures.files(in: a), try SearchFixtures.files(in: b))
        XCTAssertEqual(spilled.files, try FileManager.default.contentsOfDirectory(atPath: b).count)
    }

    func testIdListsEncodedOneIdAtATimeEqualWholeLists() {
        for ids: [Int32] in [[], [0], [0, 1, 2], [31, 32, 33], [5, 1_000, 1_000_000, Int32.max - 1]] {
            var out: [UInt8] = []
            var previous: Int32 = -1
            for id in ids {
                IdListCodec.append(id, after: previous, to: &out)
                previous = id
            }
            XCTAssertEqual(String(decoding: out, as: UTF8.self), IdListCodec.encode(ids))
            XCTAssertEqual(IdListCodec.decode(bytes: out), ids)
        }
    }
}
