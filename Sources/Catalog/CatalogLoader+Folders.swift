import Diagnostics

/// Loading one business folder at a time, for `chonoi serve`: after a save, only the folder
/// that changed is read again, with exactly the rules and diagnostics of a full `load()`.
extension CatalogLoader {
    /// The business folders under `businesses/`, in the order `load()` reads them, and what
    /// listing them reported (stray files, symbolic links that leave the content tree).
    public func listBusinessFolders() -> (names: [String], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let folders = businessFolders(sink: sink)
        return (folders.map(\.name), sink.diagnostics)
    }

    /// Reads `businesses/<name>/` (its index.md, products and files) as `load()` would.
    /// `name` is the folder's name on disk, as `listBusinessFolders()` gives it.
    public func loadBusinessFolder(named name: String) -> (business: Business, diagnostics: [Diagnostic]) {
        loadBusiness(Folder(name: name, path: root + "/businesses/" + name))
    }
}

extension CatalogLoader {
    /// How diagnostics name `businesses/<name>` (relative to the working directory), so a
    /// caller can tell which folder a diagnostic of a full `load()` belongs to.
    public func businessFolderDisplayPath(_ name: String) -> String {
        shown("businesses/" + name)
    }
}
