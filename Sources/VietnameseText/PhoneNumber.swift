/// Vietnamese phone numbers as sellers type them: "0912.345.678", "(0273) 3 812 345",
/// "+84 912 345 678", "84912345678".
///
/// Rules (domain notes §3.3): mobile = 0 + [35789] + 8 digits (10 digits; the exact carrier
/// prefixes change, so they are not checked here); landline = 0 + 2 + 9 digits (11 digits,
/// area code 2x or 2xx since 2017). International form = +84 and the number without its 0.
public enum PhoneNumber {
    public enum Kind: String, Sendable, Hashable {
        case mobile, landline
    }

    public struct Parsed: Sendable, Hashable {
        public let kind: Kind
        /// Digits with the leading 0: "0912345678".
        public let national: String
        /// "+84912345678", for tel: links.
        public let e164: String
        /// Grouped for reading aloud: "0912 345 678", "0273 3 812 345", "028 3822 1234".
        public let display: String
    }

    /// nil unless `raw` is exactly one valid number, optionally with spaces, dots, hyphens,
    /// parentheses and a leading "+84" or "84". Letters, extensions and second numbers fail.
    public static func parse(_ raw: String) -> Parsed? {
        var digits: [UInt8] = []
        var plus = false
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                digits.append(UInt8(scalar.value))
                // Longer than any number we accept: stop before hostile input costs anything.
                if digits.count > 12 { return nil }
            case 0x2B:  // "+" only before any digit
                if plus || !digits.isEmpty { return nil }
                plus = true
            case 0x20, 0x09, 0xA0, 0x2E, 0x2D, 0x28, 0x29, 0x2010...0x2013:
                continue  // space, tab, no-break space, ".", "-", "(", ")", hyphens, en dash
            default:
                return nil
            }
        }
        var national: [UInt8]
        let startsWith84 = digits.count >= 2 && digits[0] == UInt8(ascii: "8") && digits[1] == UInt8(ascii: "4")
        if plus {
            guard startsWith84 else { return nil }
            national = [UInt8(ascii: "0")] + digits.dropFirst(2)
        } else if startsWith84 && (digits.count == 11 || digits.count == 12) {
            national = [UInt8(ascii: "0")] + digits.dropFirst(2)
        } else {
            national = digits
        }
        guard national.count >= 10, national[0] == UInt8(ascii: "0") else { return nil }
        let kind: Kind
        switch (national.count, national[1]) {
        case (10, UInt8(ascii: "3")), (10, UInt8(ascii: "5")), (10, UInt8(ascii: "7")),
             (10, UInt8(ascii: "8")), (10, UInt8(ascii: "9")):
            kind = .mobile
        case (11, UInt8(ascii: "2")):
            kind = .landline
        default:
            return nil
        }
        let n = String(decoding: national, as: UTF8.self)
        return Parsed(kind: kind, national: n, e164: "+84" + n.dropFirst(), display: display(national, kind))
    }

    /// "https://zalo.me/0912345678". Zalo accounts hang off mobile numbers; a landline link
    /// is well-formed but will rarely open an account.
    public static func zaloLink(_ p: Parsed) -> String {
        "https://zalo.me/" + p.national
    }

    private static func display(_ d: [UInt8], _ kind: Kind) -> String {
        func part(_ r: Range<Int>) -> String { String(decoding: d[r], as: UTF8.self) }
        switch kind {
        case .mobile:
            return "\(part(0..<4)) \(part(4..<7)) \(part(7..<10))"
        case .landline:
            // Hà Nội (024) and TP.HCM (028) have 2-digit area codes and 8-digit subscribers.
            if d[2] == UInt8(ascii: "4") || d[2] == UInt8(ascii: "8") {
                return "\(part(0..<3)) \(part(3..<7)) \(part(7..<11))"
            }
            return "\(part(0..<4)) \(part(4..<5)) \(part(5..<8)) \(part(8..<11))"
        }
    }
}
