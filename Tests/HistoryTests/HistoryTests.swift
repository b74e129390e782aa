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

/// The cache of a history read: the same answer as a full read, reading only the new commits.
final class HistoryCacheTests: XCTestCase {
    func testACachedReadAnswersLikeAFullRead() throws {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-hist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: repo) }
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("businesses/bánh/products"), withIntermediateDirectories: true)
        func git(_ arguments: [String], time: Int? = nil) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"] + arguments
            p.currentDirectoryURL = repo
            var env = ProcessInfo.processInfo.environment
            if let time { env["GIT_AUTHOR_DATE"] = "@\(time) +0700"; env["GIT_COMMITTER_DATE"] = "@\(time) +0700" }
            p.environment = env
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "\(arguments)")
        }
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: repo.appendingPathComponent(path)) }
        try git(["init", "-q", "-b", "main"])
        try write("businesses/bánh/index.md", "a")
        try write("businesses/bánh/products/phồng.md", "b")
        try git(["add", "."])
        try git(["commit", "-q", "-m", "1"], time: 1_700_000_000)
        let cache = repo.appendingPathComponent(".cache/history").path
        let first = try ChangeDates.read(folder: repo.path, cache: cache)
        XCTAssertEqual(first.latest("businesses/bánh/products/phồng.md"), 1_700_000_000)

        try write("businesses/bánh/products/phồng.md", "c")
        try git(["commit", "-q", "-am", "2"], time: 1_800_000_000)
        let cached = try ChangeDates.read(folder: repo.path, cache: cache)
        let full = try ChangeDates.read(folder: repo.path)
        XCTAssertEqual(cached.files, full.files)
        XCTAssertEqual(cached.latest("businesses/bánh/products/phồng.md"), 1_800_000_000)
        XCTAssertEqual(cached.latest("businesses/bánh/index.md"), 1_700_000_000)
        XCTAssertEqual(cached.latest("businesses/bánh"), 1_800_000_000)

        // History rewritten under the cache (an amended commit): read in full again.
        try write("businesses/bánh/index.md", "d")
        try git(["commit", "-q", "-a", "--amend", "-m", "2b"], time: 1_900_000_000)
        let rewritten = try ChangeDates.read(folder: repo.path, cache: cache)
        XCTAssertEqual(rewritten.files, try ChangeDates.read(folder: repo.path).files)
        XCTAssertEqual(rewritten.latest("businesses/bánh/index.md"), 1_900_000_000)
    }
}
