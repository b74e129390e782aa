/// Every message chonoi can print about content, in Vietnamese and English.
///
/// Each case returns both languages from one `switch`, so the compiler refuses a message
/// that exists in only one of them. Messages say what is wrong and what to write instead,
/// in words a seller who is not a programmer understands.
public enum Message: Hashable, Sendable {
    // Files and folders
    case invalidUTF8(byteOffset: Int)
    case fileTooLarge(bytes: Int, limit: Int)
    case symlinkLeavesTree(target: String)
    case missingEntryFile(expected: String)
    case strayFile(name: String)
    case invalidSlug(name: String, suggestion: String)
    case duplicateSlug(slug: String, other: String)
    /// A product file name that is the address of a page chonoi writes itself (`in`: the printable sheet).
    case reservedSlug(name: String, suggestion: String)
    case unreadable(reason: String)
    case misnamedEntry(name: String, suggestion: String)
    case notRegularFile(name: String)
    case yamlTooDeep(limit: Int)

    // Front matter and YAML
    case missingFrontMatter
    case unterminatedFrontMatter
    case yamlSyntax(problem: String)
    case frontMatterNotMapping
    case duplicateKey(key: String, firstLine: Int)
    case unknownKey(key: String, suggestion: String?)
    case missingField(key: String)
    case emptyField(key: String)
    case wrongType(key: String, expected: ValueKind)

    // Catalog settings and sectors
    case invalidBaseURL(value: String)
    case unknownLanguage(value: String)
    case sectorsNotList
    case duplicateSectorID(id: String, firstLine: Int)
    case duplicateSectorName(name: String, firstLine: Int)
    case noSectors
    case invalidSubmissions(key: String, value: String)

    // Field values
    case unknownSector(value: String, suggestionID: String?, suggestionName: String?)
    case unknownKind(value: String, suggestion: String?)
    case invalidPhone(key: String, value: String)
    case taxCodeFormat(value: String)
    case taxCodeCheckDigit(value: String)
    case personalIDNotAllowed(kind: String)
    case ocopStars(value: Int)
    case ocopYearWithoutStars
    case ocopExpired(year: Int, expiredYear: Int)
    case ocopYearInFuture(year: Int)
    case invalidDate(key: String, value: String)
    case dateInFuture(key: String, value: String)
    case updatedBeforePublished(updated: String, published: String)
    case invalidMonth(value: Int)
    case yearOutOfRange(key: String, value: Int, latest: Int)
    case priceNotWhole(value: String, suggestion: String?)
    case pricePositive
    case unitRequired
    case positiveNumber(key: String)
    case oldAddressForm(word: String)
    case invalidEmail(key: String, value: String)
    case invalidWebURL(key: String, value: String)
    case coordinateOutOfRange(key: String, value: Double, min: Double, max: Double)
    case fileNotFound(key: String, name: String, folder: String)
    case fileOutsideFolder(key: String, name: String)
    case unsupportedImage(key: String, name: String)
    // Photos (read from the header only)
    case imageTooLarge(key: String, name: String, bytes: Int, limit: Int)
    case imageTooManyPixels(key: String, name: String, width: Int, height: Int, limitMegapixels: Int)
    case imageUndecodable(key: String, name: String)
    case imageWrongExtension(key: String, name: String, actual: String, suggestion: String)
    case imageHEICUnsupported(key: String, name: String)
    case imageNotAPhoto(key: String, name: String, format: String)
    case imageTooSmall(key: String, name: String, width: Int, minimum: Int)
    case emptyBody
    case bodyTooLarge(bytes: Int, limit: Int)
    case imageInBody(url: String)

    /// A stable identifier for tools (`--format json`), independent of the language.
    public var code: String {
        switch self {
        case .invalidUTF8: return "invalid-utf8"
        case .fileTooLarge: return "file-too-large"
        case .symlinkLeavesTree: return "symlink-leaves-tree"
        case .missingEntryFile: return "missing-entry-file"
        case .strayFile: return "stray-file"
        case .invalidSlug: return "invalid-slug"
        case .duplicateSlug: return "duplicate-slug"
        case .reservedSlug: return "reserved-slug"
        case .unreadable: return "unreadable"
        case .misnamedEntry: return "misnamed-entry"
        case .notRegularFile: return "not-regular-file"
        case .yamlTooDeep: return "yaml-too-deep"
        case .missingFrontMatter: return "missing-front-matter"
        case .unterminatedFrontMatter: return "unterminated-front-matter"
        case .yamlSyntax: return "yaml-syntax"
        case .frontMatterNotMapping: return "front-matter-not-mapping"
        case .duplicateKey: return "duplicate-key"
        case .unknownKey: return "unknown-key"
        case .missingField: return "missing-field"
        case .emptyField: return "empty-field"
        case .wrongType: return "wrong-type"
        case .invalidBaseURL: return "invalid-base-url"
        case .unknownLanguage: return "unknown-language"
        case .sectorsNotList: return "sectors-not-list"
        case .duplicateSectorID: return "duplicate-sector-id"
        case .duplicateSectorName: return "duplicate-sector-name"
        case .noSectors: return "no-sectors"
        case .invalidSubmissions: return "invalid-submissions"
        case .unknownSector: return "unknown-sector"
        case .unknownKind: return "unknown-kind"
        case .invalidPhone: return "invalid-phone"
        case .taxCodeFormat: return "tax-code-format"
        case .taxCodeCheckDigit: return "tax-code-check-digit"
        case .personalIDNotAllowed: return "personal-id-not-allowed"
        case .ocopStars: return "ocop-stars"
        case .ocopYearWithoutStars: return "ocop-year-without-stars"
        case .ocopExpired: return "ocop-expired"
        case .ocopYearInFuture: return "ocop-year-in-future"
        case .invalidDate: return "invalid-date"
        case .dateInFuture: return "date-in-future"
        case .updatedBeforePublished: return "updated-before-published"
        case .invalidMonth: return "invalid-month"
        case .yearOutOfRange: return "year-out-of-range"
        case .priceNotWhole: return "price-not-whole"
        case .pricePositive: return "price-positive"
        case .unitRequired: return "unit-required"
        case .positiveNumber: return "positive-number"
        case .oldAddressForm: return "old-address-form"
        case .invalidEmail: return "invalid-email"
        case .invalidWebURL: return "invalid-url"
        case .coordinateOutOfRange: return "coordinate-out-of-range"
        case .fileNotFound: return "file-not-found"
        case .fileOutsideFolder: return "file-outside-folder"
        case .unsupportedImage: return "unsupported-image"
        case .imageTooLarge: return "image-too-large"
        case .imageTooManyPixels: return "image-too-many-pixels"
        case .imageUndecodable: return "image-undecodable"
        case .imageWrongExtension: return "image-wrong-extension"
        case .imageHEICUnsupported: return "image-heic-unsupported"
        case .imageNotAPhoto: return "image-not-a-photo"
        case .imageTooSmall: return "image-too-small"
        case .emptyBody: return "empty-body"
        case .bodyTooLarge: return "body-too-large"
        case .imageInBody: return "image-in-body"
        }
    }

    public func text(_ language: Language) -> String {
        let (vi, en) = texts
        return language.pick(vi: vi, en: en)
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private var texts: (vi: String, en: String) {
        switch self {
        case .invalidUTF8(let offset):
            return ("tệp không phải văn bản UTF-8 (byte lỗi ở vị trí \(offset)); hãy lưu lại tệp với bảng mã UTF-8",
                    "the file is not UTF-8 text (bad byte at offset \(offset)); save it again with the UTF-8 encoding")
        case .fileTooLarge(let bytes, let limit):
            return ("tệp quá lớn (\(kib(bytes))); giới hạn là \(kib(limit)), hãy thu nhỏ hoặc nén lại",
                    "the file is too large (\(kib(bytes))); the limit is \(kib(limit)), make it smaller")
        case .symlinkLeavesTree(let target):
            return ("liên kết tượng trưng trỏ ra ngoài thư mục nội dung (\(q(target))); hãy chép tệp thật vào đây",
                    "symbolic link points outside the content folder (\(q(target))); copy the real file here instead")
        case .missingEntryFile(let expected):
            return ("thư mục này thiếu tệp \(q(expected)); mỗi cơ sở cần một tệp index.md mô tả cơ sở",
                    "this folder has no \(q(expected)); every business needs an index.md describing it")
        case .strayFile(let name):
            return ("tệp \(q(name)) không thuộc mục nào và sẽ bị bỏ qua; hãy chuyển nó vào thư mục của một cơ sở hoặc xóa đi",
                    "\(q(name)) belongs to no entry and is ignored; move it into a business folder or delete it")
        case .invalidSlug(let name, let suggestion):
            return ("tên \(q(name)) chỉ được dùng chữ thường không dấu, chữ số và dấu gạch ngang; hãy đổi thành \(q(suggestion))",
                    "the name \(q(name)) may only use lowercase ASCII letters, digits and hyphens; rename it to \(q(suggestion))")
        case .duplicateSlug(let slug, let other):
            return ("đường dẫn \(q(slug)) bị trùng với \(other); hãy đặt một tên khác",
                    "the slug \(q(slug)) is also used by \(other); choose another name")
        case .reservedSlug(let name, let suggestion):
            return ("tên \(q(name)) đã dành cho tờ giới thiệu để in của cơ sở; hãy đổi tên tệp, ví dụ thành \(q(suggestion))",
                    "the name \(q(name)) is the address of the business's printable sheet; rename the file, e.g. to \(q(suggestion))")
        case .unreadable(let reason):
            return ("không đọc được tệp: \(reason)", "cannot read the file: \(reason)")
        case .misnamedEntry(let name, let suggestion):
            return ("tệp \(q(name)) không được đọc vì chỉ tệp có đuôi .md viết thường mới là một mục; hãy đổi tên thành \(q(suggestion))",
                    "\(q(name)) is not read: only files ending in lowercase .md are entries; rename it to \(q(suggestion))")
        case .notRegularFile(let name):
            return ("\(q(name)) không phải tệp hay thư mục thường (mà là ống dẫn, socket hoặc thiết bị) nên không được đọc; hãy xóa nó hoặc thay bằng một tệp thật",
                    "\(q(name)) is not a regular file or folder (a pipe, socket or device), so it is not read; delete it or put a real file there")
        case .yamlTooDeep(let limit):
            return ("phần YAML lồng nhau quá sâu (quá \(limit) cấp ngoặc [ { hoặc thụt lề); hãy viết mỗi trường trên một dòng 'tên_trường: giá trị'",
                    "the YAML is nested too deeply (more than \(limit) levels of [ { or indentation); write each field as one 'field: value' line")

        case .missingFrontMatter:
            return ("tệp phải bắt đầu bằng dòng --- rồi đến các trường (name:, sector: ...) và một dòng --- nữa",
                    "the file must start with a --- line, then the fields (name:, sector: ...), then another --- line")
        case .unterminatedFrontMatter:
            return ("phần thông tin mở bằng --- nhưng không có dòng --- đóng lại; hãy thêm dòng --- sau trường cuối cùng",
                    "the front matter opened with --- is never closed; add a --- line after the last field")
        case .yamlSyntax(let problem):
            return ("lỗi cú pháp YAML (\(problem)); kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách, và đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép",
                    "YAML syntax error (\(problem)); check the colon after each field name, indent with spaces, and quote values containing ':' or '#'")
        case .frontMatterNotMapping:
            return ("phần thông tin phải là các dòng dạng 'tên_trường: giá trị'",
                    "the front matter must be lines of the form 'field: value'")
        case .duplicateKey(let key, let firstLine):
            return ("trường \(q(key)) được ghi hai lần (lần đầu ở dòng \(firstLine)); hãy giữ một dòng và xóa dòng kia",
                    "the field \(q(key)) is written twice (first on line \(firstLine)); keep one and delete the other")
        case .unknownKey(let key, let suggestion):
            if let suggestion {
                return ("trường \(q(key)) không có trong mẫu và sẽ bị bỏ qua; có phải ý bạn là \(q(suggestion))?",
                        "unknown field \(q(key)) is ignored; did you mean \(q(suggestion))?")
            }
            return ("trường \(q(key)) không có trong mẫu và sẽ bị bỏ qua; hãy xem mẫu bằng lệnh chonoi new",
                    "unknown field \(q(key)) is ignored; see the template that chonoi new writes")
        case .missingField(let key):
            return ("thiếu trường bắt buộc \(q(key)); hãy thêm dòng '\(key): ...'",
                    "missing required field \(q(key)); add a line '\(key): ...'")
        case .emptyField(let key):
            return ("trường bắt buộc \(q(key)) đang để trống; hãy điền giá trị",
                    "required field \(q(key)) is empty; fill it in")
        case .wrongType(let key, let expected):
            return ("trường \(q(key)) cần \(expected.describe(.vi))",
                    "field \(q(key)) needs \(expected.describe(.en))")

        case .invalidBaseURL(let value):
            return ("base_url \(q(value)) phải là địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://, ví dụ https://example.org/catalog/",
                    "base_url \(q(value)) must be an absolute address starting with https:// or http://, for example https://example.org/catalog/")
        case .unknownLanguage(let value):
            return ("ngôn ngữ \(q(value)) chưa được hỗ trợ; hãy dùng vi hoặc en",
                    "language \(q(value)) is not supported; use vi or en")
        case .sectorsNotList:
            return ("sectors.yml phải là một danh sách, mỗi lĩnh vực bắt đầu bằng '- id: ...'",
                    "sectors.yml must be a list, each sector starting with '- id: ...'")
        case .duplicateSectorID(let id, let firstLine):
            return ("mã lĩnh vực \(q(id)) bị trùng (đã có ở dòng \(firstLine)); mỗi lĩnh vực cần một mã riêng",
                    "sector id \(q(id)) is repeated (already on line \(firstLine)); each sector needs its own id")
        case .duplicateSectorName(let name, let firstLine):
            return ("tên lĩnh vực \(q(name)) bị trùng (đã có ở dòng \(firstLine)); mỗi lĩnh vực cần một tên riêng",
                    "sector name \(q(name)) is repeated (already on line \(firstLine)); each sector needs its own name")
        case .noSectors:
            return ("chưa có lĩnh vực nào; hãy liệt kê các lĩnh vực trong sectors.yml",
                    "no sectors are defined; list them in sectors.yml")

        case .invalidSubmissions(let key, let value):
            // One message per key of `submissions`; what each needs is said in the same words.
            let (vi, en): (String, String)
            switch key {
            case "submissions.branch":
                (vi, en) = ("tên nhánh git, ví dụ main", "a git branch name, for example main")
            case "submissions.folder":
                (vi, en) = ("thư mục nội dung trong kho, ví dụ content (để trống nếu là thư mục gốc)",
                            "the content folder inside the repository, for example content (empty for the root)")
            default:
                (vi, en) = ("địa chỉ kho trên GitHub hoặc GitLab, ví dụ https://github.com/to-chuc/cho-noi; trang /dang-ky/ sẽ không được tạo",
                            "the address of a repository on GitHub or GitLab, for example https://github.com/org/cho-noi; /dang-ky/ is not written")
            }
            return ("\(key) \(q(value)) không hợp lệ; cần \(vi)", "\(key) \(q(value)) is not valid; it needs \(en)")
        case .unknownSector(let value, let id, let name):
            if let id, let name {
                return ("lĩnh vực \(q(value)) không có trong danh sách cho phép; có phải ý bạn là \(q(id)) (\(name))?",
                        "sector \(q(value)) is not an allowed sector; did you mean \(q(id)) (\(name))?")
            }
            return ("lĩnh vực \(q(value)) không có trong danh sách cho phép; hãy chọn một mã trong sectors.yml",
                    "sector \(q(value)) is not an allowed sector; pick an id from sectors.yml")
        case .unknownKind(let value, let suggestion):
            let allowed = "ca-nhan, ho-kinh-doanh, doanh-nghiep-tu-nhan, cong-ty-tnhh, cong-ty-co-phan, hop-tac-xa, to-hop-tac, khac"
            if let suggestion {
                return ("loại hình \(q(value)) không hợp lệ; có phải ý bạn là \(q(suggestion))? Các giá trị được dùng: \(allowed)",
                        "kind \(q(value)) is not valid; did you mean \(q(suggestion))? Allowed: \(allowed)")
            }
            return ("loại hình \(q(value)) không hợp lệ; hãy chọn một trong: \(allowed)",
                    "kind \(q(value)) is not valid; choose one of: \(allowed)")
        case .invalidPhone(let key, let value):
            return ("\(key) \(q(value)) không phải số điện thoại Việt Nam; di động gồm 10 chữ số (ví dụ \"0912 345 678\"), cố định gồm 11 chữ số (ví dụ \"0273 3 812 345\"), và nhớ đặt trong ngoặc kép",
                    "\(key) \(q(value)) is not a Vietnamese phone number; a mobile has 10 digits (for example \"0912 345 678\"), a landline 11 (for example \"0273 3 812 345\"); keep it in quotes")
        case .taxCodeFormat(let value):
            return ("mã số thuế \(q(value)) phải gồm 10 chữ số, 10 chữ số kèm -3 chữ số của chi nhánh (ví dụ \"0312687878-001\"), hoặc 12 chữ số định danh cá nhân; đặt trong ngoặc kép",
                    "tax code \(q(value)) must be 10 digits, 10 digits plus a 3-digit branch (for example \"0312687878-001\"), or a 12-digit personal ID; keep it in quotes")
        case .taxCodeCheckDigit(let value):
            return ("mã số thuế \(q(value)) có chữ số kiểm tra sai; hãy đối chiếu lại với giấy chứng nhận đăng ký",
                    "tax code \(q(value)) has a wrong check digit; compare it with the registration certificate")
        case .personalIDNotAllowed(let kind):
            return ("số định danh cá nhân 12 chữ số chỉ dùng làm mã số thuế cho cá nhân và hộ kinh doanh, không cho loại hình \(q(kind)); hãy ghi mã số thuế 10 chữ số",
                    "a 12-digit personal ID is a tax code only for individuals and household businesses, not for kind \(q(kind)); write the 10-digit tax code")
        case .ocopStars(let value):
            return ("OCOP \(value) sao không hợp lệ; chỉ sản phẩm đạt 3, 4 hoặc 5 sao mới được công nhận",
                    "OCOP \(value) stars is not valid; only 3, 4 or 5 stars are recognised")
        case .ocopYearWithoutStars:
            return ("có ocop_year nhưng thiếu ocop (số sao); hãy thêm dòng 'ocop: 3' (hoặc 4, 5) hoặc xóa ocop_year",
                    "ocop_year is given without ocop (the stars); add 'ocop: 3' (or 4, 5) or remove ocop_year")
        case .ocopExpired(let year, let expired):
            return ("chứng nhận OCOP năm \(year) đã hết hạn 36 tháng (năm \(expired)); huy hiệu sẽ bị ẩn cho đến khi cập nhật ocop_year",
                    "the OCOP certificate of \(year) expired after 36 months (in \(expired)); the badge is hidden until ocop_year is updated")
        case .ocopYearInFuture(let year):
            return ("ocop_year \(year) ở tương lai; hãy ghi năm được công nhận",
                    "ocop_year \(year) is in the future; write the year of recognition")
        case .invalidDate(let key, let value):
            return ("\(key) \(q(value)) không phải ngày hợp lệ; hãy viết NĂM-THÁNG-NGÀY, ví dụ 2026-03-15",
                    "\(key) \(q(value)) is not a valid date; write YEAR-MONTH-DAY, for example 2026-03-15")
        case .dateInFuture(let key, let value):
            return ("\(key) \(value) là ngày trong tương lai; hãy kiểm tra lại năm và tháng",
                    "\(key) \(value) is in the future; check the year and month")
        case .updatedBeforePublished(let updated, let published):
            return ("ngày cập nhật \(updated) sớm hơn ngày đăng \(published); hãy kiểm tra lại",
                    "updated \(updated) is before published \(published); check both dates")
        case .invalidMonth(let value):
            return ("tháng \(value) không hợp lệ; mùa vụ ghi các tháng từ 1 đến 12, ví dụ [1, 2, 3]",
                    "month \(value) is not valid; season lists months from 1 to 12, for example [1, 2, 3]")
        case .yearOutOfRange(let key, let value, let latest):
            return ("\(key) \(value) không hợp lệ; hãy ghi năm từ 1800 đến \(latest)",
                    "\(key) \(value) is not valid; write a year from 1800 to \(latest)")
        case .priceNotWhole(let value, let suggestion):
            if let suggestion {
                return ("giá \(q(value)) phải là số đồng nguyên, không có dấu chấm, chữ hay ký hiệu; hãy ghi \(suggestion), hoặc contact nếu muốn ghi Liên hệ",
                        "price \(q(value)) must be whole đồng with no dots, letters or symbols; write \(suggestion), or contact for a price on request")
            }
            return ("giá \(q(value)) phải là số đồng nguyên (ví dụ 85000) hoặc chữ contact (Liên hệ)",
                    "price \(q(value)) must be whole đồng (for example 85000) or the word contact")
        case .pricePositive:
            return ("giá phải lớn hơn 0; nếu chưa có giá hãy ghi contact (Liên hệ)",
                    "the price must be more than 0; write contact if there is no fixed price")
        case .unitRequired:
            return ("có giá thì phải có đơn vị tính; hãy thêm dòng 'unit: kg' (hoặc hộp 500 g, chai, cái ...)",
                    "a price needs a unit; add a line 'unit: kg' (or hộp 500 g, chai, cái ...)")
        case .positiveNumber(let key):
            return ("\(key) phải là số nguyên lớn hơn 0", "\(key) must be a whole number above 0")
        case .oldAddressForm(let word):
            return ("địa chỉ còn dùng \(q(word)), đơn vị hành chính cũ; từ 1/7/2025 không còn cấp huyện và Tiền Giang thuộc tỉnh Đồng Tháp, hãy ghi xã/phường mới và province: Đồng Tháp",
                    "the address still uses \(q(word)), an old administrative unit; since 1 July 2025 there are no districts and Tiền Giang is part of Đồng Tháp: write the new ward and province: Đồng Tháp")
        case .invalidEmail(let key, let value):
            return ("\(key) \(q(value)) không phải địa chỉ thư điện tử; ví dụ ten@example.org",
                    "\(key) \(q(value)) is not an e-mail address; for example name@example.org")
        case .invalidWebURL(let key, let value):
            return ("\(key) \(q(value)) phải là địa chỉ web đầy đủ bắt đầu bằng https:// hoặc http://",
                    "\(key) \(q(value)) must be a full web address starting with https:// or http://")
        case .coordinateOutOfRange(let key, let value, let min, let max):
            return ("tọa độ \(key) \(value) nằm ngoài khoảng \(min) đến \(max); hãy chép lại từ bản đồ (vĩ độ lat, kinh độ lng)",
                    "coordinate \(key) \(value) is outside \(min) to \(max); copy it again from a map (lat, then lng)")
        case .fileNotFound(let key, let name, let folder):
            return ("\(key): không tìm thấy tệp \(q(name)) trong thư mục \(folder); hãy chép tệp vào đó hoặc sửa lại tên (phân biệt chữ hoa, chữ thường)",
                    "\(key): file \(q(name)) is not in \(folder); copy it there or correct the name (case matters)")
        case .fileOutsideFolder(let key, let name):
            return ("\(key): tệp \(q(name)) phải nằm ngay trong thư mục của mục này; chỉ ghi tên tệp, không ghi đường dẫn",
                    "\(key): file \(q(name)) must be inside this entry's own folder; write only the file name, not a path")
        case .unsupportedImage(let key, let name):
            return ("\(key): \(q(name)) không phải ảnh được hỗ trợ; hãy dùng tệp .jpg, .jpeg, .png hoặc .webp",
                    "\(key): \(q(name)) is not a supported image; use a .jpg, .jpeg, .png or .webp file")
        case .imageTooLarge(let key, let name, let bytes, let limit):
            return ("\(key): ảnh \(q(name)) quá lớn (\(kib(bytes))); giới hạn là \(kib(limit)) — hãy gửi ảnh nhỏ hơn hoặc lưu lại ở chất lượng thấp hơn",
                    "\(key): photo \(q(name)) is too large (\(kib(bytes))); the limit is \(kib(limit)) — send a smaller photo or save it at a lower quality")
        case .imageTooManyPixels(let key, let name, let width, let height, let limit):
            return ("\(key): ảnh \(q(name)) có \(width)×\(height) điểm ảnh, quá \(limit) megapixel; hãy thu nhỏ ảnh trước khi gửi",
                    "\(key): photo \(q(name)) is \(width)×\(height) pixels, more than \(limit) megapixels; scale it down before sending it")
        case .imageUndecodable(let key, let name):
            return ("\(key): không đọc được ảnh \(q(name)) (tệp hỏng hoặc không phải ảnh); hãy mở ảnh và lưu lại dạng JPEG",
                    "\(key): cannot read the photo \(q(name)) (the file is damaged or not an image); open it and save it again as a JPEG")
        case .imageWrongExtension(let key, let name, let actual, let suggestion):
            return ("\(key): tệp \(q(name)) thực ra là ảnh \(actual); hãy đổi tên tệp thành \(q(suggestion)) (và sửa tên ở đây)",
                    "\(key): file \(q(name)) is really a \(actual) image; rename it to \(q(suggestion)) (and here too)")
        case .imageHEICUnsupported(let key, let name):
            return ("\(key): ảnh HEIC \(q(name)) không đọc được trên máy này; trên iPhone hãy chọn Cài đặt > Camera > Định dạng > Tương thích nhất, hoặc gửi ảnh qua Zalo/email dạng JPEG, rồi dùng tệp .jpg",
                    "\(key): the HEIC photo \(q(name)) cannot be read here; on an iPhone choose Settings > Camera > Formats > Most Compatible, or share the photo as a JPEG, then use the .jpg file")
        case .imageNotAPhoto(let key, let name, let format):
            return ("\(key): tệp \(q(name)) là ảnh \(format), không phải JPEG, PNG hay WebP; hãy mở và lưu lại dạng JPEG",
                    "\(key): file \(q(name)) is a \(format) image, not JPEG, PNG or WebP; open it and save it again as a JPEG")
        case .imageTooSmall(let key, let name, let width, let minimum):
            return ("\(key): ảnh \(q(name)) chỉ rộng \(width) điểm ảnh, sẽ bị mờ trên trang; nên dùng ảnh rộng ít nhất \(minimum) điểm ảnh",
                    "\(key): photo \(q(name)) is only \(width) pixels wide and will look blurred; use one at least \(minimum) pixels wide")
        case .emptyBody:
            return ("chưa có phần mô tả; hãy viết vài dòng giới thiệu bên dưới dòng --- thứ hai để người mua hiểu rõ hơn",
                    "there is no description; write a few lines below the second --- line so buyers know more")
        case .bodyTooLarge(let bytes, let limit):
            return ("phần mô tả quá dài (\(kib(bytes))); giới hạn là \(kib(limit)) (khoảng 10.000 chữ), hãy rút gọn hoặc chia thành nhiều sản phẩm",
                    "the description is too long (\(kib(bytes))); the limit is \(kib(limit)) (about 10,000 words), shorten it or split it into several products")
        case .imageInBody(let url):
            let shown = url.count > 80 ? String(url.prefix(79)) + "…" : url
            return ("ảnh \(q(shown)) trong phần mô tả sẽ không được hiển thị; hãy chép tệp ảnh vào thư mục của mục này và ghi tên tệp ở trường images (hoặc logo)",
                    "the picture \(q(shown)) in the description is not shown; copy the photo into this entry's folder and name the file under images (or logo)")
        }
    }
}

private func q(_ s: String) -> String { "\"" + s + "\"" }

private func kib(_ bytes: Int) -> String {
    bytes >= 1_048_576 ? "\((bytes + 524_288) / 1_048_576) MB" : "\((bytes + 1023) / 1024) KB"
}
