import Catalog
import Diagnostics
import VietnameseText

/// Resolves a `sector:` value (an id or the exact display name) and, when it fails,
/// finds the sector the seller most likely meant.
struct SectorResolver {
    let sectors: [Sector]
    private let ids: Set<String>
    private let names: Set<String>

    init(sectors: [Sector]) {
        self.sectors = sectors
        self.ids = Set(sectors.map(\.id.value))
        self.names = Set(sectors.map(\.name.value))
    }

    func isAllowed(_ value: String) -> Bool { ids.contains(value) || names.contains(value) }

    func suggestion(for value: String) -> Sector? {
        let folded = Folding.fold(value)
        let slug = Slug.make(from: value)
        // The right words without the exact spelling: "thuc pham che bien", "Trái Cây".
        if let exact = sectors.first(where: { Folding.fold($0.name.value) == folded || $0.id.value == slug }) {
            return exact
        }
        // A typo in the id or the name.
        let candidates = sectors.flatMap { [$0.id.value, Folding.fold($0.name.value)] }
        if let near = DidYouMean.best(for: slug, among: candidates) ?? DidYouMean.best(for: folded, among: candidates) {
            return sectors.first { $0.id.value == near || Folding.fold($0.name.value) == near }
        }
        // Part of the name or id: "thuc pham" for "thuc-pham-che-bien".
        guard folded.count >= 3 else { return nil }
        let partial = sectors.filter { Folding.fold($0.name.value).hasPrefix(folded) || $0.id.value.hasPrefix(slug) }
        return partial.count == 1 ? partial[0] : partial.first
    }

    func check(_ value: Located<String>?, file: String, into report: inout Report) {
        guard let value, !isAllowed(value.value) else { return }
        let guess = suggestion(for: value.value)
        report.error(.unknownSector(value: value.value, suggestionID: guess?.id.value, suggestionName: guess?.name.value), file, at: value)
    }
}
