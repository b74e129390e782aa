import Foundation

/// A calendar day as sellers write it (YYYY-MM-DD), with no time and no time zone to get wrong.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (2026-3-5, 15/03/2026) is nil so the seller is told.
    public init?(iso text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                n = n * 10 + Int(u[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in Vietnam, or the day of `SOURCE_DATE_EPOCH` when it is set, so that a rebuild of
    /// the same commit on another day gives the same pages (the reproducible-builds convention).
    ///
    /// The convention's value is a whole number of seconds since 1970; anything else (`inf`,
    /// `nan`, `1e300`, a negative number, words, a day after 9999) is ignored and the clock is
    /// used, as if the variable were not set.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> CivilDate {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(sourceDateEpoch) ?? Int(Date().timeIntervalSince1970)
        return CivilDate(vietnamDayOf: seconds)
    }

    /// The day it was in Vietnam `seconds` after 1970-01-01 00:00 UTC (Vietnam has no daylight
    /// saving time: UTC+7 all year). Moments before 1970 count back to the day they fell on.
    public init(vietnamDayOf seconds: Int) {
        // Far beyond years 1–9999 either way (the day count is clamped to those), so no overflow.
        let s = min(max(seconds, -100_000_000_000_000), 100_000_000_000_000) + 7 * 3600
        self.init(daysSinceEpoch: s >= 0 ? s / 86_400 : (s - 86_399) / 86_400)
    }

    /// The last second of 9999-12-31 in Vietnam: later days have no `CivilDate`.
    static let latestEpochSecond = 253_402_300_799 - 7 * 3600

    /// `SOURCE_DATE_EPOCH` as seconds, or nil when it is not a whole number from 0 to 9999-12-31.
    public static func sourceDateEpoch(_ text: String) -> Int? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.utf8.count <= 12, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let seconds = Int(digits), seconds <= latestEpochSecond else { return nil }
        return seconds
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for date arithmetic without Calendar.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days outside 0001-01-01 ... 9999-12-31 are clamped to them, so no count can overflow.
    public init(daysSinceEpoch days: Int) {
        let z0 = min(max(days, -719_162), 2_932_896)
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
