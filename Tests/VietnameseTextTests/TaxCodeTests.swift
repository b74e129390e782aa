import XCTest
import VietnameseText

final class TaxCodeTests: XCTestCase {
    func testWorkedExamples() {
        XCTAssertEqual(TaxCode.check("0100233488"), .enterprise("0100233488"))
        XCTAssertEqual(TaxCode.check("0100233480"), .badCheckDigit(expected: 8))
        XCTAssertEqual(TaxCode.check(" 01.00.112.437 "), .enterprise("0100112437"))
    }

    func testBranches() {
        XCTAssertEqual(TaxCode.check("0314409058-002"), .branch("0314409058-002"))
        XCTAssertEqual(TaxCode.check("0314409058002"), .branch("0314409058-002"))
        XCTAssertEqual(TaxCode.check("0312 68 78 78 - 001"), .branch("0312687878-001"))
        XCTAssertEqual(TaxCode.check("0314409058-000"), .badFormat)
        XCTAssertEqual(TaxCode.check("0314409050-002"), .badCheckDigit(expected: 8))
    }

    func testCheckDigitTenIsAlwaysInvalid() {
        // Nine leading digits whose weighted sum is ≡ 0 (mod 11) call for check digit 10.
        var found = 0
        for n in 1_000_000..<1_002_000 {
            let nine = String(format: "%09d", n)
            let sum = zip([31, 29, 23, 19, 17, 13, 7, 5, 3], nine.utf8).reduce(0) { $0 + $1.0 * Int($1.1 - 48) }
            guard sum % 11 == 0 else { continue }
            found += 1
            for last in 0...9 { XCTAssertEqual(TaxCode.check(nine + String(last)), .badCheckDigit(expected: nil)) }
        }
        XCTAssertGreaterThan(found, 0)
    }

    func testPersonalIDAndFormats() {
        XCTAssertEqual(TaxCode.check("082095001234"), .personalID("082095001234"))
        for bad in ["", "123", "01002334881", "01002334", "0100233488-", "0100233488 ext", "01x0233488",
                    "0100000008", "01002334880001", "０１００２３３４８８", String(repeating: "1", count: 10_000)] {
            XCTAssertEqual(TaxCode.check(bad), .badFormat, bad.count > 40 ? "long" : bad)
        }
    }
}
