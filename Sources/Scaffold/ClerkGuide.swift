/// HUONG-DAN.md: how a clerk adds a seller, in Vietnamese, for people who have never used git.
enum ClerkGuide {
    static func text(_ s: CatalogScaffold.Settings) -> String {
        #"""
        # Hướng dẫn cho cán bộ nhập liệu: \#(s.title)

        Danh mục này là một thư mục tệp văn bản. Mỗi cơ sở (người bán) là **một thư mục** trong
        `content/businesses/`; mỗi sản phẩm là **một tệp** trong thư mục `products/` của cơ sở đó.
        Mọi thay đổi đi qua một *pull request* (GitHub) hoặc *merge request* (GitLab): máy kiểm tra
        tự động, người duyệt xem lại, rồi trang web được đăng lại sau vài phút.

        ## 1. Thêm một cơ sở

        1. Đặt tên thư mục cho cơ sở: chữ thường **không dấu**, số và dấu gạch ngang, ví dụ
           `banh-phong-ba-tu` (tên này thành địa chỉ trang: `/co-so/banh-phong-ba-tu/`).
        2. Tạo thư mục `content/businesses/banh-phong-ba-tu/` và tệp `index.md` trong đó. Cách
           nhanh nhất: chép thư mục mẫu `content/businesses/vi-du-co-so/` rồi đổi tên, hoặc chạy
           `chonoi new business banh-phong-ba-tu` nếu máy có chonoi.
        3. Sửa phần giữa hai dòng `---` ở đầu tệp. Mỗi trường có ghi chú bằng tiếng Việt; trường
           có dấu (*) là bắt buộc:
           - `name`: tên cơ sở, đầy đủ, có dấu.
           - `sector`: mã lĩnh vực trong `content/sectors.yml` (ví dụ `thuc-pham-che-bien`).
           - `kind`: loại hình (`ho-kinh-doanh`, `hop-tac-xa`, `cong-ty-tnhh` ...).
           - `representative`, `phone` (luôn đặt trong ngoặc kép: `"0912 345 678"`), `address`
             (xã/phường và tỉnh theo địa giới mới; không ghi huyện).
        4. Dưới dòng `---` thứ hai, viết phần giới thiệu cơ sở (có thể dùng `## tiêu đề`,
           `**chữ đậm**`, danh sách bắt đầu bằng `-`).
        5. Xóa dòng `draft: true` (hoặc ghi `draft: false`) khi thông tin đã đúng và người bán
           đồng ý đăng. Bản nháp được kiểm tra nhưng không hiện trên trang.

        ## 2. Thêm sản phẩm

        Mỗi sản phẩm là một tệp `content/businesses/<cơ-sở>/products/<tên-sản-phẩm>.md`, tên tệp
        cũng chữ thường không dấu. Bắt buộc: `name`, `sector`, `price` (số đồng nguyên, không dấu
        chấm: `85000`; hoặc `contact` nếu giá liên hệ), `unit` (khi có giá: `kg`, `hộp 500 g` ...)
        và `published` (ngày đăng, dạng `2026-03-15`). Không cần ghi `updated`: trang tự lấy ngày
        của lần sửa cuối cùng trong lịch sử git.

        ## 3. Ảnh

        - Chép ảnh vào đúng thư mục: logo cạnh `index.md`, ảnh sản phẩm vào `products/`.
        - Tên tệp ảnh cũng chữ thường không dấu, đuôi `.jpg`, `.jpeg`, `.png` hoặc `.webp`
          (ảnh HEIC của iPhone: xuất lại thành JPEG).
        - Ghi tên ảnh vào mục: `logo: logo.jpg` cho cơ sở, `images: [banh-phong.jpg]` cho sản phẩm.
        - Ảnh quá lớn bị báo lỗi; trang web tự thu nhỏ ảnh và xóa thông tin vị trí trong ảnh.

        ## 4. Gửi pull request

        Trên trang GitHub (hoặc GitLab) của danh mục:

        1. Mở thư mục `content/businesses/`, chọn **Add file → Upload files** và kéo cả thư mục
           của cơ sở vào (hoặc **Create new file** và gõ `ten-co-so/index.md`).
        2. Ở cuối trang, chọn **Create a new branch … and start a pull request**, ghi tên cơ sở
           vào tiêu đề, rồi **Propose changes**.
        3. Mỗi pull request chỉ nên chứa **một cơ sở**, để người duyệt thấy đúng những gì thay đổi.

        ## 5. Đọc kết quả kiểm tra

        Sau vài phút, pull request có dấu ✓ (đạt) hoặc ✗ (có lỗi). Với lỗi:

        - Trên GitHub, mở tab **Files changed**: mỗi lỗi hiện ngay dưới dòng có vấn đề, kèm cách
          sửa, ví dụ `lĩnh vực "thuc pham" không có trong danh sách cho phép; có phải ý bạn là
          "thuc-pham-che-bien"?`. Trên GitLab, mở job **check** để đọc danh sách dạng
          `tệp:dòng:cột: error: …`.
        - **error** (lỗi) phải sửa thì mới đăng được; **warning** (cảnh báo) nên xem lại (ví dụ
          địa chỉ còn ghi "huyện", hay trường viết sai tên như `gia` thay cho `price`).
        - Chỉ những mục mà pull request thay đổi được báo; lỗi cũ ở nơi khác không làm rối kết quả.
        - Sửa tệp ngay trên nhánh của pull request (biểu tượng cây bút); máy kiểm tra lại tự động.

        Khi pull request được nhập (merge) vào nhánh chính, trang web được dựng và đăng lại.

        ## 6. Trang đăng ký cho người bán (không bắt buộc)

        Người bán không quen viết tệp có thể tự điền biểu mẫu ở trang `/dang-ky/` (liên kết ở cuối
        mọi trang): biểu mẫu kiểm tra ngay khi gõ, bằng đúng các quy tắc của `chonoi check`, rồi
        cho tải về thư mục hồ sơ (.zip) hoặc mở sẵn từng tệp trên GitHub để tạo pull request. Trang
        không gửi thông tin đi đâu cả. Để bật trang, bỏ dấu `#` ở dòng `submissions:` trong
        `content/site.yml` và ghi địa chỉ kho này.

        ## Trên máy tính (không bắt buộc)

        ```sh
        chonoi check                # kiểm tra toàn bộ danh mục
        chonoi check --changed main # chỉ những mục đã đổi so với nhánh main
        chonoi serve                # xem trước trang tại http://127.0.0.1:8080/, tự tải lại khi lưu tệp
        ```

        """#
    }
}
