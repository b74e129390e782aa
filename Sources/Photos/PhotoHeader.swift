import CPhotos

/// What a photo's header says, read without decoding its pixels (`chonoi check`).
public struct PhotoHeader: Sendable, Equatable {
    public enum Format: String, Sendable {
        case jpeg, png, webp, heif
        /// Decodable by libvips, but not a format sellers' photos come in (GIF, TIFF, SVG …).
        case other
    }

    /// As stored.
    public var width: Int
    public var height: Int
    /// As shown, after the EXIF orientation (a phone's portrait photo is often stored sideways).
    public var orientedWidth: Int
    public var orientedHeight: Int
    public var format: Format
    /// libvips' loader, e.g. `jpegload`.
    public var loader: String

    public var megapixels: Double { Double(width) * Double(height) / 1_000_000 }

    /// Reads the header; nil with libvips' reason when no loader recognises the bytes or the
    /// header is damaged.
    public static func read(_ path: String) -> Result<PhotoHeader, PhotoError> {
        var h = cphotos_header()
        guard cphotos_read_header(path, &h) == 0 else { return .failure(PhotoError(path: path, reason: Vips.takeError())) }
        let loader = withUnsafeBytes(of: h.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let format: Format
        switch loader {
        case let l where l.hasPrefix("jpegload"): format = .jpeg
        case let l where l.hasPrefix("pngload"): format = .png
        case let l where l.hasPrefix("webpload"): format = .webp
        case let l where l.hasPrefix("heifload"): format = .heif
        default: format = .other
        }
        return .success(PhotoHeader(width: Int(h.width), height: Int(h.height), orientedWidth: Int(h.oriented_width),
                                    orientedHeight: Int(h.oriented_height), format: format, loader: loader))
    }
}

/// A photo that libvips could not read or encode.
public struct PhotoError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason.isEmpty ? "cannot decode the image" : reason)" }
}

extension PhotoHeader {
    /// Whether the pixels decode (a tiny version is decoded: cheap, but not free). `check` asks
    /// this only of HEIC photos, whose container libheif may read without being able to decode.
    public static func decodes(_ path: String) -> Bool {
        if cphotos_try_decode(path) == 0 { return true }
        _ = Vips.takeError()
        return false
    }
}

enum Vips {
    static func takeError() -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        cphotos_take_error(&buffer, buffer.count)
        let text = String(cString: buffer)
        // libvips prefixes each line with the operation ("VipsJpeg: …"); one line is enough.
        return text.split(separator: "\n").first.map(String.init) ?? ""
    }

    static var version: String { String(cString: cphotos_vips_version()) }

    static func sha256(_ path: String) -> String? {
        var hex = [CChar](repeating: 0, count: 65)
        guard cphotos_sha256_file(path, &hex) == 0 else { return nil }
        return String(cString: hex)
    }
}
