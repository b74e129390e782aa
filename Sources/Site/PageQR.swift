import QRCode
import Templates

/// The QR code of a business or product page: its canonical address, error correction M,
/// written as `qr.svg` beside the page (for a poster, a price tag or a partner's listing) and
/// shown on it (the default theme links the file as an image; a theme may draw it inline).
/// Both come from one matrix, so they always agree.
///
/// Made once per page (libqrencode choosing the mask is a tenth of a build's CPU time): the
/// business page and its printable sheet share one.
struct PageQR {
    let svg: QRSVG
    let url: String
    let label: String

    /// Nil only for an address too long for any QR version (over 2,331 bytes at level M).
    init?(url: String, label: String) {
        guard let matrix = QREncoder.encode(url, level: .medium) else { return nil }
        self.svg = QRSVG(matrix)
        self.url = url
        self.label = label
    }

    /// The inline form (sized by CSS), for the printable sheet and any theme that draws it in the page.
    var inline: UTF8Text { UTF8Text(validUTF8: svg.renderBytes(label: label, className: "qr")) }

    /// The template keys without `file`: for the printable sheet, which draws the code inline.
    var context: QRContext { QRContext(file: nil, url: url, label: label, svg: { inline }) }

    /// Writes `qr.svg` into the page's folder (`co-so/a/`) and returns the template keys:
    /// `svg` *raw* (inline, sized by CSS), `file` (the link to qr.svg), `url` (what it encodes),
    /// `label`.
    func write(folder: String, out: OutputFolder, urls: SiteURLs) throws -> QRContext {
        // Eight pixels a module where the file is shown at its own size: sharp, and scannable on a screen.
        try out.write(folder + "qr.svg", svg.renderBytes(label: label, size: String(svg.side * 8), standalone: true))
        return QRContext(file: urls.link(folder + "qr.svg"), url: url, label: label, svg: { inline })
    }
}
