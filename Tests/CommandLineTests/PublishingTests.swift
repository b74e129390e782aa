import Foundation
import XCTest

/// Publishing through git, end to end: `chonoi init`, two commits, the pull-request check and
/// the publishing build, each run with the very command lines the generated CI files hold.
final class PublishingTests: XCTestCase {
    private var root: URL!
    private var site: URL { root.appendingPathComponent("catalog") }

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/git") else {
            throw XCTSkip("git is not installed (scripts/setup installs it)")
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testInitCommitAddAProductCheckTheChangeAndDateItFromItsCommit() throws {
        let made = try Chonoi.run(["init", site.path, "--base-url", "https://example.org/cho/"], in: root)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try Chonoi.run(["check"], in: site).status, 0, "a new catalog passes at once")

        // First commit: the example published, with an old problem (an unknown field) left in it.
        let business = "content/businesses/vi-du-co-so/index.md", example = "content/businesses/vi-du-co-so/products/vi-du-san-pham.md"
        try edit(business) { $0.replacingOccurrences(of: "draft: true", with: "ghi_chu: cũ") }
        try edit(example) { $0.replacingOccurrences(of: "draft: true", with: "draft: false") }
        try git(["init", "-q", "-b", "main"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "Danh mục mới"], date: "2026-03-01T09:00:00+07:00")

        // Second commit: a seller's new product, with a problem of its own.
        let added = "content/businesses/vi-du-co-so/products/xoai-cat.md"
        try write(added, """
        ---
        name: Xoài cát Hòa Lộc
        sector: trai-cay
        price: 60000
        unit: kg
        gia: 60000
        published: 2026-01-10
        ---
        Xoài loại 1.

        """)
        try git(["add", "."])
        try git(["commit", "-q", "-m", "Thêm xoài cát"], date: "2026-04-05T09:00:00+07:00")

        let whole = try Chonoi.run(["check"], in: site)
        XCTAssertEqual(whole.stdout.split(separator: "\n").count, 2, "the whole tree has the old warning and the new one:\n" + whole.stdout)

        // The pull-request check, as each CI file runs it, against the commit before.
        let checks = try ciCommands("chonoi check", in: [".github/workflows/kiem-tra.yml", ".gitlab-ci.yml"])
        XCTAssertEqual(checks.count, 2, "\(checks)")
        for command in checks {
            XCTAssertTrue(command.contains("--changed"), "\(command)")
            let r = try Chonoi.run(Array(command.dropFirst()), in: site)
            XCTAssertEqual(r.status, 0, r.stderr)
            let lines = r.stdout.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "exactly the new product's problem:\n" + r.stdout)
            XCTAssertTrue(lines.first?.contains("businesses/vi-du-co-so/products/xoai-cat.md") == true, r.stdout)
            if !command.contains("--format") { XCTAssertTrue(r.stderr.contains("Đã kiểm tra 1 mục"), r.stderr) }
        }
        XCTAssertTrue(checks[0].contains("github"), "GitHub annotations: \(checks[0])")

        // The publishing build, as each CI file runs it.
        let builds = try ciCommands("chonoi build", in: [".github/workflows/xuat-ban.yml", ".gitlab-ci.yml"])
        XCTAssertEqual(builds.count, 2, "\(builds)")
        for command in builds {
            let r = try Chonoi.run(Array(command.dropFirst()), in: site)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stderr.contains("ghi chú"), "history was read: " + r.stderr)
            let page = try read("public/co-so/vi-du-co-so/xoai-cat/index.html")
            XCTAssertTrue(page.contains("05/04/2026"), "the product is dated by its commit")
            let sitemap = try read("public/sitemap.xml")
            XCTAssertTrue(sitemap.contains("co-so/vi-du-co-so/xoai-cat/</loc><lastmod>2026-04-05</lastmod>"), sitemap)
            XCTAssertTrue(sitemap.contains("co-so/vi-du-co-so/</loc><lastmod>2026-11-20</lastmod>"),
                          "the business: its latest product date (the example, published 'today') " + sitemap)
            let feed = try read("public/feed.xml")
            XCTAssertTrue(feed.contains("<updated>2026-04-05T00:00:00+07:00</updated>"), feed)
        }
    }

    func testChangedOutsideGitOrWithABadRevisionIsExit2() throws {
        XCTAssertEqual(try Chonoi.run(["init", site.path], in: root).status, 0)
        let outside = try Chonoi.run(["check", "--changed", "HEAD"], in: site)
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("không nằm trong một kho git"), outside.stderr)
        try git(["init", "-q", "-b", "main"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "một"], date: "2026-03-01T09:00:00+07:00")
        let bad = try Chonoi.run(["check", "--changed", "khong-co", "--lang", "en"], in: site)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("bad revision 'khong-co'"), bad.stderr)
    }

    func testChangesToSettingsRenamesAndDeletionsAreChecked() throws {
        XCTAssertEqual(try Chonoi.run(["init", site.path], in: root).status, 0)
        try edit("content/businesses/vi-du-co-so/index.md") { $0.replacingOccurrences(of: "draft: true", with: "ghi_chu: cũ\ndraft: true") }
        try git(["init", "-q", "-b", "main"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "một"], date: "2026-03-01T09:00:00+07:00")
        XCTAssertEqual(try Chonoi.run(["check", "--changed", "HEAD"], in: site).stdout, "", "nothing changed, nothing reported")

        // A renamed product whose image name now dangles is reported; so is every entry of a
        // folder that lost a file.
        try git(["mv", "content/businesses/vi-du-co-so/products/vi-du-san-pham.md", "content/businesses/vi-du-co-so/products/san-pham.md"])
        let renamed = try Chonoi.run(["check", "--changed", "HEAD"], in: site)
        XCTAssertTrue(renamed.stdout.contains("vi-du-co-so/index.md"), "a file left the folder: its entries are checked\n" + renamed.stdout)
        try git(["reset", "-q", "--hard"])

        // site.yml changed: everything is checked.
        try edit("content/site.yml") { $0 + "# đổi\n" }
        let all = try Chonoi.run(["check", "--changed", "HEAD"], in: site)
        XCTAssertTrue(all.stdout.contains("vi-du-co-so/index.md"), all.stdout)
    }

    func testAShallowCloneUsesPublishedAndSaysSoOnce() throws {
        XCTAssertEqual(try Chonoi.run(["init", site.path], in: root).status, 0)
        try edit("content/businesses/vi-du-co-so/index.md") { $0.replacingOccurrences(of: "draft: true", with: "draft: false") }
        try edit("content/businesses/vi-du-co-so/products/vi-du-san-pham.md") {
            $0.replacingOccurrences(of: "draft: true", with: "draft: false").replacingOccurrences(of: "published: 2026-11-20", with: "published: 2026-01-02")
        }
        try git(["init", "-q", "-b", "main"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "một"], date: "2026-03-01T09:00:00+07:00")
        try edit("HUONG-DAN.md") { $0 + "\n" }
        try git(["commit", "-q", "-am", "hai"], date: "2026-03-02T09:00:00+07:00")

        let full = try Chonoi.run(["build"], in: site)
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertTrue(try read("public/sitemap.xml").contains("vi-du-san-pham/</loc><lastmod>2026-03-01</lastmod>"), "dated by its commit")

        let shallow = root.appendingPathComponent("shallow")
        let clone = Process()
        clone.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        clone.arguments = ["git", "clone", "-q", "--depth", "1", "file://" + site.path, shallow.path]
        try clone.run()
        clone.waitUntilExit()
        XCTAssertEqual(clone.terminationStatus, 0)
        let r = try Chonoi.run(["build"], in: shallow)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "shallow clone").count - 1, 1, "one note: " + r.stderr)
        let sitemap = try String(contentsOf: shallow.appendingPathComponent("public/sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("vi-du-san-pham/</loc><lastmod>2026-01-02</lastmod>"), "published: " + sitemap)
    }

    // MARK: - Helpers

    /// The `chonoi …` lines of CI files, split as the shell would, with $BASE as HEAD~1.
    private func ciCommands(_ prefix: String, in files: [String]) throws -> [[String]] {
        var commands: [[String]] = []
        for file in files {
            for line in try read(file).split(separator: "\n") {
                var text = line.trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("- ") { text.removeFirst(2) }
                guard text.hasPrefix(prefix + " ") else { continue }
                commands.append(text.split(separator: " ").map { word in
                    let w = word.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    return w == "$BASE" ? "HEAD~1" : w
                })
            }
        }
        return commands
    }

    private func git(_ arguments: [String], date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Cán bộ", "-c", "user.email=canbo@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = site
        var env = ProcessInfo.processInfo.environment
        if let date { env["GIT_AUTHOR_DATE"] = date; env["GIT_COMMITTER_DATE"] = date }
        process.environment = env
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    }

    private func read(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.appendingPathComponent(path))
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        try write(path, change(try read(path)))
    }
}
