import Diagnostics
import XCTest

final class MessageCatalogTests: XCTestCase {
    /// One of every message, so a new case without a test here is noticed in review.
    static let all: [Message] = [
        .invalidUTF8(byteOffset: 3), .fileTooLarge(bytes: 600_000, limit: 524_288), .symlinkLeavesTree(target: "/etc/passwd"),
        .missingEntryFile(expected: "index.md"), .strayFile(name: "x.md"), .invalidSlug(name: "Bánh", suggestion: "banh"),
        .duplicateSlug(slug: "banh", other: "content/businesses/Banh"), .unreadable(reason: "Permission denied"),
        .misnamedEntry(name: "Banh.MD", suggestion: "banh.md"), .notRegularFile(name: "site.yml"), .yamlTooDeep(limit: 128),
        .reservedSlug(name: "in", suggestion: "san-pham-in"),
        .missingFrontMatter, .unterminatedFrontMatter, .yamlSyntax(problem: "mapping values are not allowed in this context"),
        .frontMatterNotMapping, .duplicateKey(key: "price", firstLine: 4), .unknownKey(key: "pirce", suggestion: "price"),
        .unknownKey(key: "zzz", suggestion: nil), .missingField(key: "phone"), .emptyField(key: "phone"),
        .wrongType(key: "name", expected: .text), .invalidBaseURL(value: "example.org"), .unknownLanguage(value: "fr"),
        .sectorsNotList, .duplicateSectorID(id: "a", firstLine: 1), .duplicateSectorName(name: "A", firstLine: 1), .noSectors,
        .invalidSubmissions(key: "submissions.repository", value: "github.com/a"),
        .invalidSubmissions(key: "submissions.branch", value: "a b"), .invalidSubmissions(key: "submissions.folder", value: "../a"),
        .unknownSector(value: "x", suggestionID: "trai-cay", suggestionName: "Trái cây"),
        .unknownSector(value: "x", suggestionID: nil, suggestionName: nil),
        .unknownKind(value: "htx", suggestion: "hop-tac-xa"), .unknownKind(value: "zz", suggestion: nil),
        .invalidPhone(key: "phone", value: "123"), .taxCodeFormat(value: "12"), .taxCodeCheckDigit(value: "0100233480"),
        .personalIDNotAllowed(kind: "hop-tac-xa"), .ocopStars(value: 2), .ocopYearWithoutStars,
        .ocopExpired(year: 2020, expiredYear: 2023), .ocopYearInFuture(year: 2030), .invalidDate(key: "published", value: "2026-02-30"),
        .dateInFuture(key: "published", value: "2030-01-01"), .updatedBeforePublished(updated: "2026-01-01", published: "2026-02-01"),
        .invalidMonth(value: 13), .yearOutOfRange(key: "founded", value: 3000, latest: 2026),
        .priceNotWhole(value: "85k", suggestion: "85000"), .priceNotWhole(value: "abc", suggestion: nil), .pricePositive,
        .unitRequired, .positiveNumber(key: "min_order"), .oldAddressForm(word: "huyện"), .invalidEmail(key: "email", value: "a"),
        .invalidWebURL(key: "website", value: "javascript:alert(1)"),
        .coordinateOutOfRange(key: "map.lat", value: 106, min: -90, max: 90),
        .fileNotFound(key: "logo", name: "logo.jpg", folder: "content/businesses/a"), .fileOutsideFolder(key: "images", name: "../a.jpg"),
        .unsupportedImage(key: "images", name: "a.gif"), .emptyBody,
        .bodyTooLarge(bytes: 70_000, limit: 65_536), .imageInBody(url: "https://a.vn/" + String(repeating: "x", count: 200)),
        .imageTooLarge(key: "images", name: "a.jpg", bytes: 25_000_000, limit: 20_971_520),
        .imageTooManyPixels(key: "images", name: "a.jpg", width: 10000, height: 8000, limitMegapixels: 50),
        .imageUndecodable(key: "logo", name: "a.jpg"), .imageWrongExtension(key: "images", name: "a.jpg", actual: "PNG", suggestion: "a.png"),
        .imageHEICUnsupported(key: "images", name: "a.heic"), .imageNotAPhoto(key: "images", name: "a.jpg", format: "GIF"),
        .imageTooSmall(key: "images", name: "a.jpg", width: 200, minimum: 320),
    ]

    func testEveryMessageHasDistinctVietnameseAndEnglishText() {
        for message in Self.all {
            let vi = message.text(.vi), en = message.text(.en)
            XCTAssertFalse(vi.isEmpty, "\(message)")
            XCTAssertFalse(en.isEmpty, "\(message)")
            XCTAssertNotEqual(vi, en, "\(message) is not translated")
            XCTAssertFalse(vi.contains("\n") || en.contains("\n"), "one line per diagnostic: \(message)")
        }
    }

    func testCodesAreStableKebabCase() {
        for message in Self.all {
            XCTAssertNotNil(message.code.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression), message.code)
        }
        XCTAssertEqual(Message.unknownSector(value: "x", suggestionID: nil, suggestionName: nil).code, "unknown-sector")
    }

    func testSuggestionsAppearInTheMessage() {
        XCTAssertEqual(Message.unknownKey(key: "pirce", suggestion: "price").text(.en), "unknown field \"pirce\" is ignored; did you mean \"price\"?")
        XCTAssertTrue(Message.priceNotWhole(value: "85k", suggestion: "85000").text(.vi).contains("hãy ghi 85000"))
        XCTAssertTrue(Message.fileTooLarge(bytes: 600_000, limit: 524_288).text(.en).contains("586 KB"))
    }

    func testDidYouMean() {
        XCTAssertEqual(DidYouMean.best(for: "pirce", among: ["name", "price", "unit"]), "price")
        XCTAssertEqual(DidYouMean.best(for: "untt", among: ["name", "price", "unit"]), "unit")
        XCTAssertNil(DidYouMean.best(for: "colour", among: ["name", "price", "unit"]))
        XCTAssertEqual(DidYouMean.distance("ab", "ba"), 1)
    }
}
