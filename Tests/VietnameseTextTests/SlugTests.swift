import XCTest
import VietnameseText

final class SlugTests: XCTestCase {
    func testExamplesFromTheDomainNotes() {
        XCTAssertEqual(Slug.make(from: "Bánh Phồng"), "banh-phong")
        XCTAssertEqual(Slug.make(from: "Đồng Tháp"), "dong-thap")
        XCTAssertEqual(Slug.make(from: "Mắm tôm chà Gò Công (hũ 500 g)"), "mam-tom-cha-go-cong-hu-500-g")
        XCTAssertEqual(Slug.make(from: "Hủ tiếu Mỹ Tho – loại đặc biệt"), "hu-tieu-my-tho-loai-dac-biet")
        XCTAssertEqual(Slug.make(from: "Sầu riêng Ri6"), "sau-rieng-ri6")
        XCTAssertEqual(Slug.make(from: "Đi chợ"), "di-cho", "not the Serbian dj")
        XCTAssertEqual(Slug.make(from: "Căn hộ"), "can-ho", "no letter may be lost")
    }

    func testDecomposedInputGivesTheSameSlug() {
        let name = "Mắm tôm chà Gò Công (hũ 500 g)"
        XCTAssertEqual(Slug.make(from: name.decomposedStringWithCanonicalMapping), Slug.make(from: name))
    }

    func testDashesAreCollapsedAndTrimmed() {
        XCTAssertEqual(Slug.make(from: "--Bánh--  --mì--"), "banh-mi")
        XCTAssertEqual(Slug.make(from: "!!!"), "")
        XCTAssertEqual(Slug.make(from: ""), "")
        XCTAssertEqual(Slug.make(from: "🍊"), "")
        XCTAssertEqual(Slug.make(from: "../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(Slug.make(from: "<script>alert(1)</script>"), "script-alert-1-script")
        XCTAssertEqual(Slug.make(from: "Ə letter"), "letter", "letters without ASCII form break words")
    }

    func testIsValid() {
        for good in ["a", "banh-phong", "a1-b2-c3", "500-g"] { XCTAssertTrue(Slug.isValid(good), good) }
        for bad in ["", "-a", "a-", "a--b", "A", "bánh", "a b", "a_b", "-", "a/b", "a\u{0}"] {
            XCTAssertFalse(Slug.isValid(bad), bad)
        }
    }

    func testEveryMadeSlugIsValidOrEmpty() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aĐđ ưƯ-_.,!/\\\u{301}\u{323}0Z🍊\t\nМ北ǅß".unicodeScalars)
        for _ in 0..<2_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...20, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
            let slug = Slug.make(from: String(s))
            XCTAssertTrue(slug.isEmpty || Slug.isValid(slug), "\(String(s)) → \(slug)")
        }
    }
}
