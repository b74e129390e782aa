import Diagnostics

/// The fields each kind of file may have, in the order templates write them.
/// Anything else is reported as an unknown field, with the nearest known one suggested.
enum Schema {
    static let site = ["title", "base_url", "language", "description", "contact", "per_page", "theme", "submissions"]
    static let submissions = ["repository", "branch", "folder"]
    static let contact = ["phone", "email"]
    static let sector = ["id", "name", "description"]
    static let business = [
        "name", "sector", "kind", "representative", "phone", "address", "email", "website",
        "tax_code", "founded", "logo", "zalo", "map", "certifications", "draft",
    ]
    static let address = ["street", "ward", "province"]
    static let map = ["lat", "lng"]
    static let product = [
        "name", "sector", "price", "unit", "images", "ocop", "ocop_year", "min_order", "season",
        "delivery", "available", "published", "updated", "tags", "draft",
    ]

    /// The Vietnamese field names a seller used to the portal's forms may reach for
    /// (the portal and domain notes use them), and English near-misses.
    static let aliases: [String: String] = [
        "ten": "name", "title": "name", "linh_vuc": "sector", "linh-vuc": "sector", "nganh": "sector",
        "category": "sector", "loai_hinh": "kind", "loai-hinh": "kind", "type": "kind",
        "nguoi_dai_dien": "representative", "dai_dien": "representative", "owner": "representative",
        "dien_thoai": "phone", "sdt": "phone", "so_dien_thoai": "phone", "tel": "phone",
        "dia_chi": "address", "ma_so_thue": "tax_code", "mst": "tax_code", "taxcode": "tax_code",
        "nam_thanh_lap": "founded", "chung_nhan": "certifications", "toa_do": "map",
        "gia": "price", "don_vi": "unit", "don_vi_tinh": "unit", "anh": "images", "hinh": "images",
        "image": "images", "photos": "images", "toi_thieu": "min_order", "mua_vu": "season",
        "giao_hang": "delivery", "ngay_dang": "published", "date": "published", "cap_nhat": "updated",
        "the": "tags", "xa": "ward", "xa_phuong": "ward", "phuong": "ward", "tinh": "province",
        "duong": "street", "chi_tiet": "street", "latitude": "lat", "longitude": "lng", "lon": "lng",
        "long": "lng",
    ]

    static func suggestion(for key: String, among allowed: [String]) -> String? {
        let lowered = key.lowercased()
        if allowed.contains(lowered) { return lowered }
        if let alias = aliases[lowered], allowed.contains(alias) { return alias }
        return DidYouMean.best(for: lowered, among: allowed)
    }
}
