import ArgumentParser
import Catalog
import Diagnostics
import Validation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra mọi mục trong danh mục. Check every entry and report each problem as file:line:col.",
        discussion: """
        Reads site.yml, sectors.yml and every business and product, and prints every problem, \
        sorted by file and line, with what to change. Nothing is written.

        With --changed REV, only the entries changed since the git revision REV (committed or not) \
        are read and reported; rules between entries still see the whole tree, and a change to \
        site.yml or sectors.yml checks everything.

        Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors, \
        or warnings with --strict; 2 when --changed cannot ask git (not a repository, unknown REV).
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "text (for people and editors), json (for tools) or github (pull-request annotations).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors (exit 1 when there are any).")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Only the entries changed since this git revision, e.g. origin/main or the merge base.", valueName: "rev"))
    var changed: String?

    /// The catalog, kept until the process exits instead of freed entry by entry when `run()`
    /// returns: that took ~50 ms on one core at 10,000 businesses, just before exiting anyway.
    nonisolated(unsafe) private static var keptUntilExit: CatalogCheck.Outcome?

    func run() throws {
        let outcome: CatalogCheck.Outcome, entries: Int
        if let changed {
            (outcome, entries) = try CatalogCheck.changed(since: changed, content: common.content, say: Say(language: common.language(for: nil)))
        } else {
            outcome = CatalogCheck.run(content: common.content, loadBodies: false)
            entries = outcome.catalog.entryCount
        }
        Self.keptUntilExit = outcome
        let language = common.language(for: outcome.catalog.site)
        common.noteIgnoredSourceDateEpoch(language)
        Output.write(format.render(outcome.diagnostics, language: language))
        let errors = outcome.diagnostics.errorCount, warnings = outcome.diagnostics.warningCount
        if format == .text {
            Output.write(Summary.line(errors: errors, warnings: warnings, entries: entries, language: language) + "\n",
                         to: .standardError)
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

/// Load and validate: the first half of every command that reads the catalog.
enum CatalogCheck {
    struct Outcome {
        var catalog: Catalog
        var diagnostics: [Diagnostic]
    }

    static func run(content: String, loadBodies: Bool) -> Outcome {
        let loaded = CatalogLoader(root: content, loadBodies: loadBodies).load()
        let found = Validator(catalog: loaded.catalog, today: CivilDate.today()).run()
        return Outcome(catalog: loaded.catalog, diagnostics: (loaded.diagnostics + found).sortedForDisplay())
    }
}
