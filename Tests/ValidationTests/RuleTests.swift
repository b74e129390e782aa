@testable import Validation
import Catalog
import XCTest

final class RuleTests: XCTestCase {
    func sector(_ id: String, _ name: String, _ order: Int) -> Sector {
        Sector(id: Located(id, line: order + 1, column: 7), name: Located(name, line: order + 1, column: 9), description: nil, order: order)
    }

    func testSectorSuggestions() {
        let resolver = SectorResolver(sectors: [
            sector("trai-cay", "Trái cây", 0), sector("thuc-pham-che-bien", "Thực phẩm chế biến", 1), sector("du-lich", "Du lịch & lưu trú", 2),
        ])
        XCTAssertTrue(resolver.isAllowed("trai-cay"))
        XCTAssertTrue(resolver.isAllowed("Trái cây"))
        XCTAssertFalse(resolver.isAllowed("trái cây"))
        XCTAssertEqual(resolver.suggestion(for: "trái cây")?.id.value, "trai-cay")
        XCTAssertEqual(resolver.suggestion(for: "thuc pham")?.id.value, "thuc-pham-che-bien")
        XCTAssertEqual(resolver.suggestion(for: "trai-cy")?.id.value, "trai-cay")
        XCTAssertEqual(resolver.suggestion(for: "Du lich")?.id.value, "du-lich")
        XCTAssertNil(resolver.suggestion(for: "máy móc"))
    }

    func testKindSuggestions() {
        XCTAssertEqual(KindRules.suggestion(for: "Hộ kinh doanh"), .hoKinhDoanh)
        XCTAssertEqual(KindRules.suggestion(for: "HTX"), .hopTacXa)
        XCTAssertEqual(KindRules.suggestion(for: "cong-ty-tnhh-1tv"), .congTyTNHH)
        XCTAssertEqual(KindRules.suggestion(for: "hop-tac-xaa"), .hopTacXa)
        XCTAssertNil(KindRules.suggestion(for: "ngân hàng"))
    }

    func testOldAddressForms() {
        XCTAssertEqual(AddressRules.oldForm(in: "Xã Hòa Hưng, huyện Cái Bè"), "huyện")
        XCTAssertEqual(AddressRules.oldForm(in: "Tỉnh Tiền Giang"), "tiền giang")
        XCTAssertEqual(AddressRules.oldForm(in: "Thị xã Gò Công"), "thị xã")
        XCTAssertNil(AddressRules.oldForm(in: "Phường Mỹ Tho"))
        XCTAssertNil(AddressRules.oldForm(in: "Quán Bà Tư"), "quán is not quận")
    }

    func testWebAddressesAndEmails() {
        XCTAssertTrue(FieldRules.isWebAddress("https://example.org/a?b=1"))
        XCTAssertFalse(FieldRules.isWebAddress("javascript:alert(1)"))
        XCTAssertFalse(FieldRules.isWebAddress("example.org"))
        XCTAssertFalse(FieldRules.isWebAddress("https://exa mple.org"))
        XCTAssertFalse(FieldRules.isWebAddress("https://\"onmouseover=x.org"))
        XCTAssertTrue(FieldRules.looksLikeEmail("a.b@example.org"))
        XCTAssertFalse(FieldRules.looksLikeEmail("a@b"))
        XCTAssertFalse(FieldRules.looksLikeEmail("a<b>@example.org"))
    }

    func testOCOPExpiry() {
        let today = CivilDate(year: 2026, month: 11, day: 20)!
        XCTAssertFalse(OCOP.isExpired(recognisedIn: 2023, today: today))
        XCTAssertTrue(OCOP.isExpired(recognisedIn: 2022, today: today))
    }
}
