import Diagnostics
import Markdown

/// The Markdown description below the front matter. `chonoi check` does not render bodies,
/// so both rules are cheap: a byte count, and a parse only of bodies that contain `![`
/// (the loader keeps those even when it drops the others).
enum BodyRules {
    static func check(_ body: String, bytes: Int, line: Int, file: String, into report: inout Report) {
        if bytes > BodyLimit.maxBytes {
            // Markdown's parser slows down sharply on some long inputs; the page would be too long anyway.
            report.error(.bodyTooLarge(bytes: bytes, limit: BodyLimit.maxBytes), file, line)
            return
        }
        // Pictures come from the entry's folder (`images`, `logo`), never from inside the text.
        for image in MarkdownRenderer.images(body) {
            report.warning(.imageInBody(url: image.url), file, line + image.line - 1, image.column)
        }
    }
}
