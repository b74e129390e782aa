import ArgumentParser
import Catalog
import Diagnostics
import History
import Validation

extension CatalogCheck {
    /// `check --changed REV`: the entries changed since REV (committed or not), with every rule
    /// between entries still applied to the whole tree. Exit 2 when git cannot answer.
    static func changed(since revision: String, content: String, say: Say) throws -> (outcome: Outcome, entries: Int) {
        let loaderForPaths = CatalogLoader(root: content, loadBodies: false)
        let changes: Changes
        do {
            changes = try Changes.since(revision, in: loaderForPaths.root)
        } catch Git.Failure.notInstalled {
            Output.write("chonoi: " + say(vi: "--changed cần lệnh git, máy này chưa có", en: "--changed needs the git command, which is not installed") + "\n",
                         to: .standardError)
            throw ExitCode(2)
        } catch Git.Failure.failed(let message) where message.lowercased().contains("not a git repository") {
            Output.write("chonoi: " + say(vi: "--changed: \(content) không nằm trong một kho git", en: "--changed: \(content) is not inside a git repository") + "\n",
                         to: .standardError)
            throw ExitCode(2)
        } catch Git.Failure.failed(let message) {
            Output.write("chonoi: " + say(
                vi: "--changed \(revision): git không trả lời được (\(message)). Cần chạy trong một kho git có phiên bản này; trong CI hãy lấy đủ lịch sử (fetch-depth: 0).",
                en: "--changed \(revision): git could not answer (\(message)). Run it inside a git repository that has this revision; in CI, fetch the history (fetch-depth: 0).") + "\n",
                         to: .standardError)
            throw ExitCode(2)
        }
        let scope = ChangeScope(changes)
        guard case .entries(let folders, _, _) = scope else {
            let outcome = run(content: content, loadBodies: false)
            return (outcome, outcome.catalog.entryCount)
        }
        let loader = CatalogLoader(root: content, loadBodies: false, onlyBusinesses: folders)
        let loaded = loader.load()
        let found = Validator(catalog: loaded.catalog, today: CivilDate.today()).run()
        // Problems carry the path shown to the user (`content/…`); git's paths are relative to
        // the content folder.
        let shownPrefix = String(loader.shown("x").dropLast())
        func relative(_ shown: String) -> String { shown.hasPrefix(shownPrefix) ? String(shown.dropFirst(shownPrefix.count)) : shown }
        let kept = (loaded.diagnostics + found).filter { scope.reports(relative($0.location.file)) }
        var entries = 0
        for business in loaded.catalog.businesses where business.wasRead {
            if scope.reports(relative(business.file.displayPath)) { entries += 1 }
            entries += business.products.filter { scope.reports(relative($0.file.displayPath)) }.count
        }
        return (Outcome(catalog: loaded.catalog, diagnostics: kept.sortedForDisplay()), entries)
    }
}
