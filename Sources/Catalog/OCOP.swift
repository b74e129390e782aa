/// OCOP (Mỗi xã một sản phẩm) recognition: 3 to 5 stars, valid for 36 months.
public enum OCOP {
    public static let stars = 3...5

    /// The last year a recognition of `year` can still be valid. Only the year is known, so a
    /// recognition is taken as valid through the end of the third year after it (the same
    /// reading as the benchmark sites), never hiding a badge too early.
    public static func lastValidYear(recognisedIn year: Int) -> Int {
        let (last, overflow) = year.addingReportingOverflow(3)
        return overflow ? .max : last
    }

    public static func isExpired(recognisedIn year: Int, today: CivilDate) -> Bool {
        today.year > lastValidYear(recognisedIn: year)
    }
}

extension Product {
    /// The OCOP stars to show as a badge today, or nil when there are none or they expired.
    public func ocopBadge(today: CivilDate) -> Int? {
        guard let stars = ocop?.value, OCOP.stars.contains(stars) else { return nil }
        if let year = ocopYear?.value, OCOP.isExpired(recognisedIn: year, today: today) { return nil }
        return stars
    }
}
