import Foundation
import Search

/// Records shared by the Swift tests and, through the committed fixture index
/// (Tests/js/fixtures/index), by the JavaScript tests.
enum SearchFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtureIndex = repository.appendingPathComponent("Tests/js/fixtures/index")
    static let foldScalars = repository.appendingPathComponent("Tests/js/fixtures/fold-scalars.json")
    static let foldingCases = repository.appendingPathComponent("Tests/SharedFixtures/folding-cases.json")

    /// Set to regenerate committed fixtures after a deliberate format change.
    static var updating: Bool { ProcessInfo.processInfo.environment["CHONOI_UPDATE_FIXTURES"] == "1" }

    static func product(_ slug: String, _ name: String, business: (slug: String, name: String) = ("sa-giang", "Cơ sở Bánh phồng tôm Sa Giang"),
                        sector: (String, String) = ("thuc-pham-che-bien", "Thực phẩm chế biến"),
                        place: String = "Phường Sa Đéc, Đồng Tháp", price: String = "85.000 ₫/kg", ocop: Int? = nil,
                        text: String = "", keywords: String = "") -> SearchRecord {
        SearchRecord(kind: .product, url: "co-so/\(business.slug)/\(slug)/", name: name, businessName: business.name,
                     sectorID: sector.0, sectorName: sector.1, place: place, price: price, ocop: ocop, text: text,
                     keywords: keywords)
    }

    static func business(_ slug: String, _ name: String, sector: (String, String), place: String, text: String = "") -> SearchRecord {
        SearchRecord(kind: .business, url: "co-so/\(slug)/", name: name, businessName: name, sectorID: sector.0,
                     sectorName: sector.1, place: place, price: "", ocop: nil, text: text)
    }

    static let fruit = ("nong-san", "Nông sản")
    static let travel = ("du-lich", "Du lịch – dịch vụ")
    static let vinhKim = (slug: "vuon-vinh-kim", name: "Vườn trái cây Út Hiền")
    static let homestay = (slug: "homestay-cai-be", name: "Homestay Cái Bè")

    /// A small catalogue with the cases the issue names: tone-less queries, đ, a place typed
    /// with and without marks, a hostile product name, and near-homographs for ranking.
    static let catalog: [SearchRecord] = [
        business("sa-giang", "Cơ sở Bánh phồng tôm Sa Giang", sector: ("thuc-pham-che-bien", "Thực phẩm chế biến"),
                 place: "Phường Sa Đéc, Đồng Tháp", text: "Làm bánh phồng tôm từ năm 1960."),
        product("banh-phong-tom", "Bánh phồng tôm Sa Giang", ocop: 4, text: "Bánh phồng tôm đặc sản Sa Đéc, giòn, thơm.",
                keywords: "quà biếu"),
        product("banh-phong-tom-it-duong", "Bánh phồng tôm ít đường", price: "71.000 ₫/hộp 500 g", ocop: 3),
        product("banh-phong-mi", "Bánh phồng mì", price: "40.000 ₫/gói"),
        product("duong-thot-not", "Đường thốt nốt", price: "60.000 ₫/kg", text: "Đường nấu từ thốt nốt An Giang."),
        product("hop-qua", "Hộp quà <script>alert(\"x\")</script> & 'bánh'", price: "Liên hệ",
                text: "Tên lạ \\ \"trích dẫn\" \u{2028} dòng mới"),
        business(vinhKim.slug, vinhKim.name, sector: fruit, place: "Xã Vĩnh Kim, Đồng Tháp",
                 text: "Vườn vú sữa Lò Rèn và xoài cát Hòa Lộc."),
        product("vu-sua-lo-ren", "Vú sữa Lò Rèn Vĩnh Kim", business: vinhKim, sector: fruit, place: "Xã Vĩnh Kim, Đồng Tháp",
                price: "45.000 ₫/kg", ocop: 5),
        product("xoai-cat-hoa-loc", "Xoài cát Hòa Lộc", business: vinhKim, sector: fruit, place: "Xã Vĩnh Kim, Đồng Tháp",
                price: "70.000 ₫/kg"),
        product("xoai-cat-chu", "Xoài cát chu", business: vinhKim, sector: fruit, place: "Xã Vĩnh Kim, Đồng Tháp",
                price: "35.000 ₫/kg", text: "Ngọt hơn xoài cát Hòa Lộc? Không, nhưng rẻ hơn."),
        business(homestay.slug, homestay.name, sector: travel, place: "Xã Cái Bè, Đồng Tháp",
                 text: "Phòng nghỉ ven sông, gần chợ nổi."),
        product("phong-doi", "Phòng đôi view sông", business: homestay, sector: travel, place: "Xã Cái Bè, Đồng Tháp",
                price: "500.000 ₫/phòng/đêm"),
        product("mam-tom", "Mắm tôm chà Gò Công", business: ("mam-go-cong", "Cơ sở mắm Gò Công"),
                place: "Phường Gò Công, Đồng Tháp", price: "120.000 ₫/hũ 500 g", ocop: 3),
        product("mam-ca-linh", "Mắm cá linh", business: ("mam-go-cong", "Cơ sở mắm Gò Công"),
                place: "Phường Gò Công, Đồng Tháp", price: "90.000 ₫/hũ",
                text: "Cá linh mùa nước nổi, ướp muối; món ngon miền Tây với tôm, thịt."),
    ]

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "chonoi-search-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func files(in path: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
        }
        return out
    }
}
