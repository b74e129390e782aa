import Foundation
import XCTest
@testable import Search

/// Tests/js/fixtures/index is the writer's output for `SearchFixtures.catalog`; search.test.mjs
/// runs queries on it. Any change to the format or the catalogue must show up here first.
final class FixtureIndexTests: XCTestCase {
    func testCommittedFixtureIndexIsTheWritersOutput() throws {
        let path = SearchFixtures.fixtureIndex.path
        if SearchFixtures.updating {
            _ = try SearchIndexWriter.write(SearchFixtures.catalog, to: path)
        }
        let dir = SearchFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SearchIndexWriter.write(SearchFixtures.catalog, to: dir)
        let fresh = try SearchFixtures.files(in: dir), committed = try SearchFixtures.files(in: path)
        XCTAssertEqual(Set(committed.keys), Set(fresh.keys), "regenerate with CHONOI_UPDATE_FIXTURES=1")
        for (name, data) in fresh {
            XCTAssertEqual(committed[name], data, "\(name): regenerate with CHONOI_UPDATE_FIXTURES=1")
        }
    }
}
