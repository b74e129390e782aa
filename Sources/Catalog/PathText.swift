/// Path arithmetic on strings, for showing paths the way the user typed them.
public enum PathText {
    /// Removes `.`, empty components and `..` (lexically) from an absolute path.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` made absolute against `cwd` when it is relative, then normalised.
    public static func absolute(_ path: String, from cwd: String) -> String {
        normalize(path.hasPrefix("/") ? path : cwd + "/" + path)
    }

    /// `path` relative to `base` when it lies inside it (`content/...`), else `path` itself.
    public static func relative(_ path: String, to base: String) -> String {
        if path == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        return path
    }
}
