import Foundation

/// Copies the theme's assets into `assets/`, with a fingerprint in each name
/// (`style.3f9a1c2e04.css`) so browsers can cache them for a year and still see every change.
enum AssetCopier {
    /// Returns, for each asset, its link keyed by a template-friendly name: `style.css` → `style_css`.
    static func copy(_ assets: [String: String], urls: SiteURLs, into out: OutputFolder) throws -> [String: String] {
        var links: [String: String] = [:]
        for name in assets.keys.sorted() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: assets[name]!)))
            let hashed: String
            if let dot = name.lastIndex(of: "."), !name[dot...].contains("/") {
                hashed = String(name[..<dot]) + "." + ContentHash.hex(bytes) + String(name[dot...])
            } else {
                hashed = name + "." + ContentHash.hex(bytes)
            }
            try out.write("assets/" + hashed, bytes)
            let key = name.map { $0.isLetter || $0.isNumber ? $0 : "_" }
            links[String(key)] = urls.link("assets/" + hashed)
        }
        return links
    }
}
