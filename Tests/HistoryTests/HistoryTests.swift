import Catalog
import Foundation
@testable import History
import XCTest

/// Reading git's answers: name-status records (renames, deletions) and the dates of one log pass.
final class HistoryTests: XCTestCase {
    func testNameStatusRecords() {
        var changes = Changes()
        let fields = ["M", "site.yml", "R087", "businesses/a/products/cu.md", "businesses/a/products/moi.md",
                      "D", "businesses/b/index.md", "A", "businesses/bánh-phồng/index.md"]
        changes.read(nameStatus: fields)
        XCTAssertEqual(changes.present, ["site.yml", "businesses/a/products/moi.md", "businesses/bánh-phồng/index.md"])
        XCTAssertEqual(changes.removed, ["businesses/a/products/cu.md", "businesses/b/index.md"])
    }

    func testLogPassGivesFilesAndFoldersTheirLastChange() {
        // Newest first, as `git log --format=%x00%ct --name-only -z` prints it.
        let log = Data("\u{0}200\u{0}\nbusinesses/a/products/p.md\u{0}\u{0}100\u{0}\nbusinesses/a/index.md\u{0}businesses/a/products/p.md\u{0}businesses/b/index.md\u{0}\u{0}50\u{0}\u{0}".utf8)
        let dates = ChangeDates(parsing: log)
        XCTAssertEqual(dates.latest("businesses/a/products/p.md"), 200)
        XCTAssertEqual(dates.latest("businesses/a/index.md"), 100)
        XCTAssertEqual(dates.latest("businesses/a"), 200)
        XCTAssertEqual(dates.latest("businesses/b"), 100)
        XCTAssertEqual(dates.latest("businesses"), 200)
        XCTAssertNil(dates.latest("businesses/c"))
    }

    func testCommitTimesAreDaysInVietnam() {
        // 2026-05-01 17:30 UTC is already 2 May in Vietnam (UTC+7).
        XCTAssertEqual(CatalogDating.day(1_777_656_600).description, "2026-05-02")
        XCTAssertEqual(CatalogDating.day(1_777_600_000).description, "2026-05-01")
    }

    func testOutsideARepositoryIsNotARepository() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try ChangeDates.read(folder: folder.path)) { error in
            XCTAssertEqual(error as? ChangeDates.Unavailable, .notARepository)
        }
        XCTAssertThrowsError(try Changes.since("HEAD", in: folder.path))
    }
}
