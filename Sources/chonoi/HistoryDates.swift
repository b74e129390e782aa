import Catalog
import Dispatch
import Foundation
import History

/// Dates from history for `build`: entries without `updated` get the day of the last commit
/// that changed them. Without usable history, they keep `published`, and the build says so once.
/// What was read is kept in `.chonoi-cache/history-<content folder>`, so the next build reads
/// only the commits since.
///
/// The history is read before the entries (`read`), which are dated one by one as they are read
/// (`CatalogDating.apply(_:to:)` of a business), after their validation, so no rule ever sees a
/// date the seller did not write; why it could not be read is said after the entries' problems
/// (`noteIfUnavailable`), as only a catalog without errors is built.
struct HistoryDates {
    /// Nil when the history could not be read (`unavailable` says why).
    let dates: ChangeDates?
    private let unavailable: ChangeDates.Unavailable?

    /// The history of the content folder `root` (absolute).
    static func read(root: String) -> HistoryDates {
        let started = DispatchTime.now()
        do {
            // Beside the content folder, like the image cache, so CI keeps both in .chonoi-cache/.
            let parent = (root as NSString).deletingLastPathComponent
            let cache = parent + "/.chonoi-cache/history-" + (root as NSString).lastPathComponent
            let dates = try ChangeDates.read(folder: root, cache: cache)
            // For bench/git: the cost of the history pass alone.
            if ProcessInfo.processInfo.environment["CHONOI_TIMINGS"] != nil {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                Output.write("chonoi: history: \(dates.files.count) files in \(String(format: "%.3f", seconds)) s\n", to: .standardError)
            }
            return HistoryDates(dates: dates, unavailable: nil)
        } catch let reason as ChangeDates.Unavailable {
            return HistoryDates(dates: nil, unavailable: reason)
        } catch {
            // ChangeDates.read throws only Unavailable.
            return HistoryDates(dates: nil, unavailable: nil)
        }
    }

    /// Gives `business` and its products their dates from history, if it could be read.
    func apply(to business: inout Business) {
        if let dates { CatalogDating.apply(dates, to: &business) }
    }

    /// Says once why entries without `updated` use `published`, when the history was unavailable.
    func noteIfUnavailable(say: Say) {
        guard let unavailable else { return }
        let why: String
        switch unavailable {
        case .shallow:
            why = say(vi: "kho git chỉ có một phần lịch sử (shallow clone; trong CI hãy dùng fetch-depth: 0)",
                      en: "the git repository has only part of its history (a shallow clone; in CI, use fetch-depth: 0)")
        case .notARepository:
            why = say(vi: "thư mục nội dung không nằm trong kho git", en: "the content folder is not in a git repository")
        case .notInstalled:
            why = say(vi: "máy này không có lệnh git", en: "git is not installed")
        case .failed(let message):
            why = "git: " + message
        }
        Output.write("chonoi: " + say(vi: "ghi chú: \(why); mục không ghi updated dùng ngày published.",
                                      en: "note: \(why); entries without updated use their published date.") + "\n",
                     to: .standardError)
    }
}
