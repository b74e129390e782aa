/// Vietnamese đồng amounts as CLDR vi_VN writes them: "85.000 ₫".
///
/// Hand-written because NumberFormatter is slow to build, depends on the machine's locale
/// data, and the format is fixed: dot thousands separator, no decimals (the đồng has no
/// subunit in use), a no-break space U+00A0 so the sign never wraps onto its own line.
public enum VND {
    /// "1.250.000 ₫" (with U+00A0 before ₫).
    public static func format(_ amount: Int) -> String {
        grouped(amount) + "\u{00A0}₫"
    }

    /// "1.250.000". Negative amounts keep their sign ("-85.000"), though prices never are.
    public static func grouped(_ amount: Int) -> String {
        // Work on the magnitude as UInt so Int.min does not overflow on negation.
        var magnitude = amount.magnitude
        var reversed: [UInt8] = []
        reversed.reserveCapacity(27)
        var count = 0
        repeat {
            if count > 0 && count % 3 == 0 { reversed.append(UInt8(ascii: ".")) }
            reversed.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
            count += 1
        } while magnitude > 0
        if amount < 0 { reversed.append(UInt8(ascii: "-")) }
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }
}
