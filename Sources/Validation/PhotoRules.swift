import Catalog
import Diagnostics
import Foundation
import Photos

/// The contract's photo rules, decided from the file's size and its header, without decoding
/// the pixels (a decompression bomb is refused cheaply); every problem is reported at the
/// entry's line that names the photo.
enum PhotoRules {
    static let maxBytes = 20 * 1024 * 1024
    static let maxMegapixels = 50

    static func folder(of entryFile: String) -> String {
        URL(fileURLWithPath: entryFile).deletingLastPathComponent().path
    }

    static func check(_ value: Located<String>, key: String, path: String, minimumWidth: Int, file: String, into report: inout Report) {
        let name = value.value
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        if let bytes = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, bytes > maxBytes {
            report.error(.imageTooLarge(key: key, name: name, bytes: bytes, limit: maxBytes), file, at: value)
            return
        }
        let isHEIF = ext == "heic" || ext == "heif"
        guard case .success(let header) = PhotoHeader.read(path) else {
            report.error(isHEIF ? .imageHEICUnsupported(key: key, name: name) : .imageUndecodable(key: key, name: name), file, at: value)
            return
        }
        if header.megapixels > Double(maxMegapixels) {
            report.error(.imageTooManyPixels(key: key, name: name, width: header.width, height: header.height,
                                             limitMegapixels: maxMegapixels), file, at: value)
            return
        }
        let expected: (extensions: Set<String>, label: String, suggestion: String)
        switch header.format {
        case .jpeg: expected = (["jpg", "jpeg"], "JPEG", "jpg")
        case .png: expected = (["png"], "PNG", "png")
        case .webp: expected = (["webp"], "WebP", "webp")
        case .heif: expected = (["heic", "heif"], "HEIC", "heic")
        case .other:
            let format = header.loader.replacingOccurrences(of: "load", with: "").uppercased()
            report.error(.imageNotAPhoto(key: key, name: name, format: format.isEmpty ? "?" : format), file, at: value)
            return
        }
        if !expected.extensions.contains(ext) {
            report.error(.imageWrongExtension(key: key, name: name, actual: expected.label, suggestion: stem + "." + expected.suggestion),
                         file, at: value)
            return
        }
        // libheif may read a HEIC container without being able to decode its pictures.
        if header.format == .heif && !PhotoHeader.decodes(path) {
            report.error(.imageHEICUnsupported(key: key, name: name), file, at: value)
            return
        }
        if header.orientedWidth < minimumWidth {
            report.warning(.imageTooSmall(key: key, name: name, width: header.orientedWidth, minimum: minimumWidth), file, at: value)
        }
    }
}
