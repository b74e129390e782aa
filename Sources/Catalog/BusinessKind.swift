/// The legal form of an establishment (loại hình), as the contract spells it.
public enum BusinessKind: String, CaseIterable, Sendable {
    case caNhan = "ca-nhan"
    case hoKinhDoanh = "ho-kinh-doanh"
    case doanhNghiepTuNhan = "doanh-nghiep-tu-nhan"
    case congTyTNHH = "cong-ty-tnhh"
    case congTyCoPhan = "cong-ty-co-phan"
    case hopTacXa = "hop-tac-xa"
    case toHopTac = "to-hop-tac"
    case khac = "khac"

    /// Individuals and household businesses use the owner's 12-digit personal ID as tax code
    /// since July 2025; for them it is personal data and never published.
    public var mayUsePersonalID: Bool { self == .caNhan || self == .hoKinhDoanh }

    /// The words a buyer reads on a page.
    public var label: String {
        switch self {
        case .caNhan: return "Cá nhân"
        case .hoKinhDoanh: return "Hộ kinh doanh"
        case .doanhNghiepTuNhan: return "Doanh nghiệp tư nhân"
        case .congTyTNHH: return "Công ty TNHH"
        case .congTyCoPhan: return "Công ty cổ phần"
        case .hopTacXa: return "Hợp tác xã"
        case .toHopTac: return "Tổ hợp tác"
        case .khac: return "Cơ sở khác"
        }
    }
}
