/// Draws a QR matrix as a small SVG: a white square for the symbol and its quiet zone, and one
/// path for every dark module, a run of modules on a row being one stroke a module thick
/// (`M4 4.5h7m4 0h3…`, each run after the first placed from the end of the one before). A
/// business's `qr.svg` is about 2.3 KB this way, 5 KB with a rectangle per run (`M15 4h3v1h-3z`)
/// and 20 KB with one per module: a catalog of 10,000 businesses writes 61,000 of them.
///
/// The path is computed once (`init`) and reused by every form of the same code (inline on
/// the page, `qr.svg`, the printable sheet): a build draws one per page. Everything is written
/// as UTF-8 bytes (string interpolation per run cost more than encoding the symbol).
public struct QRSVG: Sendable {
    /// The light margin a reader needs around the symbol, in modules (ISO/IEC 18004: 4).
    public static let quietZone = 4

    /// Modules per side, quiet zone included: the `viewBox`.
    public let side: Int
    /// The `d` of the dark modules' path, in UTF-8.
    public let pathBytes: [UInt8]

    /// The `d` of the dark modules' path.
    public var path: String { String(decoding: pathBytes, as: UTF8.self) }

    public init(_ matrix: QRMatrix) {
        side = matrix.size + 2 * Self.quietZone
        pathBytes = Self.path(matrix)
    }

    /// `<svg …>…</svg>`, scaled by its container (CSS or the `size` attribute values).
    ///
    /// - Parameters:
    ///   - label: the accessible name (`role="img"` + `aria-label`); escaped here.
    ///   - size: the `width`/`height` attributes (e.g. `"160"`, `"5cm"`), or nil to leave the
    ///     size to CSS.
    ///   - standalone: adds the XML declaration, for a `qr.svg` file of its own.
    ///   - className: a `class` attribute for the inline form.
    public func render(label: String, size: String? = nil, standalone: Bool = false, className: String? = nil) -> String {
        String(decoding: renderBytes(label: label, size: size, standalone: standalone, className: className), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, for writing a file.
    public func renderBytes(label: String, size: String? = nil, standalone: Bool = false, className: String? = nil) -> [UInt8] {
        var svg: [UInt8] = []
        svg.reserveCapacity(pathBytes.count + 400)
        func add(_ s: StaticString) { s.withUTF8Buffer { svg.append(contentsOf: $0) } }
        func add(number n: Int) { Self.append(n, to: &svg) }
        if standalone { add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        add("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        if let className { add(" class=\""); Self.appendEscaped(className, to: &svg); add("\"") }
        add(" viewBox=\"0 0 "); add(number: side); add(" "); add(number: side); add("\"")
        if let size {
            add(" width=\""); Self.appendEscaped(size, to: &svg)
            add("\" height=\""); Self.appendEscaped(size, to: &svg); add("\"")
        }
        // crispEdges: no anti-aliased seams between neighbouring runs at any scale.
        add(" role=\"img\" aria-label=\""); Self.appendEscaped(label, to: &svg); add("\" shape-rendering=\"crispEdges\">")
        add("<rect width=\""); add(number: side); add("\" height=\""); add(number: side); add("\" fill=\"#fff\"/>")
        add("<path stroke=\"#000\" d=\""); svg.append(contentsOf: pathBytes); add("\"/></svg>")
        if standalone { add("\n") }
        return svg
    }

    /// One call for one form: `QRSVG(matrix).render(…)`.
    public static func render(_ matrix: QRMatrix, label: String, size: String? = nil, standalone: Bool = false,
                              className: String? = nil) -> String {
        QRSVG(matrix).render(label: label, size: size, standalone: standalone, className: className)
    }

    /// A horizontal stroke through the middle of each run of dark modules, offset by the quiet
    /// zone: the first `M x y.5 h w`, the others `m dx dy h w` from where the one before ended
    /// (`dx` is negative at the start of a row). A stroke one module wide with butt ends covers
    /// exactly the run's modules, as the rectangle did.
    static func path(_ matrix: QRMatrix) -> [UInt8] {
        let size = matrix.size
        // At most one run every two modules of a row, each at most 13 bytes (`m-184 184h185`).
        let bound = size * ((size + 1) / 2) * 13 + 16
        return matrix.modules.withUnsafeBufferPointer { modules in
            [UInt8](unsafeUninitializedCapacity: bound) { d, count in
                // Plain functions over the buffer's address: as closures capturing the buffer and
                // its count, they were called per byte and took most of a code's drawing time.
                guard let base = d.baseAddress else { count = 0; return }
                var at = base
                var penX = -1, penY = 0
                for y in 0..<size {
                    let row = y * size
                    var x = 0
                    while x < size {
                        guard modules[row + x] else { x += 1; continue }
                        let start = x
                        while x < size && modules[row + x] { x += 1 }
                        if penX < 0 {
                            at = put(UInt8(ascii: "M"), at)
                            at = put(number: start + quietZone, at)
                            at = put(UInt8(ascii: " "), at)
                            at = put(number: y + quietZone, at)
                            at = put(UInt8(ascii: "."), at)
                            at = put(UInt8(ascii: "5"), at)
                        } else {
                            at = put(UInt8(ascii: "m"), at)
                            at = put(number: start - penX, at)
                            at = put(UInt8(ascii: " "), at)
                            at = put(number: y - penY, at)
                        }
                        at = put(UInt8(ascii: "h"), at)
                        at = put(number: x - start, at)
                        penX = x; penY = y
                    }
                }
                count = at - base
            }
        }
    }

    @inline(__always)
    private static func put(_ b: UInt8, _ at: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        at.pointee = b
        return at + 1
    }

    /// An integer of magnitude below 1,000 (a symbol is at most 177 + 8 modules wide).
    @inline(__always)
    private static func put(number value: Int, _ at: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var at = at
        if value < 0 { at = put(UInt8(ascii: "-"), at) }
        let v = value.magnitude
        if v >= 100 { at = put(UInt8(truncatingIfNeeded: 48 + v / 100), at) }
        if v >= 10 { at = put(UInt8(truncatingIfNeeded: 48 + v / 10 % 10), at) }
        return put(UInt8(truncatingIfNeeded: 48 + v % 10), at)
    }

    /// The decimal digits of a non-negative `n` below 1,000 (the `viewBox` and the white square).
    static func append(_ n: Int, to d: inout [UInt8]) {
        if n >= 100 { d.append(UInt8(48 + n / 100 % 10)) }
        if n >= 10 { d.append(UInt8(48 + n / 10 % 10)) }
        d.append(UInt8(48 + n % 10))
    }

    /// Escaping for attribute values (the label may be seller text, e.g. a business's name):
    /// the five markup characters as references, and C0 controls, DEL and C1 controls (C2 80…
    /// C2 9F in UTF-8) left out. The runs between them are copied whole.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            var run = 0
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                var replacement: StaticString?
                var length = 1
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                case 0x00..<0x20, 0x7F: replacement = nil
                case 0xC2 where i + 1 < utf8.count && utf8[i + 1] <= 0x9F: length = 2
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                replacement?.withUTF8Buffer { out.append(contentsOf: $0) }
                i += length
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }

    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        appendEscaped(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
