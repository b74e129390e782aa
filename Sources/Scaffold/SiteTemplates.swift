/// site.yml, the default sectors and .gitignore of a new catalog.
enum SiteTemplates {
    static func siteYAML(_ s: CatalogScaffold.Settings) -> String {
        """
        # Thông tin chung của danh mục. Các trường có dấu (*) là bắt buộc.
        title: \(quoted(s.title))   # (*) tên danh mục, hiện ở đầu mọi trang
        base_url: \(quoted(s.baseURL))   # (*) địa chỉ trang khi đăng, có thể có thư mục con
        language: \(s.language)   # ngôn ngữ giao diện và thông báo: vi hoặc en
        # description: Sản phẩm, cơ sở sản xuất của tỉnh ...   # mô tả ngắn cho công cụ tìm kiếm
        # contact: { phone: "0273 3 000 000", email: info@example.org }   # liên hệ của ban quản lý
        per_page: 24   # số mục trên một trang danh sách
        # submissions: { repository: https://github.com/TO-CHUC/KHO, branch: main, folder: content }   # bật trang đăng ký /dang-ky/

        """
    }

    /// YAML double-quoted text: safe for a colon, a # or leading spaces in a title.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The 13 sectors of the demo catalog, with descriptions any province can keep.
    static let sectorsYAML = """
    # Các lĩnh vực được phép, theo thứ tự hiển thị. Mã (id) là tên trong địa chỉ trang:
    # chữ thường không dấu, số và dấu gạch ngang. Đổi tên (name) thoải mái; đổi mã thì
    # phải sửa mọi mục đang dùng mã cũ (chonoi check sẽ chỉ ra).
    - id: trai-cay
      name: Trái cây
      description: Trái cây tươi của vườn nhà và hợp tác xã, theo mùa.
    - id: rau-cu
      name: Rau củ & nông sản tươi
      description: Rau, củ, nấm và các loại nông sản tươi khác.
    - id: gao-ngu-coc
      name: Lúa gạo & ngũ cốc
      description: Gạo, nếp, gạo lứt, bột gạo và các loại ngũ cốc.
    - id: thuy-hai-san
      name: Thủy hải sản
      description: Cá, tôm, nghêu, sò, ốc, tươi hoặc khô.
    - id: thit-trung-sua
      name: Thịt, trứng, sữa
      description: Gia cầm, gia súc, trứng và sữa cùng các sản phẩm từ sữa.
    - id: thuc-pham-che-bien
      name: Thực phẩm chế biến
      description: Bánh, mứt, trái cây sấy, hủ tiếu, lạp xưởng và thực phẩm chế biến khác.
    - id: mam-gia-vi
      name: Mắm, nước chấm & gia vị
      description: Mắm, nước mắm, nước tương, tương hột và gia vị.
    - id: do-uong
      name: Đồ uống
      description: Trà, nước ép trái cây, rượu và đồ uống khác.
    - id: duoc-lieu
      name: Dược liệu & sức khỏe
      description: Dược liệu, trà thảo mộc, tinh dầu và sản phẩm chăm sóc sức khỏe.
    - id: thu-cong-my-nghe
      name: Thủ công mỹ nghệ
      description: Đồ gỗ, đan lát, chiếu, nón và hàng thủ công mỹ nghệ.
    - id: sinh-vat-canh
      name: Sinh vật cảnh & cây giống
      description: Cây giống, hoa, cây cảnh và bonsai.
    - id: du-lich
      name: Du lịch & lưu trú
      description: Tour, điểm tham quan, du lịch cộng đồng và homestay.
    - id: khac
      name: Dịch vụ & sản phẩm khác
      description: Dịch vụ nông nghiệp, bao bì, phân bón và sản phẩm khác.

    """

    static let gitignore = """
    # Trang đã dựng (chonoi build) và bộ nhớ đệm: máy nào cũng dựng lại được, không đưa lên git.
    /public/
    /.chonoi-cache/
    # chonoi do CI cài (GitLab giữ nó trong thư mục dự án giữa các lần chạy)
    /.chonoi/
    # Tệp tạm của hệ điều hành và trình soạn thảo
    .DS_Store
    Thumbs.db
    *~
    *.swp

    """
}
