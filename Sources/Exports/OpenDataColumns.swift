/// The fields of the open data, defined once: the JSON, the CSV and the JSON Schema are all
/// written from these lists, so they cannot disagree about a name, a type or an order.
struct Column<Record> {
    enum Kind {
        case text, integer, number, boolean, texts, integers

        /// The JSON Schema type (a nullable field also allows `null`).
        var schemaType: String {
            switch self {
            case .text: return "string"
            case .integer: return "integer"
            case .number: return "number"
            case .boolean: return "boolean"
            case .texts, .integers: return "array"
            }
        }
    }

    let name: String
    let kind: Kind
    /// Whether every record has a value (otherwise it may be `null` in JSON, empty in CSV).
    let required: Bool
    /// The Vietnamese description in the schema.
    let title: String
    let value: (Record) -> Cell
}

/// One field's value.
enum Cell {
    case text(String?)
    case integer(Int?)
    case number(Double?)
    case boolean(Bool)
    case texts([String])
    case integers([Int])
}

enum OpenDataColumns {
    static let businesses: [Column<BusinessRecord>] = [
        .init(name: "id", kind: .text, required: true, title: "Mã cơ sở (tên thư mục, không đổi giữa các lần dựng)") { .text($0.id) },
        .init(name: "name", kind: .text, required: true, title: "Tên cơ sở") { .text($0.name) },
        .init(name: "kind", kind: .text, required: false, title: "Loại hình (mã: hop-tac-xa, ho-kinh-doanh …)") { .text($0.kind) },
        .init(name: "kind_label", kind: .text, required: false, title: "Loại hình, như trang hiển thị") { .text($0.kindLabel) },
        .init(name: "sector", kind: .text, required: true, title: "Mã lĩnh vực") { .text($0.sector) },
        .init(name: "sector_name", kind: .text, required: true, title: "Tên lĩnh vực") { .text($0.sectorName) },
        .init(name: "street", kind: .text, required: false, title: "Số nhà, đường, ấp") { .text($0.street) },
        .init(name: "ward", kind: .text, required: false, title: "Xã, phường, đặc khu") { .text($0.ward) },
        .init(name: "province", kind: .text, required: false, title: "Tỉnh, thành phố") { .text($0.province) },
        .init(name: "phone", kind: .text, required: false, title: "Điện thoại") { .text($0.phone) },
        .init(name: "zalo", kind: .text, required: false, title: "Liên kết Zalo") { .text($0.zalo) },
        .init(name: "email", kind: .text, required: false, title: "Thư điện tử") { .text($0.email) },
        .init(name: "website", kind: .text, required: false, title: "Trang web") { .text($0.website) },
        .init(name: "tax_code", kind: .text, required: false,
              title: "Mã số thuế (chỉ của doanh nghiệp; không bao giờ có số định danh cá nhân)") { .text($0.taxCode) },
        .init(name: "founded", kind: .integer, required: false, title: "Năm thành lập") { .integer($0.founded) },
        .init(name: "certifications", kind: .texts, required: true, title: "Chứng nhận (VietGAP …)") { .texts($0.certifications) },
        .init(name: "latitude", kind: .number, required: false, title: "Vĩ độ") { .number($0.latitude) },
        .init(name: "longitude", kind: .number, required: false, title: "Kinh độ") { .number($0.longitude) },
        .init(name: "url", kind: .text, required: true, title: "Trang của cơ sở") { .text($0.url) },
        .init(name: "logo", kind: .text, required: false, title: "Địa chỉ ảnh logo") { .text($0.logo) },
        .init(name: "product_count", kind: .integer, required: true, title: "Số sản phẩm đang đăng") { .integer($0.productCount) },
        .init(name: "description", kind: .text, required: true, title: "Giới thiệu (văn bản thuần)") { .text($0.description) },
    ]

    static let products: [Column<ProductRecord>] = [
        .init(name: "id", kind: .text, required: true, title: "Mã sản phẩm: <mã cơ sở>/<tên tệp>, không đổi giữa các lần dựng") { .text($0.id) },
        .init(name: "business", kind: .text, required: true, title: "Mã cơ sở (id trong co-so.json)") { .text($0.business) },
        .init(name: "business_name", kind: .text, required: true, title: "Tên cơ sở") { .text($0.businessName) },
        .init(name: "name", kind: .text, required: true, title: "Tên sản phẩm") { .text($0.name) },
        .init(name: "sector", kind: .text, required: true, title: "Mã lĩnh vực") { .text($0.sector) },
        .init(name: "sector_name", kind: .text, required: true, title: "Tên lĩnh vực") { .text($0.sectorName) },
        .init(name: "price", kind: .integer, required: false, title: "Giá, đồng (trống: liên hệ)") { .integer($0.price) },
        .init(name: "unit", kind: .text, required: false, title: "Đơn vị tính") { .text($0.unit) },
        .init(name: "available", kind: .boolean, required: true, title: "Còn hàng") { .boolean($0.available) },
        .init(name: "ocop_stars", kind: .integer, required: false, title: "Hạng sao OCOP (còn hiệu lực)") { .integer($0.ocopStars) },
        .init(name: "ocop_year", kind: .integer, required: false, title: "Năm công nhận OCOP") { .integer($0.ocopYear) },
        .init(name: "min_order", kind: .integer, required: false, title: "Đặt tối thiểu (số đơn vị)") { .integer($0.minOrder) },
        .init(name: "delivery", kind: .text, required: false, title: "Giao hàng") { .text($0.delivery) },
        .init(name: "season", kind: .integers, required: true, title: "Tháng mùa vụ (1–12)") { .integers($0.season) },
        .init(name: "tags", kind: .texts, required: true, title: "Từ khóa") { .texts($0.tags) },
        .init(name: "published", kind: .text, required: false, title: "Ngày đăng (YYYY-MM-DD)") { .text($0.published) },
        .init(name: "updated", kind: .text, required: false, title: "Ngày cập nhật (YYYY-MM-DD)") { .text($0.updated) },
        .init(name: "url", kind: .text, required: true, title: "Trang của sản phẩm") { .text($0.url) },
        .init(name: "images", kind: .texts, required: true, title: "Địa chỉ các ảnh") { .texts($0.images) },
        .init(name: "description", kind: .text, required: true, title: "Mô tả (văn bản thuần)") { .text($0.description) },
    ]
}
