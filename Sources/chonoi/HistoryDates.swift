import Catalog
import Dispatch
import Foundation
import History

/// Dates from history for `build`: entries without `updated` get the day of the last commit
/// that changed them. Without usable history, they keep `published`, and the build says so once.
/// What was read is kept in `.chonoi-cache/history-<content folder>`, so the next build reads
/// only the commits since.
enum HistoryDates {
    static func apply(to catalog: inout Catalog, say: Say) {
        let started = DispatchTime.now()
        do {
            // Beside the content folder, like the image cache, so CI keeps both in .chonoi-cache/.
            let parent = (catalog.root as NSString).deletingLastPathComponent
            let cache = parent + "/.chonoi-cache/history-" + (catalog.root as NSString).lastPathComponent
            let dates = try ChangeDates.read(folder: catalog.root, cache: cache)
            CatalogDating.apply(dates, to: &catalog)
            // For bench/git: the cost of the history pass alone.
            if ProcessInfo.processInfo.environment["CHONOI_TIMINGS"] != nil {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                Output.write("chonoi: history: \(dates.files.count) files in \(String(format: "%.3f", seconds)) s\n", to: .standardError)
            }
        } catch let reason as ChangeDates.Unavailable {
            let why: String
            switch reason {
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
        } catch {
            // ChangeDates.read throws only Unavailable.
        }
    }
}
