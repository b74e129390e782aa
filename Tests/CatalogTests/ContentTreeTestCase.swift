@testable import Catalog
import Foundation
import XCTest

/// A content tree in a temporary folder (a minimal site.yml and sectors.yml to start from),
/// for the tests that write entries and load them.
class ContentTreeTestCase: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-catalog-\(UUID().uuidString)")
        try write("site.yml", "title: T\nbase_url: https://example.org/\n")
        try write("sectors.yml", "- id: trai-cay\n  name: Trái cây\n")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func load() -> CatalogLoader.Result { CatalogLoader(root: root.path, workingDirectory: root.path).load() }
}
