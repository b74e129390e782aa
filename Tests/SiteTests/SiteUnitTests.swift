@testable import Site
import Foundation
import XCTest

final class SiteURLsTests: XCTestCase {
    func testSubPathAndRoot() throws {
        let sub = try XCTUnwrap(SiteURLs(baseURL: "https://Example.org/cho-noi"))
        XCTAssertEqual(sub.basePath, "/cho-noi/")
        XCTAssertEqual(sub.link(SiteURLs.product("a", "b")), "/cho-noi/co-so/a/b/")
        XCTAssertEqual(sub.absolute(SiteURLs.sector("trai-cay", page: 2)), "https://Example.org/cho-noi/linh-vuc/trai-cay/trang/2/")
        let root = try XCTUnwrap(SiteURLs(baseURL: "http://localhost:8080"))
        XCTAssertEqual(root.basePath, "/")
        XCTAssertEqual(root.absolute(""), "http://localhost:8080/")
        XCTAssertNil(SiteURLs(baseURL: "example.org/catalog/"))
        XCTAssertNil(SiteURLs(baseURL: "javascript:alert(1)//"))
        XCTAssertEqual(SiteURLs.sector("x", page: 1), "linh-vuc/x/")
    }
}

final class EscapingTests: XCTestCase {
    func testMarkupEscapesEverythingThatCanBreakOut() {
        XCTAssertEqual(Markup.escape("<a href=\"x\" onclick='y'>&</a>\u{1}"), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        XCTAssertEqual(Markup.pathSegment("ảnh 1.jpg"), "%E1%BA%A3nh%201.jpg")
    }

    func testJSONLDCannotCloseItsScriptElement() {
        let json = StructuredData.breadcrumbs([(name: "</script><script>alert(1)</script>", url: "https://e.org/\"")]).string
        XCTAssertFalse(json.contains("</script>"))
        XCTAssertTrue(json.contains("\\u003c/script\\u003e"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }

    func testContentHashIsStable() {
        XCTAssertEqual(ContentHash.hex(Array("body{}".utf8)), ContentHash.hex(Array("body{}".utf8)))
        XCTAssertNotEqual(ContentHash.hex(Array("body{}".utf8)), ContentHash.hex(Array("body{ }".utf8)))
        XCTAssertEqual(ContentHash.hex([]).count, 10)
    }
}

final class OutputFolderTests: XCTestCase {
    func testRefusesToReplaceWhatIsNotASite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-out-\(UUID().uuidString)").path
        let content = root + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        XCTAssertThrowsError(try OutputFolder(target: "/", protecting: [content]))
        XCTAssertThrowsError(try OutputFolder(target: content, protecting: [content]))
        XCTAssertThrowsError(try OutputFolder(target: root, protecting: [content]), "contains the content")
        XCTAssertThrowsError(try OutputFolder(target: content + "/public", protecting: [content]), "inside the content")
    }

    func testCommitSwapsAndAbandonLeavesThePreviousSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let target = root + "/public"
        let first = try OutputFolder(target: target, protecting: [root + "/content"])
        try first.write("a/index.html", "one")
        try first.commit()
        XCTAssertEqual(try String(contentsOfFile: target + "/a/index.html", encoding: .utf8), "one")

        let failed = try OutputFolder(target: target, protecting: [root + "/content"])
        try failed.write("a/index.html", "two")
        failed.abandon()
        XCTAssertEqual(try String(contentsOfFile: target + "/a/index.html", encoding: .utf8), "one")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root), ["public"], "no leftovers")

        let second = try OutputFolder(target: target, protecting: [root + "/content"])
        try second.write("b.html", "three")
        try second.commit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: target + "/a/index.html"), "old pages do not linger")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root), ["public"])
    }

    /// Files are made relative to the folders' descriptors, each folder once, from several
    /// threads at a time; the pieces form of `write` and `place` land at the same paths.
    func testWritesDeepPathsFromManyThreads() throws {
        let root = try scratch()
        let target = root + "/public"
        let out = try OutputFolder(target: target, protecting: [root + "/content"])
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            try! out.write("co-so/b\(i % 8)/p\(i)/index.html", "page \(i)")
            try! out.write("co-so/b\(i % 8)/p\(i)/qr.svg", Array("qr \(i)".utf8))
            try! out.write("co-so/b\(i % 8)/in/index.html", "sheet \(i % 8)")
        }
        try out.write("du-lieu/co-so.json") { append in
            try append(Array("[1,".utf8))
            try append(Array("2]".utf8))
        }
        try "photo".write(toFile: root + "/photo.jpg", atomically: true, encoding: .utf8)
        try out.place("co-so/b0/a.jpg", from: root + "/photo.jpg")
        try out.place("co-so/b0/a.jpg", from: root + "/photo.jpg")
        try out.write("index.html", "home")
        XCTAssertEqual(out.fileCount, 1 + 64 * 3 + 1 + 2 + 1)
        try out.commit()
        XCTAssertThrowsError(try out.write("co-so/late.html", "x"), "nothing is written once the site is in place")
        for i in [0, 17, 63] {
            XCTAssertEqual(try String(contentsOfFile: target + "/co-so/b\(i % 8)/p\(i)/index.html", encoding: .utf8), "page \(i)")
            XCTAssertEqual(try String(contentsOfFile: target + "/co-so/b\(i % 8)/p\(i)/qr.svg", encoding: .utf8), "qr \(i)")
        }
        XCTAssertEqual(try String(contentsOfFile: target + "/du-lieu/co-so.json", encoding: .utf8), "[1,2]")
        XCTAssertEqual(try String(contentsOfFile: target + "/co-so/b0/a.jpg", encoding: .utf8), "photo")
        XCTAssertEqual(try String(contentsOfFile: target + "/index.html", encoding: .utf8), "home")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target + "/co-so/late.html"))
    }

    /// Removing an old site never follows a link out of it.
    func testRemovingATreeLeavesWhatItsLinksPointTo() throws {
        let root = try scratch()
        let outside = root + "/keep"
        try FileManager.default.createDirectory(atPath: outside + "/inner", withIntermediateDirectories: true)
        try "keep".write(toFile: outside + "/inner/file.txt", atomically: true, encoding: .utf8)
        let tree = root + "/old"
        for i in 0..<300 {
            try FileManager.default.createDirectory(atPath: tree + "/co-so/b\(i % 30)/p\(i)", withIntermediateDirectories: true)
            try "x".write(toFile: tree + "/co-so/b\(i % 30)/p\(i)/index.html", atomically: false, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: tree + "/co-so/folder-link", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: tree + "/file-link", withDestinationPath: outside + "/inner/file.txt")
        FileSystemCalls.removeTree(tree)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree))
        XCTAssertEqual(try String(contentsOfFile: outside + "/inner/file.txt", encoding: .utf8), "keep")
        FileSystemCalls.removeTree(outside + "/inner/file.txt")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside + "/inner/file.txt"), "a file alone")
        FileSystemCalls.removeTree(root + "/missing")
    }

    private func scratch() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        return root
    }

    private func refusal(_ target: String, _ root: String) -> OutputTarget.Refusal? {
        do {
            _ = try OutputFolder(target: target, protecting: [root + "/content"])
            return nil
        } catch OutputFolder.Failure.refused(let r) {
            return r
        } catch {
            XCTFail("unexpected \(error)")
            return nil
        }
    }

    /// A Pages checkout or a docs folder of the user's own is never replaced, and not touched.
    func testRefusesAFolderItDidNotWriteAndTouchesNothing() throws {
        let root = try scratch()
        let docs = root + "/docs"
        try FileManager.default.createDirectory(atPath: docs + "/.git", withIntermediateDirectories: true)
        try "catalog.example.org\n".write(toFile: docs + "/CNAME", atomically: true, encoding: .utf8)
        try "# Docs\n".write(toFile: docs + "/README.md", atomically: true, encoding: .utf8)
        guard case .foreignFolder(_, let examples)? = refusal(docs, root) else { return XCTFail("not refused") }
        XCTAssertEqual(examples, [".git", "CNAME", "README.md"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: docs).sorted(), [".git", "CNAME", "README.md"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root).sorted(), ["content", "docs"], "no staging folder was made")
        XCTAssertTrue(OutputTarget.Refusal.foreignFolder(target: "docs", examples: examples).message(in: .vi).contains("docs"))
    }

    func testCreatesMissingParentsAndMarksWhatItWrites() throws {
        let root = try scratch()
        let target = root + "/www/catalog"
        let out = try OutputFolder(target: target, protecting: [root + "/content"])
        try out.write("index.html", "x")
        try out.commit()
        XCTAssertTrue(FileManager.default.fileExists(atPath: target + "/" + OutputTarget.markerName))
        // Marked: the next build may replace it, even with a file of the user's added inside.
        try "y".write(toFile: target + "/stray.txt", atomically: true, encoding: .utf8)
        XCTAssertNil(refusal(target, root))
    }

    func testAcceptsEmptyAndPreMarkerSitesOnly() throws {
        let root = try scratch()
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        XCTAssertNil(refusal(root + "/empty", root))
        for name in ["index.html", "sitemap.xml", "co-so"] {
            try FileManager.default.createDirectory(atPath: root + "/old/" + name, withIntermediateDirectories: true)
        }
        XCTAssertNil(refusal(root + "/old", root), "a site built before the marker existed")
        try "x".write(toFile: root + "/old/notes.txt", atomically: true, encoding: .utf8)
        XCTAssertNotNil(refusal(root + "/old", root))
    }

    func testRefusesFilesDanglingLinksAndMountPointsUpFront() throws {
        let root = try scratch()
        try "x".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        XCTAssertEqual(refusal(root + "/file", root), .notAFolder(target: root + "/file"))
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: "nowhere")
        XCTAssertEqual(refusal(root + "/dangling", root), .danglingLink(target: root + "/dangling", destination: "nowhere"))
        #if os(Linux)
        XCTAssertEqual(refusal("/proc", root), .mountPoint(target: "/proc"))
        #endif
    }

    /// A link to a site folder is followed: the folder it points to is replaced, the link stays.
    func testSymbolicLinkTargetReplacesTheFolderItPointsTo() throws {
        let root = try scratch()
        let first = try OutputFolder(target: root + "/real", protecting: [root + "/content"])
        try first.commit()
        try FileManager.default.createSymbolicLink(atPath: root + "/public", withDestinationPath: "real")
        let second = try OutputFolder(target: root + "/public", protecting: [root + "/content"])
        try second.write("index.html", "new")
        try second.commit()
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/public"), "real")
        XCTAssertEqual(try String(contentsOfFile: root + "/real/index.html", encoding: .utf8), "new")
    }

    /// The swap is one step: a reader polling the folder during many rebuilds never finds it missing.
    func testTheSiteNeverDisappearsDuringTheSwap() throws {
        let root = try scratch()
        let target = root + "/public"
        let initial = try OutputFolder(target: target, protecting: [root + "/content"])
        try initial.write("index.html", "0")
        try initial.commit()
        let done = ManagedAtomicFlag(), missed = ManagedAtomicFlag()
        let reader = Thread {
            while !done.isSet {
                if !FileManager.default.fileExists(atPath: target + "/index.html") { missed.set() }
            }
        }
        reader.start()
        for i in 1...60 {
            let out = try OutputFolder(target: target, protecting: [root + "/content"])
            try out.write("index.html", "\(i)")
            try out.commit()
        }
        done.set()
        while !reader.isFinished { usleep(1000) }
        XCTAssertFalse(missed.isSet, "the site was missing for a moment")
        XCTAssertEqual(try String(contentsOfFile: target + "/index.html", encoding: .utf8), "60")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root).sorted(), ["content", "public"])
    }

    func testLeftoversOfAKilledBuildAreCleared() throws {
        let root = try scratch()
        // A process id that is not running: the highest possible one is far above any live pid here.
        let dead = root + "/public.chonoi-building-4194300"
        try FileManager.default.createDirectory(atPath: dead, withIntermediateDirectories: true)
        try "".write(toFile: dead + "/" + OutputTarget.markerName, atomically: true, encoding: .utf8)
        let unrelated = root + "/public.chonoi-building-notes"
        try FileManager.default.createDirectory(atPath: unrelated, withIntermediateDirectories: true)
        let out = try OutputFolder(target: root + "/public", protecting: [root + "/content"])
        try out.commit()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root).sorted(),
                       ["content", "public", "public.chonoi-building-notes"])
    }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

final class PaginationTests: XCTestCase {
    func testEntriesFallIntoPagesBusinessesFirst() {
        let p = Pagination(businessCount: 3, productCount: 4, perPage: 2)
        XCTAssertEqual(p.pageCount, 4)
        XCTAssertEqual(p.businesses(onPage: 2), 2..<3)
        XCTAssertEqual(p.products(onPage: 2), 0..<1)
        XCTAssertEqual(p.products(onPage: 4), 3..<4)
        XCTAssertEqual(Pagination(businessCount: 0, productCount: 0, perPage: 0).pageCount, 1, "per_page 0 is taken as 1")
    }

    /// per_page 1 on a large sector wrote every page number on every page (10⁸ links at 10,000).
    func testPagerShowsAWindowOfPages() {
        func render(_ w: [Int?]) -> String { w.map { $0.map(String.init) ?? "…" }.joined(separator: " ") }
        XCTAssertEqual(render(Pagination.window(current: 1, total: 1)), "1")
        XCTAssertEqual(render(Pagination.window(current: 1, total: 2)), "1 2")
        XCTAssertEqual(render(Pagination.window(current: 1, total: 10_000)), "1 2 … 10000")
        XCTAssertEqual(render(Pagination.window(current: 5000, total: 10_000)), "1 … 4999 5000 5001 … 10000")
        XCTAssertEqual(render(Pagination.window(current: 10_000, total: 10_000)), "1 … 9999 10000")
        XCTAssertEqual(render(Pagination.window(current: 4, total: 7)), "1 2 3 4 5 6 7", "a gap of one page shows that page")
        for total in 1...40 {
            for current in 1...total {
                let w = Pagination.window(current: current, total: total).compactMap { $0 }
                XCTAssertEqual(w, w.sorted(), "\(current)/\(total)")
                XCTAssertTrue(w.contains(current) && w.first == 1 && w.last == total)
                XCTAssertLessThanOrEqual(Pagination.window(current: current, total: total).count, 7, "bounded whatever the number of pages")
            }
        }
    }
}
