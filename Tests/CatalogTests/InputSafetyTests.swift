@testable import Catalog
import Diagnostics
import Foundation
import XCTest

/// Numbers from text and the environment, and the content tree's odd corners: each of these
/// crashed, hung or was silently dropped before.
final class InputSafetyTests: ContentTreeTestCase {
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Loads on another thread, so a hang fails the test instead of blocking the suite.
    func loadWithin(seconds: TimeInterval = 10) throws -> CatalogLoader.Result {
        let done = expectation(description: "load finishes")
        let box = ResultBox()
        let loader = CatalogLoader(root: root.path, workingDirectory: root.path)
        Thread.detachNewThread {
            box.result = loader.load()
            done.fulfill()
        }
        wait(for: [done], timeout: seconds)
        return try XCTUnwrap(box.result, "load() did not finish within \(seconds) s")
    }

    func product(price: String = "85000", extra: String = "") -> String {
        "---\nname: P\nsector: trai-cay\nprice: \(price)\nunit: kg\npublished: 2026-01-02\n\(extra)---\nBody\n"
    }

    // MARK: - Numbers

    func testPriceSuggestionsNeverTrapOnNonFiniteOrHugeNumbers() {
        for raw in ["infk", "1e400k", "nank", "-infk", "inftr", "nantriệu", "0x1p3k", "1e3k",
                    "99999999999999999999tr", String(repeating: "9", count: 400) + "k", "9999999999999999k5"] {
            XCTAssertNil(PriceSuggestion.suggest(for: raw), raw)
        }
        XCTAssertEqual(PriceSuggestion.suggest(for: "85k"), "85000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "1,5 triệu"), "1500000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "1tr2"), "1200000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "85.000 đ"), "85000")
        XCTAssertEqual(PriceSuggestion.suggest(for: "999999999999k"), "999999999999000")
    }

    func testHostilePricesAreReportedNotFatal() throws {
        try write("businesses/a/index.md", "---\nname: A\n---\n")
        try write("businesses/a/products/p.md", product(price: "infk"))
        try write("businesses/a/products/q.md", product(price: "1e400k"))
        try write("businesses/a/products/r.md", product(price: "99999999999999999999tr"))
        let codes = load().diagnostics.filter { $0.location.file.hasSuffix("products/p.md") || $0.location.file.hasSuffix("products/q.md") || $0.location.file.hasSuffix("products/r.md") }
            .map(\.code)
        XCTAssertEqual(codes, ["price-not-whole", "price-not-whole", "price-not-whole"])
    }

    func testHugeAndNonFiniteNumbersInFieldsAreWrongTypes() throws {
        try write("businesses/a/index.md", "---\nname: A\nfounded: 99999999999999999999\nmap: {lat: .nan, lng: 1e400}\n---\n")
        try write("businesses/a/products/p.md", product(extra: "ocop: 99999999999999999999\nocop_year: 1e9\nmin_order: -1\nseason: [99999999999999999999]\n"))
        try write("site.yml", "title: T\nbase_url: https://example.org/\nper_page: 99999999999999999999\n")
        let result = load()
        let wrong = result.diagnostics.filter { $0.code == "wrong-type" }.map(\.message)
        XCTAssertEqual(wrong.count, 8, "\(result.diagnostics)")
        XCTAssertNil(result.catalog.site.perPage)
        XCTAssertNil(result.catalog.businesses.first?.map)
    }

    func testSourceDateEpochThatIsNotWholeSecondsFallsBackToTheClock() {
        let clock = CivilDate.today(environment: [:])
        for value in ["inf", "-inf", "nan", "1e300", "-1", "-5", "garbage", "", "1795132800.5", "0x10",
                      "99999999999999999999", "253402300800", String(repeating: "9", count: 400)] {
            XCTAssertNil(CivilDate.sourceDateEpoch(value), value)
            XCTAssertEqual(CivilDate.today(environment: ["SOURCE_DATE_EPOCH": value]), clock, value)
        }
        XCTAssertEqual(CivilDate.today(environment: ["SOURCE_DATE_EPOCH": "1795132800"]).description, "2026-11-20")
        XCTAssertEqual(CivilDate.today(environment: ["SOURCE_DATE_EPOCH": "0"]).description, "1970-01-01")
        XCTAssertEqual(CivilDate.today(environment: ["SOURCE_DATE_EPOCH": "253402275599"]).description, "9999-12-31")
    }

    func testDayCountsOutsideTheCalendarAreClamped() {
        XCTAssertEqual(CivilDate(daysSinceEpoch: .max).description, "9999-12-31")
        XCTAssertEqual(CivilDate(daysSinceEpoch: .min).description, "0001-01-01")
        XCTAssertEqual(CivilDate(year: 1, month: 1, day: 1)!.daysSinceEpoch, -719_162)
        XCTAssertEqual(CivilDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch, 2_932_896)
    }

    // MARK: - YAML that would overflow the stack

    func testDeeplyNestedYAMLIsReportedWithoutComposing() throws {
        let flow = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        let block = String(repeating: "- ", count: 20_000) + "x"
        try write("businesses/a/index.md", "---\nname: A\ndeep: \(flow)\n---\n")
        try write("businesses/a/products/p.md", "---\nname: P\ndeep:\n\(block)\n---\n")
        try write("sectors.yml", "- id: a\n  name: \(flow)\n")
        let result = try loadWithin()
        let deep = result.diagnostics.filter { $0.code == "yaml-too-deep" }
        XCTAssertEqual(deep.map(\.location.file), ["sectors.yml", "businesses/a/index.md", "businesses/a/products/p.md"])
        XCTAssertEqual(deep.map(\.location.line), [2, 3, 4])
    }

    func testOrdinaryTextIsNotMistakenForNesting() {
        let text = """
        name: "[[Bánh]] {đặc biệt}"
        description: |
          ------------------------------------------------------------------------------------------
          --- ghi chú --- :::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::::
        tags: [a, b, c]
        list:
          - a
          - - b
            - c
        """
        XCTAssertNil(YAMLDepth.lineTooDeep(text))
        XCTAssertEqual(YAMLDepth.lineTooDeep("a:\n" + String(repeating: " ", count: 65) + "b: c\n"), 2)
        XCTAssertEqual(YAMLDepth.lineTooDeep("a: " + String(repeating: "{", count: 129)), 1)
        XCTAssertEqual(YAMLDepth.lineTooDeep(String(repeating: "? ", count: 33)), 1)
        XCTAssertNil(YAMLDepth.lineTooDeep(String(repeating: "- ", count: 32)))
    }

    // MARK: - The tree's edge cases

    func testMarkdownFilesWithAnotherExtensionAreNamedWithTheNameToUse() throws {
        try write("businesses/a/Index.MD", "---\nname: A\n---\n")
        try write("businesses/a/products/Banh.MD", product())
        try write("businesses/a/products/Bánh Phồng.markdown", product())
        try write("businesses/a/products/ok.md", product())
        let result = load()
        let misnamed = result.diagnostics.filter { $0.code == "misnamed-entry" }
        XCTAssertEqual(misnamed.map(\.location.file), ["businesses/a/Index.MD", "businesses/a/products/Banh.MD",
                                               "businesses/a/products/Bánh Phồng.markdown"])
        XCTAssertTrue(misnamed.allSatisfy { $0.severity == .error })
        XCTAssertTrue(misnamed[0].message.text(.en).contains("\"index.md\""), misnamed[0].message.text(.en))
        XCTAssertTrue(misnamed[1].message.text(.en).contains("\"banh.md\""), misnamed[1].message.text(.en))
        XCTAssertTrue(misnamed[2].message.text(.vi).contains("\"banh-phong.md\""), misnamed[2].message.text(.vi))
        XCTAssertEqual(result.catalog.businesses.first?.products.map(\.slug), ["ok"])
    }

    func testNFDFileNamesAreFoundAndTheirOnDiskPathIsKept() throws {
        let nfd = "a\u{0309}nh.jpg", nfc = "\u{1EA3}nh.jpg" // "ảnh.jpg"
        try write("businesses/a/index.md", "---\nname: A\nlogo: \(nfc)\n---\n")
        try write("businesses/a/lo\u{0302}go.png", "x")
        try write("businesses/a/\(nfd)", "logo")
        try write("businesses/a/products/p.md", product(extra: "images: [\(nfc)]\n"))
        try write("businesses/a/products/\(nfd)", "photo")
        let b = try XCTUnwrap(load().catalog.businesses.first)
        XCTAssertTrue(b.files.contains(nfc))
        XCTAssertTrue(b.products[0].files.contains(nfc))
        let logo = try XCTUnwrap(b.assetPaths[nfc]), photo = try XCTUnwrap(b.productAssetPaths[nfc])
        XCTAssertTrue(logo.utf8.elementsEqual((path("businesses/a") + "/" + nfd).utf8), logo)
        XCTAssertEqual(try String(contentsOfFile: logo, encoding: .utf8), "logo")
        XCTAssertEqual(try String(contentsOfFile: photo, encoding: .utf8), "photo")
        XCTAssertNotNil(b.assetPaths["lôgo.png"])
    }

    func testTopLevelFilesLinkedOutOfTheTreeAreErrors() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("chonoi-outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("businesses/x"), withIntermediateDirectories: true)
        try Data("title: Secret\nbase_url: https://example.org/\n".utf8).write(to: outside.appendingPathComponent("site.yml"))
        try Data("- id: secret\n  name: Secret\n".utf8).write(to: outside.appendingPathComponent("sectors.yml"))
        try Data("---\nname: Secret\n---\n".utf8).write(to: outside.appendingPathComponent("businesses/x/index.md"))
        for name in ["site.yml", "sectors.yml"] {
            try FileManager.default.removeItem(atPath: path(name))
            try FileManager.default.createSymbolicLink(atPath: path(name), withDestinationPath: outside.appendingPathComponent(name).path)
        }
        try FileManager.default.createSymbolicLink(atPath: path("businesses"), withDestinationPath: outside.appendingPathComponent("businesses").path)
        let result = load()
        let leaving = result.diagnostics.filter { $0.code == "symlink-leaves-tree" }.map(\.location.file)
        XCTAssertEqual(leaving, ["site.yml", "sectors.yml", "businesses"])
        XCTAssertNil(result.catalog.site.title)
        XCTAssertEqual(result.catalog.sectors.count, 0)
        XCTAssertEqual(result.catalog.businesses.count, 0)
        XCTAssertEqual(CatalogLoader(root: root.path, workingDirectory: root.path).listBusinessFolders().names, [])
    }

    func testLinksInsideTheTreeStillWork() throws {
        try write("data/site.yml", "title: T\nbase_url: https://example.org/\n")
        try write("data/businesses/a/index.md", "---\nname: A\n---\n")
        try FileManager.default.removeItem(atPath: path("site.yml"))
        try FileManager.default.createSymbolicLink(atPath: path("site.yml"), withDestinationPath: "data/site.yml")
        try FileManager.default.createSymbolicLink(atPath: path("businesses"), withDestinationPath: "data/businesses")
        let result = load()
        XCTAssertEqual(result.catalog.site.title?.value, "T")
        XCTAssertEqual(result.catalog.businesses.map(\.slug), ["a"])
        XCTAssertFalse(result.diagnostics.contains { $0.code == "symlink-leaves-tree" || $0.code == "not-regular-file" })
    }

    func testFIFOsAndOtherSpecialFilesAreRefusedWithoutOpeningThem() throws {
        try FileManager.default.removeItem(atPath: path("site.yml"))
        XCTAssertEqual(mkfifo(path("site.yml"), 0o644), 0)
        try FileManager.default.removeItem(atPath: path("sectors.yml"))
        try FileManager.default.createDirectory(atPath: path("sectors.yml"), withIntermediateDirectories: true)
        try write("businesses/a/index.md", "---\nname: A\n---\n")
        try FileManager.default.createDirectory(atPath: path("businesses/a/products"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(path("businesses/a/products/p.md"), 0o644), 0)
        XCTAssertEqual(mkfifo(path("businesses/a/logo.png"), 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: path("businesses/a/products/q.md"), withDestinationPath: "p.md")
        let result = try loadWithin()
        let refused = result.diagnostics.filter { $0.code == "not-regular-file" }.map(\.location.file)
        XCTAssertEqual(refused, ["site.yml", "sectors.yml", "businesses/a/logo.png", "businesses/a/products/p.md",
                                 "businesses/a/products/q.md"])
        XCTAssertFalse(result.diagnostics.contains { $0.code == "missing-entry-file" && $0.location.file == "site.yml" })
    }

    func testReadingAFIFODirectlyDoesNotBlock() throws {
        XCTAssertEqual(mkfifo(path("pipe"), 0o644), 0)
        guard case .failed(let reason) = FileSystem.read(path("pipe"), limit: 1024) else {
            return XCTFail("a FIFO was read as a file")
        }
        XCTAssertEqual(reason, FileSystem.notRegularReason)
    }
}

private final class ResultBox: @unchecked Sendable {
    var result: CatalogLoader.Result?
}

final class VietnamDayTests: XCTestCase {
    /// One conversion from seconds to a Vietnamese day, for today's date and for commit times.
    func testSecondsBecomeTheDayInVietnam() {
        XCTAssertEqual(CivilDate(vietnamDayOf: 0).description, "1970-01-01")
        XCTAssertEqual(CivilDate(vietnamDayOf: 17 * 3600 - 1).description, "1970-01-01")
        XCTAssertEqual(CivilDate(vietnamDayOf: 17 * 3600).description, "1970-01-02")
        XCTAssertEqual(CivilDate(vietnamDayOf: -7 * 3600).description, "1970-01-01")
        XCTAssertEqual(CivilDate(vietnamDayOf: -7 * 3600 - 1).description, "1969-12-31")
        XCTAssertEqual(CivilDate(vietnamDayOf: .max).year, 9999, "clamped, not trapped")
        XCTAssertEqual(CivilDate(vietnamDayOf: .min).year, 1, "clamped, not trapped")
    }
}
