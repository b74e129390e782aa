/// Dates written the Vietnamese way, hand-formatted because no CLDR pattern matches the
/// administrative style (Foundation vi_VN `.long` gives "ngày 1 tháng 7, 2025").
///
/// Callers pass calendar fields already in Asia/Ho_Chi_Minh time; nothing here reads the
/// machine's time zone or locale.
public enum VietnameseDate {
    /// "01/07/2025": dd/MM/yyyy, as in "Cập nhật: 01/07/2025".
    public static func compact(year: Int, month: Int, day: Int) -> String {
        "\(pad2(day))/\(pad2(month))/\(pad4(year))"
    }

    /// "ngày 01 tháng 7 năm 2025". Nghị định 30/2020/NĐ-CP (Phụ lục I) pads days below 10
    /// and only months 1 and 2 ("tháng 02"), so that "tháng 1" cannot be altered into
    /// "tháng 11" on a printed document.
    public static func long(year: Int, month: Int, day: Int) -> String {
        let m = month <= 2 ? pad2(month) : String(month)
        return "ngày \(pad2(day)) tháng \(m) năm \(year)"
    }

    /// Whether the fields name a real day of the proleptic Gregorian calendar (years 1–9999).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func pad2(_ n: Int) -> String {
        (0...9).contains(n) ? "0\(n)" : String(n)
    }

    private static func pad4(_ n: Int) -> String {
        guard (0...999).contains(n) else { return String(n) }
        let s = String(n)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}
