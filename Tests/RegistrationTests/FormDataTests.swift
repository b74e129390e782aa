@testable import Catalog
import Diagnostics
import Foundation
@testable import Registration
import XCTest

final class FormDataTests: XCTestCase {
    /// Every field the loader accepts is on the form, and nothing else.
    func testTheFormHasEveryFieldOfTheContract() {
        func keys(_ schema: [String], nested: [String: [String]]) -> Set<String> {
            Set(schema.flatMap { key in nested[key].map { $0.map { key + "." + $0 } } ?? [key] }).union(["body"])
        }
        XCTAssertEqual(Set(FormFields.business.map(\.key)),
                       keys(Schema.business, nested: ["address": Schema.address, "map": Schema.map]))
        XCTAssertEqual(Set(FormFields.product.map(\.key)), keys(Schema.product, nested: [:]))
    }

    /// What the loader reports missing from an empty entry is what the form marks required
    /// (and `unit`, required with a numeric price).
    func testRequiredFieldsAreTheLoadersRequiredFields() throws {
        let root = NSTemporaryDirectory() + "chonoi-required-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/businesses/a/products", withIntermediateDirectories: true)
        try "title: T\nbase_url: https://example.org/\n".write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        try "- id: a\n  name: A\n".write(toFile: root + "/sectors.yml", atomically: true, encoding: .utf8)
        try "---\naddress: { street: x }\n---\n".write(toFile: root + "/businesses/a/index.md", atomically: true, encoding: .utf8)
        try "---\n---\n".write(toFile: root + "/businesses/a/products/p.md", atomically: true, encoding: .utf8)
        let diagnostics = CatalogLoader(root: root, workingDirectory: root).load().diagnostics
        func missing(_ file: String) -> Set<String> {
            Set(diagnostics.filter { $0.location.file.hasSuffix(file) }.compactMap {
                if case .missingField(let key) = $0.message { return key } else { return nil }
            })
        }
        XCTAssertEqual(missing("index.md"), Set(FormFields.business.filter(\.required).map(\.key)))
        XCTAssertEqual(missing("p.md").union(["unit"]), Set(FormFields.product.filter(\.required).map(\.key)))
    }

    func testRepositories() {
        let gh = SubmissionRepository(repository: "https://github.com/so-ct/cho-noi.git/", branch: nil, folder: "content/")
        XCTAssertEqual(gh?.host, .github)
        XCTAssertEqual(gh?.url, "https://github.com/so-ct/cho-noi")
        XCTAssertEqual(gh?.branch, "main")
        XCTAssertEqual(gh?.folder, "content")
        XCTAssertEqual(SubmissionRepository(repository: "https://gitlab.com/tinh/so/cho-noi", branch: "dev", folder: nil)?.host, .gitlab)
        XCTAssertEqual(SubmissionRepository(repository: "https://gitlab.example.vn/a/b", branch: nil, folder: nil)?.host, .gitlab)
        for bad in ["github.com/a/b", "http://github.com/a/b", "https://github.com/a", "https://github.com/a/b/tree/main",
                    "https://example.org/a/b", "https://gitlab.com/a/b/-/tree/main", "https://github.com/a/../b", "https://github.com/a b/c"] {
            XCTAssertNil(SubmissionRepository(repository: bad, branch: nil, folder: nil), bad)
        }
        for bad in ["", "a b", "-x", "a..b", "a/", "x.lock", "a:b", "a~1"] {
            XCTAssertFalse(SubmissionRepository.isBranch(bad), bad)
        }
        XCTAssertTrue(SubmissionRepository.isBranch("dang-ky/sa-giang"))
        XCTAssertTrue(SubmissionRepository.isFolder(""))
        XCTAssertFalse(SubmissionRepository.isFolder("../content"))
        XCTAssertFalse(SubmissionRepository.isFolder("/content"))
    }

    /// Every message the page uses exists in both languages with its placeholders and without
    /// the sentinel numbers.
    func testMessageTemplates() {
        for language in Language.allCases {
            let m = MessageTemplates.all(language)
            XCTAssertEqual(m.count, 27)
            for (name, text) in m {
                XCTAssertFalse(text.contains("98765430"), "\(name): \(text)")
            }
            XCTAssertTrue(m["phone"]!.contains("{key} \"{value}\""), m["phone"]!)
            XCTAssertTrue(m["year"]!.contains("{a}") && m["year"]!.contains("{b}"), m["year"]!)
            XCTAssertTrue(m["coordinate"]!.contains("{a}") && m["coordinate"]!.contains("{c}"), m["coordinate"]!)
        }
        XCTAssertEqual(MessageTemplates.all(.vi)["empty"], Message.emptyField(key: "{key}").text(.vi))
    }
}

/// Tests/js/fixtures/bieu-mau.json is what FormData writes for a small catalog: the JavaScript
/// tests check register.js against it without building a site.
final class FormDataFixtureTests: XCTestCase {
    func testCommittedFixtureIsCurrent() throws {
        let root = NSTemporaryDirectory() + "chonoi-formdata-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/businesses/sa-giang", withIntermediateDirectories: true)
        try "title: T\nbase_url: https://example.org/\nsubmissions: { repository: https://github.com/example/cho-noi, folder: content }\n"
            .write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        try "- id: thuc-pham-che-bien\n  name: Thực phẩm chế biến\n- id: trai-cay\n  name: Trái cây\n"
            .write(toFile: root + "/sectors.yml", atomically: true, encoding: .utf8)
        try "---\nname: A\n---\n".write(toFile: root + "/businesses/sa-giang/index.md", atomically: true, encoding: .utf8)
        let catalog = CatalogLoader(root: root, workingDirectory: root).load().catalog
        let repository = try XCTUnwrap(SubmissionRepository(site: catalog.site))
        let json = FormData(catalog: catalog, repository: repository, language: .vi, label: { entry, key in entry + ":" + key }).json()
        let url = SharedCaseTests.repository.appendingPathComponent("Tests/js/fixtures/bieu-mau.json")
        if ProcessInfo.processInfo.environment["CHONOI_UPDATE_FIXTURES"] == "1" {
            try Data(json + [0x0A]).write(to: url)
        }
        XCTAssertEqual(try Data(contentsOf: url), Data(json + [0x0A]), "run with CHONOI_UPDATE_FIXTURES=1 to rewrite it")
    }
}
