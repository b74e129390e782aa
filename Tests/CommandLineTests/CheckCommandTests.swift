import Foundation
import XCTest

/// `chonoi check` on a valid tree and on one tree per kind of bad input: the exit status,
/// the exact file, line and column, a message in both languages, and nothing written.
final class CheckCommandTests: XCTestCase {
    let business = "businesses/banh-phong-sa-giang/index.md"
    let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"

    func testValidTreePassesWithoutOutput() throws {
        let w = try Workspace()
        let before = try w.snapshot()
        let r = try w.check(["--strict"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("Đã kiểm tra 5 mục: không có lỗi."), r.stderr)
        XCTAssertEqual(try w.snapshot(), before)
    }

    /// Asserts one error line, exit 1, in Vietnamese and English, and an untouched tree.
    private func assertError(_ w: Workspace, _ location: String, vi: String, en: String,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try w.snapshot()
        let r = try w.check()
        XCTAssertEqual(r.status, 1, "exit status", file: file, line: line)
        XCTAssertTrue(r.stdout.contains("content/\(location): error: \(vi)"), "got:\n\(r.stdout)", file: file, line: line)
        let e = try w.check(["--lang", "en"])
        XCTAssertEqual(e.status, 1, file: file, line: line)
        XCTAssertTrue(e.stdout.contains("content/\(location): error: \(en)"), "got:\n\(e.stdout)", file: file, line: line)
        XCTAssertEqual(try w.snapshot(), before, "check must not write", file: file, line: line)
    }

    private func assertWarning(_ w: Workspace, _ location: String, vi: String, en: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try w.check()
        XCTAssertEqual(r.status, 0, "warnings alone pass: \(r.stdout)", file: file, line: line)
        XCTAssertTrue(r.stdout.contains("content/\(location): warning: \(vi)"), "got:\n\(r.stdout)", file: file, line: line)
        let e = try w.check(["--lang", "en", "--strict"])
        XCTAssertEqual(e.status, 1, "--strict fails on warnings", file: file, line: line)
        XCTAssertTrue(e.stdout.contains("content/\(location): warning: \(en)"), "got:\n\(e.stdout)", file: file, line: line)
    }

    func testMissingRequiredField() throws {
        let w = try Workspace()
        try w.edit(business, replacing: "representative: Nguyễn Văn An\n", with: "")
        try assertError(w, "\(business):1:1", vi: "thiếu trường bắt buộc \"representative\"", en: "missing required field \"representative\"")
    }

    func testMissingNestedField() throws {
        let w = try Workspace()
        try w.edit(business, replacing: "  ward: Xã Long Định\n", with: "")
        try assertError(w, "\(business):8:3", vi: "thiếu trường bắt buộc \"address.ward\"", en: "missing required field \"address.ward\"")
    }

    func testUnknownSectorSuggestsTheNearestOne() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "sector: Thực phẩm chế biến", with: "sector: thuc pham")
        try assertError(w, "\(product):3:9",
                        vi: "lĩnh vực \"thuc pham\" không có trong danh sách cho phép; có phải ý bạn là \"thuc-pham-che-bien\" (Thực phẩm chế biến)?",
                        en: "sector \"thuc pham\" is not an allowed sector; did you mean \"thuc-pham-che-bien\" (Thực phẩm chế biến)?")
    }

    func testUnknownKeyIsAWarningWithASuggestion() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "unit: hộp 500 g", with: "unit: hộp 500 g\npirce: 1")
        try assertWarning(w, "\(product):6:1", vi: "trường \"pirce\" không có trong mẫu và sẽ bị bỏ qua; có phải ý bạn là \"price\"?",
                          en: "unknown field \"pirce\" is ignored; did you mean \"price\"?")
    }

    func testPriceWrittenLikeAShopSignGetsTheNumberToWrite() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "price: 85000", with: "price: \"85k\"")
        try assertError(w, "\(product):4:8", vi: "giá \"85k\" phải là số đồng nguyên, không có dấu chấm, chữ hay ký hiệu; hãy ghi 85000",
                        en: "price \"85k\" must be whole đồng with no dots, letters or symbols; write 85000")
        try w.edit(product, replacing: "price: \"85k\"", with: "price: 85.000")
        try assertError(w, "\(product):4:8", vi: "giá \"85.000\" phải là số đồng nguyên", en: "price \"85.000\" must be whole đồng")
    }

    func testListWhereTextIsExpected() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "name: Bánh phồng tôm đặc biệt", with: "name: [Bánh, phồng]")
        try assertError(w, "\(product):2:7", vi: "trường \"name\" cần một đoạn chữ", en: "field \"name\" needs a piece of text")
    }

    func testMalformedYAML() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "delivery: Toàn quốc", with: "delivery: Giao: toàn quốc")
        try assertError(w, "\(product):10:15", vi: "lỗi cú pháp YAML", en: "YAML syntax error")
    }

    func testTabIndentationIsASyntaxError() throws {
        let w = try Workspace()
        try w.edit(business, replacing: "  ward: Xã Long Định", with: "\tward: Xã Long Định")
        let r = try w.check()
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("content/\(business):9:"), r.stdout)
    }

    func testUnterminatedAndMissingFrontMatter() throws {
        let w = try Workspace()
        let text = try w.read(product)
        try w.write(product, String(text.dropLast(text.count - text.range(of: "---\nBánh")!.lowerBound.utf16Offset(in: text))))
        try assertError(w, "\(product):1:1", vi: "phần thông tin mở bằng --- nhưng không có dòng --- đóng lại",
                        en: "the front matter opened with --- is never closed")
        try w.write(product, "Bánh phồng tôm\n")
        try assertError(w, "\(product):1:1", vi: "tệp phải bắt đầu bằng dòng ---", en: "the file must start with a --- line")
    }

    func testInvalidUTF8PointsAtTheByte() throws {
        let w = try Workspace()
        var bytes = Array(try w.read(product).utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "B"))! // "Bánh" on line 2, column 7
        bytes[at] = 0xFF
        try w.writeBytes(product, bytes)
        try assertError(w, "\(product):2:7", vi: "tệp không phải văn bản UTF-8", en: "the file is not UTF-8 text")
    }

    func testDuplicateKeyPointsAtTheSecond() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "unit: hộp 500 g", with: "unit: hộp 500 g\nprice: 90000")
        try assertError(w, "\(product):6:1", vi: "trường \"price\" được ghi hai lần (lần đầu ở dòng 4)",
                        en: "the field \"price\" is written twice (first on line 4)")
    }

    func testNamedFilesMustExistInsideTheEntryFolder() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "images: [banh-phong-tom.png]", with: "images: [banh-phong-tom.png, khong-co.jpg, ../logo.png]")
        try assertError(w, "\(product):6:30", vi: "images: không tìm thấy tệp \"khong-co.jpg\" trong thư mục content/businesses/banh-phong-sa-giang/products",
                        en: "images: file \"khong-co.jpg\" is not in content/businesses/banh-phong-sa-giang/products")
        try assertError(w, "\(product):6:44", vi: "images: tệp \"../logo.png\" phải nằm ngay trong thư mục của mục này",
                        en: "images: file \"../logo.png\" must be inside this entry's own folder")
    }

    func testSymbolicLinkLeavingTheTree() throws {
        let w = try Workspace()
        let outside = w.root.appendingPathComponent("secret.png")
        try Data([1, 2, 3]).write(to: outside)
        try FileManager.default.createSymbolicLink(at: w.url("businesses/banh-phong-sa-giang/products/leak.png"), withDestinationURL: outside)
        try assertError(w, "businesses/banh-phong-sa-giang/products/leak.png:1:1",
                        vi: "liên kết tượng trưng trỏ ra ngoài thư mục nội dung", en: "symbolic link points outside the content folder")
    }

    func testOversizedEntry() throws {
        let w = try Workspace()
        try w.write(product, try w.read(product) + String(repeating: "Bánh phồng tôm. ", count: 40_000))
        try assertError(w, "\(product):1:1", vi: "tệp quá lớn", en: "the file is too large")
    }

    func testProductMayNotTakeThePrintableSheetsAddress() throws {
        let w = try Workspace()
        try FileManager.default.moveItem(at: w.url(product), to: w.url("businesses/banh-phong-sa-giang/products/in.md"))
        try assertError(w, "businesses/banh-phong-sa-giang/products/in.md:1:1",
                        vi: "tên \"in\" đã dành cho tờ giới thiệu để in của cơ sở; hãy đổi tên tệp, ví dụ thành \"san-pham-in\"",
                        en: "the name \"in\" is the address of the business's printable sheet; rename the file, e.g. to \"san-pham-in\"")
    }

    func testFolderNameThatIsNotASlugGetsTheRightOne() throws {
        let w = try Workspace()
        try FileManager.default.moveItem(at: w.url("businesses/htx-vu-sua-vinh-kim"), to: w.url("businesses/Vú Sữa Đồng Tháp"))
        try assertError(w, "businesses/Vú Sữa Đồng Tháp:1:1",
                        vi: "tên \"Vú Sữa Đồng Tháp\" chỉ được dùng chữ thường không dấu, chữ số và dấu gạch ngang; hãy đổi thành \"vu-sua-dong-thap\"",
                        en: "the name \"Vú Sữa Đồng Tháp\" may only use lowercase ASCII letters, digits and hyphens; rename it to \"vu-sua-dong-thap\"")
    }

    func testPhoneTaxCodeAndKindRules() throws {
        let w = try Workspace()
        try w.edit(business, replacing: "phone: \"0273 3 812 345\"", with: "phone: \"0273 812 345\"")
        try w.edit(business, replacing: "kind: ho-kinh-doanh", with: "kind: cong-ty-tnhh")
        try assertError(w, "\(business):6:8", vi: "phone \"0273 812 345\" không phải số điện thoại Việt Nam",
                        en: "phone \"0273 812 345\" is not a Vietnamese phone number")
        try assertError(w, "\(business):13:11", vi: "số định danh cá nhân 12 chữ số chỉ dùng làm mã số thuế cho cá nhân và hộ kinh doanh",
                        en: "a 12-digit personal ID is a tax code only for individuals and household businesses")
        try w.edit(business, replacing: "tax_code: 082912000123", with: "tax_code: \"0100233480\"")
        try assertError(w, "\(business):13:11", vi: "mã số thuế \"0100233480\" có chữ số kiểm tra sai", en: "tax code \"0100233480\" has a wrong check digit")
        try w.edit(business, replacing: "kind: cong-ty-tnhh", with: "kind: HTX")
        try assertError(w, "\(business):4:7", vi: "loại hình \"HTX\" không hợp lệ; có phải ý bạn là \"hop-tac-xa\"?",
                        en: "kind \"HTX\" is not valid; did you mean \"hop-tac-xa\"?")
    }

    func testOCOPDatesAndSeason() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "ocop: 4", with: "ocop: 2")
        try w.edit(product, replacing: "published: 2026-03-15", with: "published: 2026-02-30")
        try w.edit("businesses/htx-vu-sua-vinh-kim/products/vu-sua-lo-ren.md", replacing: "season: [1, 2, 3]", with: "season: [1, 2, 13]")
        try assertError(w, "\(product):7:7", vi: "OCOP 2 sao không hợp lệ", en: "OCOP 2 stars is not valid")
        try assertError(w, "\(product):11:12", vi: "published \"2026-02-30\" không phải ngày hợp lệ", en: "published \"2026-02-30\" is not a valid date")
        try assertError(w, "businesses/htx-vu-sua-vinh-kim/products/vu-sua-lo-ren.md:6:16", vi: "tháng 13 không hợp lệ", en: "month 13 is not valid")
    }

    func testExpiredOCOPAndOldAddressAreWarnings() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "ocop_year: 2025", with: "ocop_year: 2022")
        try assertWarning(w, "\(product):8:12", vi: "chứng nhận OCOP năm 2022 đã hết hạn", en: "the OCOP certificate of 2022 expired")
        try w.edit(business, replacing: "province: Đồng Tháp", with: "province: Tiền Giang")
        try assertWarning(w, "\(business):10:13", vi: "địa chỉ còn dùng \"tiền giang\"", en: "the address still uses \"tiền giang\"")
    }

    func testLeadingZerosAreKeptAsWritten() throws {
        let w = try Workspace()
        // Unquoted, YAML 1.1 would read 0100233488 as octal or a float; the zero must survive.
        try w.edit("businesses/htx-vu-sua-vinh-kim/index.md", replacing: "tax_code: \"0100233488\"", with: "tax_code: 0100233488")
        try w.edit("businesses/htx-vu-sua-vinh-kim/index.md", replacing: "phone: \"+84 900 000 101\"", with: "phone: 0900000101")
        let r = try w.check(["--strict"])
        XCTAssertEqual(r.status, 0, r.stdout)
    }

    func testByteOrderMarkAndCRLFAreAccepted() throws {
        let w = try Workspace()
        let text = try w.read(product).replacingOccurrences(of: "\n", with: "\r\n")
        try w.writeBytes(product, [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let r = try w.check(["--strict"])
        XCTAssertEqual(r.status, 0, r.stdout)
    }

    func testEveryProblemIsReportedSortedByFileAndLine() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "ocop: 4", with: "ocop: 9")
        try w.edit(product, replacing: "sector: Thực phẩm chế biến", with: "sector: rau")
        try w.edit(business, replacing: "phone: \"0273 3 812 345\"", with: "phone: \"123\"")
        let r = try w.check()
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix("content/\(business):6:8: error:"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("content/\(product):3:9: error:"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("content/\(product):7:7: error:"), lines[2])
        XCTAssertTrue(r.stderr.contains("3 lỗi, 0 cảnh báo"), r.stderr)
    }

    func testJSONAndGitHubFormats() throws {
        let w = try Workspace()
        try w.edit(product, replacing: "sector: Thực phẩm chế biến", with: "sector: \"a,b: c\"")
        let json = try w.check(["--format", "json", "--lang", "en"])
        XCTAssertEqual(json.status, 1)
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0]["file"] as? String, "content/\(product)")
        XCTAssertEqual(items[0]["line"] as? Int, 3)
        XCTAssertEqual(items[0]["column"] as? Int, 9)
        XCTAssertEqual(items[0]["severity"] as? String, "error")
        XCTAssertEqual(items[0]["code"] as? String, "unknown-sector")
        XCTAssertEqual(json.stderr, "", "json output stays machine-readable")

        let github = try w.check(["--format", "github"])
        XCTAssertEqual(github.status, 1)
        XCTAssertTrue(github.stdout.hasPrefix("::error file=content/\(product),line=3,col=9,title=unknown-sector::lĩnh vực \"a,b: c\""), github.stdout)
    }

    func testContentOptionAndMissingFolder() throws {
        let w = try Workspace()
        let r = try Chonoi.run(["check", "--content", "nowhere"], in: w.root)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("nowhere/site.yml:1:1: error:"), r.stdout)
        let ok = try Chonoi.run(["check", "--content", w.content.path], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(ok.status, 0, ok.stdout)
    }

    func testBadLanguageOptionIsAUsageError() throws {
        let w = try Workspace()
        let r = try w.check(["--lang", "fr"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--lang must be vi or en"), r.stderr)
    }
}
