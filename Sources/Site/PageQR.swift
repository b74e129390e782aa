import QRCode
import Templates

/// The QR code of a business or product page: its canonical address, error correction M,
/// drawn inline on the page and written as `qr.svg` beside it (for a poster, a price tag or a
/// partner's listing). Both come from one matrix, so they always agree.
///
/// Made once per page (libqrencode choosing the mask is a tenth of a build's CPU time): the
/// business page and its printable sheet share one, and its inline form is drawn once.
struct PageQR {
    let svg: QRSVG
    let url: String
    let label: String
    /// The inline form (sized by CSS), for the page and the printable sheet.
    let inline: UTF8Text

    /// Nil only for an address too long for any QR version (over 2,331 bytes at level M).
    init?(url: String, label: String) {
        guard let matrix = QREncoder.encode(url, level: .medium) else { return nil }
        self.svg = QRSVG(matrix)
        self.url = url
        self.label = label
        self.inline = UTF8Text(validUTF8: svg.renderBytes(label: label, className: "qr"))
    }

    /// Writes `qr.svg` into the page's folder (`co-so/a/`) and returns the template keys:
    /// `svg` *raw* (inline, sized by CSS), `file` (the link to qr.svg), `url` (what it encodes).
    func write(folder: String, out: OutputFolder, urls: SiteURLs) throws -> QRContext {
        // Eight pixels a module where the file is shown at its own size: sharp, and scannable on a screen.
        try out.write(folder + "qr.svg", svg.renderBytes(label: label, size: String(svg.side * 8), standalone: true))
        return QRContext(svg: inline, file: urls.link(folder + "qr.svg"), url: url)
    }
}
