@testable import Catalog
import XCTest

final class BodyScanTests: XCTestCase {
    func testFindsTheImageMarkerWhereverItIs() {
        XCTAssertTrue(BodyScan.mayHaveImage("![a](b.jpg)"))
        XCTAssertTrue(BodyScan.mayHaveImage("Xin chào ![ảnh](a.jpg) cuối"))
        XCTAssertTrue(BodyScan.mayHaveImage("Ồ!!![x]"), "after a run of '!'")
        XCTAssertTrue(BodyScan.mayHaveImage("Bánh tét ₫!["), "at the very end, after multi-byte characters")
        XCTAssertTrue(BodyScan.mayHaveImage("Trài!\u{0301}![x]"), "after a combining mark")
    }

    func testNoMarkerNoMatch() {
        XCTAssertFalse(BodyScan.mayHaveImage(""))
        XCTAssertFalse(BodyScan.mayHaveImage("!"))
        XCTAssertFalse(BodyScan.mayHaveImage("["))
        XCTAssertFalse(BodyScan.mayHaveImage("Ngon quá! [xem thêm](a)"))
        XCTAssertFalse(BodyScan.mayHaveImage("[!]  ! [ ]! "))
        XCTAssertFalse(BodyScan.mayHaveImage("Giá tốt!"), "a '!' as the last byte is not read past")
    }

    func testLooksOnlyAtItsOwnSlice() {
        let text = "---\nname: A ![x]\n---\nBody!"
        let body = text[text.index(text.startIndex, offsetBy: 21)...]
        XCTAssertEqual(body, "Body!")
        XCTAssertFalse(BodyScan.mayHaveImage(body))
        XCTAssertFalse(BodyScan.mayHaveImage("Body![x]".prefix(5)), "stops at the end of the slice")
    }
}
