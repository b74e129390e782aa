import Foundation
import XCTest

/// `submissions` in site.yml: checked, and the registration form built only when it is set.
final class RegistrationCommandTests: XCTestCase {
    func testWithoutSubmissionsThereIsNoFormAndNoLink() throws {
        let w = try Workspace()
        let out = w.root.appendingPathComponent("public")
        let r = try Chonoi.run(["build", "--output", out.path], in: w.root)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("dang-ky").path))
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(home.contains("dang-ky"))
    }

    func testWithSubmissionsTheFooterLinksTheFormAndItsData() throws {
        let w = try Workspace()
        try w.write("site.yml", try w.read("site.yml") + "submissions:\n  repository: https://gitlab.com/so-ct/cho-noi\n  branch: dev\n")
        let out = w.root.appendingPathComponent("public")
        let r = try Chonoi.run(["build", "--output", out.path], in: w.root)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("<a href=\"/catalog/dang-ky/\">"), "the footer links the form")
        let page = try String(contentsOf: out.appendingPathComponent("dang-ky/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("data-form=\"/catalog/dang-ky/bieu-mau.json\""))
        XCTAssertTrue(page.contains("Tạo tệp này trên GitLab"))
        XCTAssertTrue(page.contains("<noscript>"))
        let data = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dang-ky/bieu-mau.json"))) as! [String: Any]
        let submissions = data["submissions"] as! [String: String]
        XCTAssertEqual(submissions, ["host": "gitlab", "repository": "https://gitlab.com/so-ct/cho-noi", "branch": "dev", "folder": ""])
        XCTAssertEqual((data["taken"] as! [String]).count, 2)
    }

    func testBadSubmissionsAreErrorsAtTheirLines() throws {
        let w = try Workspace()
        try w.write("site.yml", try w.read("site.yml")
            + "submissions:\n  repository: https://bitbucket.org/a/b\n  branch: \"a b\"\n  folder: ../content\n")
        let r = try w.check()
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("content/site.yml:8:15: error: submissions.repository \"https://bitbucket.org/a/b\" không hợp lệ; cần địa chỉ kho trên GitHub hoặc GitLab"), r.stdout)
        XCTAssertTrue(r.stdout.contains("content/site.yml:9:11: error: submissions.branch \"a b\" không hợp lệ"), r.stdout)
        XCTAssertTrue(r.stdout.contains("content/site.yml:10:11: error: submissions.folder \"../content\" không hợp lệ"), r.stdout)
        let e = try w.check(["--lang", "en"])
        XCTAssertTrue(e.stdout.contains("submissions.repository \"https://bitbucket.org/a/b\" is not valid; it needs the address of a repository on GitHub or GitLab"), e.stdout)
    }
}
