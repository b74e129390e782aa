import Foundation
import YAML

/// The theme's UI words (`strings.yml`: one `key: text` per line). Templates reach them as
/// `{{t.key}}`, and the labels computed in Swift (prices, kinds, dates) come from here too,
/// so translating a catalog means editing one file.
public struct ThemeStrings: Sendable {
    private(set) var table: [String: String] = [:]

    /// Later files override earlier ones key by key (a custom theme over the default).
    init(files: [String]) throws {
        for file in files where FileManager.default.fileExists(atPath: file) {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let document: YAMLDocument?
            do {
                document = try YAMLDocument.parse(text)
            } catch {
                throw Failure(file: file, error: error)
            }
            guard let mapping = document?.root.pairs else { continue }
            for (key, value) in mapping {
                if let k = key.scalar, let v = value.scalar { table[k] = v }
            }
        }
    }

    /// A strings.yml that is not YAML: where, and libyaml's words.
    struct Failure: Error, CustomStringConvertible {
        var file: String
        var error: YAMLError
        var description: String { error.line == nil ? "\(file): \(error)" : "\(file):\(error)" }
    }

    /// The word for `key`; a missing key shows as itself, so the gap is visible on the page.
    public subscript(_ key: String) -> String { table[key] ?? key }

    /// `template` with `{n}` replaced, e.g. "Trang {n}".
    func format(_ key: String, _ values: [String: String]) -> String {
        var s = self[key]
        for (k, v) in values { s = s.replacingEvery("{" + k + "}", with: v) }
        return s
    }

    var dictionary: [String: String] { table }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`, found by comparing UTF-8 bytes.
    /// Labels are formatted several times a page (`qr_label`, `ocop_badge`); Foundation's
    /// `replacingOccurrences` took microseconds a call, a hundredth of the build's CPU time.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        var text = self
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            while i + needle.count <= bytes.count {
                if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + replacement.utf8.count) }
                    out.append(contentsOf: bytes[copied..<i])
                    out.append(contentsOf: replacement.utf8)
                    i += needle.count
                    copied = i
                } else {
                    i += 1
                }
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? self
    }
}
