import CQREncode
import CQRMask

/// Encodes text as a QR symbol through libqrencode.
///
/// Debian's and Homebrew's libqrencode are built with pthread support, which makes the
/// encoder safe to call from several threads at once (pages are rendered in parallel).
public enum QREncoder {
    /// How much of the symbol may be damaged and still read. Printed sheets get folded, wet and
    /// dirty at a market stall: M (15 %) is the usual choice for a URL, and what the pages use.
    public enum Level: Sendable {
        case low, medium, quartile, high

        var c: QRecLevel {
            switch self {
            case .low: return QR_ECLEVEL_L
            case .medium: return QR_ECLEVEL_M
            case .quartile: return QR_ECLEVEL_Q
            case .high: return QR_ECLEVEL_H
            }
        }
    }

    /// The smallest symbol that holds `text` (UTF-8; libqrencode picks numeric, alphanumeric or
    /// byte segments), or nil when it does not fit in version 40 or the text contains NUL.
    public static func encode(_ text: String, level: Level = .medium) -> QRMatrix? {
        guard !text.utf8.contains(0) else { return nil }
        // Case-sensitive: a URL's path is, and lower-case letters must not be folded to the
        // alphanumeric set's capitals.
        // `chonoi_qr_encode` is `QRcode_encodeString(text, 0, level, QR_MODE_8, 1)`, faster.
        guard let code = chonoi_qr_encode(text, level.c) else { return nil }
        defer { QRcode_free(code) }
        return QRMatrix(code)
    }

    /// Whether the mask is chosen on 64-bit rows (libqrencode exports what that needs, as
    /// Debian's does) rather than by libqrencode itself. The symbols are the same either way.
    public static var choosesMaskFast: Bool { chonoi_qr_fast_mask_available() != 0 }
}

extension QRMatrix {
    /// The modules of a symbol libqrencode made, copied out of its buffer.
    init(_ code: UnsafeMutablePointer<QRcode>) {
        let size = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        // Bit 0 of each byte is the module's colour; the other bits describe its role.
        self.init(size: size, modules: data.map { $0 & 1 == 1 })
    }
}
