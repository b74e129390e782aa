/// Mã số thuế (MST) checks (domain notes §3.2, after python-stdnum `vn/mst.py`).
///
/// A business's MST is 10 digits ending in a check digit; a branch adds "-" and a 3-digit
/// branch number; since 1 Jul 2025 a household business uses the owner's 12-digit personal
/// ID, which has no public checksum and is personal data the site must not publish.
public enum TaxCode {
    public enum Result: Sendable, Hashable {
        /// 10 digits with a valid check digit.
        case enterprise(String)
        /// Normalised "NNNNNNNNNN-NNN": a valid enterprise code plus branch 001–999.
        case branch(String)
        /// 12 digits: a personal identification number used as a tax code. Do not render it.
        case personalID(String)
        /// The right shape but the 10th digit is wrong. `expected` is the digit that would be
        /// valid, or nil when the first nine digits admit no check digit at all (Σ mod 11 = 0).
        case badCheckDigit(expected: Int?)
        /// Not 10, 12 or 13 digits, a non-digit character, a sequence "0000000" or branch "000".
        case badFormat
    }

    static let weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]

    /// Accepts surrounding whitespace and the separators people type between digits (spaces,
    /// dots, hyphens: "0312 68 78 78 - 001"). A dangling separator ("0312687878-") suggests a
    /// cut-off branch number, so it is refused.
    public static func check(_ raw: String) -> Result {
        let scalars = raw.unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }),
              isDigit(scalars[first]), isDigit(scalars[last]) else { return .badFormat }
        var digits: [Int] = []
        for scalar in scalars[first...last] {
            switch scalar.value {
            case 0x30...0x39:
                digits.append(Int(scalar.value - 0x30))
                if digits.count > 13 { return .badFormat }
            case 0x20, 0x09, 0xA0, 0x2E, 0x2D, 0x2010...0x2013:
                continue
            default:
                return .badFormat
            }
        }
        let text = digits.map(String.init).joined()
        switch digits.count {
        case 12:
            return .personalID(text)
        case 10, 13:
            if digits[2..<9].allSatisfy({ $0 == 0 }) { return .badFormat }
            if digits.count == 13 && digits[10...].allSatisfy({ $0 == 0 }) { return .badFormat }
            let expected = checkDigit(digits[0..<9])
            guard expected == digits[9] else { return .badCheckDigit(expected: expected) }
            if digits.count == 10 { return .enterprise(text) }
            return .branch(String(text.prefix(10)) + "-" + String(text.suffix(3)))
        default:
            return .badFormat
        }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value)
    }

    /// 10 − (Σ wᵢdᵢ mod 11); nil when that is 10, which no digit can match.
    static func checkDigit(_ nine: ArraySlice<Int>) -> Int? {
        let sum = zip(weights, nine).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 10 - sum % 11
        return check == 10 ? nil : check
    }
}
