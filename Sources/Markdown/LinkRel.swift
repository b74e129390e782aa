#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Marks outbound links in rendered seller HTML as user-generated.
///
/// A byte scan rather than `replacingOccurrences`, which on Linux Foundation took ~180 µs per
/// 2 KB body, more than parsing and rendering together.
enum LinkRel {
    static let needle = Array("<a href=\"".utf8)
    static let insert = Array(" rel=\"nofollow noopener ugc\"".utf8)
    /// Links that leave nobody's ranking behind: they open the mail or phone app.
    static let local = [Array("mailto:".utf8), Array("tel:".utf8)]

    /// Inserts rel="nofollow noopener ugc" after every `<a` whose href is not mailto: or tel:,
    /// whatever the case of its scheme (`HTTPS://`, `Http://`). cmark escapes "<" in text as
    /// "&lt;", so the needle can only be a real link tag.
    static func addNofollow(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = html.baseAddress else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 256)
        let n = html.count, m = needle.count
        var i = 0
        // From one "<" to the next with memchr, the bytes between copied at once: a tenth of
        // the time of a loop over every byte of the body.
        while i < n, let found = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: html[i..<at]))
            i = at
            if i + m <= n, matches(needle, html, at: i) {
                out.append(contentsOf: needle[0..<2])  // "<a"
                if !local.contains(where: { matches($0, html, at: i + m, ignoringCase: true) }) {
                    out.append(contentsOf: insert)
                }
                out.append(contentsOf: needle[2...])   // " href=\""
                i += m
            } else {
                out.append(UInt8(ascii: "<"))
                i += 1
            }
        }
        if i < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: html[i..<n])) }
        return out
    }

    private static func matches(_ word: [UInt8], _ html: UnsafeBufferPointer<UInt8>, at i: Int, ignoringCase: Bool = false) -> Bool {
        guard i + word.count <= html.count else { return false }
        for k in 0..<word.count {
            var c = html[i + k]
            if ignoringCase && (0x41...0x5A).contains(c) { c |= 0x20 }
            if c != word[k] { return false }
        }
        return true
    }
}
