import Catalog

/// The entries `chonoi new` writes. Every field is explained in Vietnamese, the example
/// values are valid (so `chonoi check` passes at once) and the entry starts as a draft,
/// so an example value is never published by mistake.
enum Templates {
    static func business(sector: String) -> String {
        """
        ---
        # Các trường có dấu (*) là bắt buộc. Thay các giá trị ví dụ bằng thông tin thật.
        # Giữ nguyên tên trường bên trái dấu hai chấm; chữ sau dấu # chỉ là ghi chú.
        name: Cơ sở Tên Của Bạn                # (*) tên cơ sở, ghi đầy đủ, có dấu
        sector: \(sector)                      # (*) mã lĩnh vực trong sectors.yml (hoặc đúng tên lĩnh vực)
        kind: ho-kinh-doanh                    # (*) loại hình: ca-nhan | ho-kinh-doanh | doanh-nghiep-tu-nhan | cong-ty-tnhh
                                               #     | cong-ty-co-phan | hop-tac-xa | to-hop-tac | khac
        representative: Nguyễn Văn A           # (*) người đại diện
        phone: "0900 000 000"                  # (*) số điện thoại, luôn đặt trong ngoặc kép để giữ số 0 đầu
        address:                               # (*) địa chỉ theo đơn vị hành chính mới (từ 1/7/2025)
          street: Số 1, ấp Mới                 #     số nhà, đường hoặc ấp / khu phố (không bắt buộc)
          ward: Xã Vĩnh Kim                    # (*) xã / phường / đặc khu (không ghi huyện)
          province: Đồng Tháp                  # (*) tỉnh / thành phố (Tiền Giang nay thuộc Đồng Tháp)
        # Các trường dưới đây không bắt buộc: xóa dòng nào không dùng.
        # email: ten@example.org               # thư điện tử
        # website: https://example.org         # trang web, bắt đầu bằng https://
        # tax_code: "1200000000"               # mã số thuế 10 chữ số (chi nhánh: "1200000000-001"); hộ kinh doanh có thể
        #                                      # ghi số định danh 12 chữ số, số này không bao giờ hiện trên trang
        # founded: 2005                        # năm thành lập
        # logo: logo.jpg                       # ảnh logo, chép tệp vào cùng thư mục với tệp này
        # zalo: "0900 000 000"                 # số Zalo, đặt trong ngoặc kép
        # map: { lat: 10.35, lng: 106.36 }     # tọa độ trên bản đồ (vĩ độ, kinh độ)
        # certifications: [VietGAP]            # chứng nhận: VietGAP, GlobalGAP, HACCP, chỉ dẫn địa lý ...
        draft: true                            # bản nháp: đổi thành false (hoặc xóa dòng) khi muốn đăng
        ---
        Giới thiệu cơ sở ở đây: lịch sử, cách làm, vùng nguyên liệu, cách đặt hàng.
        Có thể dùng **chữ đậm**, danh sách gạch đầu dòng và tiêu đề bắt đầu bằng ##.

        """
    }

    static func product(sector: String, today: CivilDate) -> String {
        """
        ---
        # Các trường có dấu (*) là bắt buộc. Thay các giá trị ví dụ bằng thông tin thật.
        name: Tên sản phẩm                     # (*) tên sản phẩm, có dấu
        sector: \(sector)                      # (*) mã lĩnh vực trong sectors.yml (hoặc đúng tên lĩnh vực)
        price: 85000                           # (*) giá bằng số đồng nguyên, không dấu chấm (85000), hoặc contact (Liên hệ)
        unit: kg                               # (*) đơn vị tính khi có giá: kg, hộp 500 g, chai 500 ml, cái ...
        published: \(today)                    # (*) ngày đăng, dạng NĂM-THÁNG-NGÀY
        # Các trường dưới đây không bắt buộc: xóa dòng nào không dùng.
        # images: [anh-san-pham.jpg]           # ảnh, chép tệp vào thư mục products/ cạnh tệp này
        # ocop: 4                              # số sao OCOP: 3, 4 hoặc 5
        # ocop_year: 2025                      # năm được công nhận OCOP (hiệu lực 36 tháng)
        # min_order: 10                        # số lượng đặt tối thiểu
        # season: [1, 2, 3]                    # các tháng đang mùa (1 đến 12)
        # delivery: Toàn quốc                  # khu vực giao hàng
        # available: false                     # ghi false khi tạm hết hàng
        # updated: \(today)                    # ngày cập nhật gần nhất
        # tags: [quà biếu, đặc sản]            # từ khóa
        draft: true                            # bản nháp: đổi thành false (hoặc xóa dòng) khi muốn đăng
        ---
        Mô tả sản phẩm ở đây: nguyên liệu, quy cách đóng gói, cách bảo quản, cách dùng.

        """
    }
}
