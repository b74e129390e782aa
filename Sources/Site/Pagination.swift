/// How a sector's entries (its businesses, then its products) fall into numbered pages, and
/// which page numbers a pager shows. One place for the arithmetic that the sector pages, the
/// sitemap and `chonoi serve`'s comparison of sector pages all depend on.
struct Pagination: Equatable {
    let businessCount: Int
    let productCount: Int
    let perPage: Int

    init(businessCount: Int, productCount: Int, perPage: Int) {
        self.businessCount = businessCount
        self.productCount = productCount
        self.perPage = max(1, perPage)
    }

    var entryCount: Int { businessCount + productCount }

    /// At least one page, so an empty listing still has its first page.
    var pageCount: Int { max(1, (entryCount + perPage - 1) / perPage) }

    var pages: ClosedRange<Int> { 1...pageCount }

    /// The businesses (by their index in the listing) shown on `page`, counted from 1.
    func businesses(onPage page: Int) -> Range<Int> {
        let (start, end) = bounds(page)
        return min(start, businessCount)..<min(end, businessCount)
    }

    /// The products (by their index in the listing) shown on `page`, after the businesses.
    func products(onPage page: Int) -> Range<Int> {
        let (start, end) = bounds(page)
        return max(0, start - businessCount)..<max(0, end - businessCount)
    }

    private func bounds(_ page: Int) -> (Int, Int) {
        let start = (page - 1) * perPage
        return (start, min(start + perPage, entryCount))
    }

    /// The page numbers a pager links: the first and last, and `radius` either side of the
    /// current one; nil marks a gap ("…"). Any number of pages makes a pager of at most seven
    /// items, one row on a 360 px phone.
    static func window(current: Int, total: Int, radius: Int = 1) -> [Int?] {
        var shown: [Int] = [1]
        shown += Array(max(2, current - radius)...max(2, min(total - 1, current + radius))).filter { $0 < total }
        if total > 1 { shown.append(total) }
        var result: [Int?] = []
        for n in shown {
            if let last = result.last ?? nil, n - last > 1 {
                // A gap of one page is shown as that page: "1 2 3", not "1 … 3".
                result.append(n - last == 2 ? last + 1 : nil)
            }
            result.append(n)
        }
        return result
    }
}
