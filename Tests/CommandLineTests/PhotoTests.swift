import SyntheticPhotos
import Foundation
import XCTest

/// Photos as sellers send them (a 4000×3000 phone photo with its EXIF block and GPS position),
/// through `chonoi check` and `chonoi build`.
final class PhotoBuildTests: XCTestCase {
    let product = "businesses/banh-phong-sa-giang/products/banh-phong-tom.md"

    /// The fixture with a phone photo (EXIF, GPS, orientation 6) as the product's first picture
    /// and the logo replaced by one with EXIF too.
    func workspaceWithPhonePhoto() throws -> Workspace {
        let w = try Workspace()
        let plain = Array(try Data(contentsOf: URL(fileURLWithPath: try SyntheticPhotos.photo(width: 4000, height: 3000))))
        try w.writeBytes("businesses/banh-phong-sa-giang/products/vuon.jpg", SyntheticPhotos.withEXIF(plain, orientation: 1))
        let logo = Array(try Data(contentsOf: URL(fileURLWithPath: try SyntheticPhotos.photo(width: 600, height: 600))))
        try w.writeBytes("businesses/banh-phong-sa-giang/logo.jpg", SyntheticPhotos.withEXIF(logo, orientation: 6))
        try w.edit(product, replacing: "images: [banh-phong-tom.png]", with: "images: [vuon.jpg, banh-phong-tom.png]")
        try w.edit("businesses/banh-phong-sa-giang/index.md", replacing: "logo: logo.png", with: "logo: logo.jpg")
        return w
    }

    func files(under folder: URL) -> [URL] {
        let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        return e.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    /// The issue's "done when": no output file carries EXIF or GPS data although the sources do.
    func testNoPublishedFileCarriesMetadataAlthoughTheSourcesDo() throws {
        let w = try workspaceWithPhonePhoto()
        let source = Array(try Data(contentsOf: w.url("businesses/banh-phong-sa-giang/products/vuon.jpg")))
        XCTAssertTrue(SyntheticPhotos.metadata(in: source).contains("camera make text"), "the source carries EXIF with GPS")
        let r = try Chonoi.run(["build"], in: w.root)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let site = w.root.appendingPathComponent("public")
        var images = 0
        for file in files(under: site) {
            let bytes = Array(try Data(contentsOf: file))
            XCTAssertNil(bytes.firstRange(of: Array(SyntheticPhotos.cameraMake.utf8)), "\(file.path) carries the EXIF block's text")
            guard ["jpg", "webp", "png"].contains(file.pathExtension) else { continue }
            images += 1
            XCTAssertEqual(SyntheticPhotos.metadata(in: bytes), [], file.path)
            XCTAssertNotEqual(bytes, source, "the seller's file is never published")
        }
        XCTAssertEqual(images, (2 * 2 + 1) + (3 * 2 + 1) + 2, "logo 160/320 + og, photo 320/720/1280 + og, png 320 (the second picture: no og)")
        let page = try String(contentsOf: site.appendingPathComponent("co-so/banh-phong-sa-giang/banh-phong-tom/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains(#"width="1280" height="960""#), "width and height on the img")
        XCTAssertNotNil(page.range(of: #"<meta property="og:image" content="https://example.org/catalog/co-so/banh-phong-sa-giang/banh-phong-tom/vuon\.[0-9a-f]{10}-og\.jpg">"#,
                                   options: .regularExpression), page)
    }

    /// Same content, same bytes, whether the photos come from the cache or are encoded anew.
    func testOutputIsByteIdenticalWithAColdOrWarmCache() throws {
        let w = try workspaceWithPhonePhoto()
        let cache = w.root.appendingPathComponent("cache-a").path
        XCTAssertEqual(try Chonoi.run(["build", "--output", "one", "--image-cache", cache], in: w.root).status, 0)
        XCTAssertEqual(try Chonoi.run(["build", "--output", "two", "--image-cache", cache], in: w.root).status, 0)
        XCTAssertEqual(try Chonoi.run(["build", "--output", "three"], in: w.root, environment: ["CHONOI_IMAGE_CACHE": w.root.appendingPathComponent("cache-b").path]).status, 0)
        func snapshot(_ name: String) throws -> [String: Data] {
            let base = w.root.appendingPathComponent(name)
            var d: [String: Data] = [:]
            for f in files(under: base) { d[String(f.path.dropFirst(base.path.count))] = try Data(contentsOf: f) }
            return d
        }
        let one = try snapshot("one")
        XCTAssertEqual(try snapshot("two"), one)
        XCTAssertEqual(try snapshot("three"), one)
        XCTAssertTrue(FileManager.default.fileExists(atPath: w.root.appendingPathComponent("cache-b").path), "CHONOI_IMAGE_CACHE is used")
        XCTAssertFalse(FileManager.default.fileExists(atPath: w.root.appendingPathComponent(".chonoi-cache").path), "not the default then")
    }

    /// The page-weight bar on one synthetic 4000×3000 photo: what the product page's HTML makes
    /// a 375×812 phone with a device pixel ratio of 2 load, every picture counted (even lazy
    /// ones below the fold), each at the smallest srcset candidate that covers its `sizes` width
    /// at DPR 2. Chromium itself measures the page in Tests/js/page-weight.test.mjs (CI).
    func testProductPageWeighsAtMost200KBOnAPhone() throws {
        let w = try workspaceWithPhonePhoto()
        let r = try Chonoi.run(["build"], in: w.root)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let site = w.root.appendingPathComponent("public")
        let pagePath = "co-so/banh-phong-sa-giang/banh-phong-tom/index.html"
        let html = try String(contentsOf: site.appendingPathComponent(pagePath), encoding: .utf8)
        let weight = try PageWeight.phone(html: html, htmlBytes: html.utf8.count, site: site, basePath: "/catalog/")
        XCTAssertLessThanOrEqual(weight.total, 200 * 1024, weight.description)
        XCTAssertTrue(weight.resources.contains { $0.hasSuffix("-720.webp") }, "the product photo at 720 px: \(weight.description)")
    }
}

/// The bytes a page makes a browser fetch, from its HTML: stylesheets, scripts, icons and, for
/// each picture, the WebP candidate chosen for a 375 px wide viewport at DPR 2.
enum PageWeight {
    struct Result: CustomStringConvertible {
        var total: Int
        var resources: [String]
        var description: String { "\(total) bytes: " + resources.joined(separator: ", ") }
    }

    static func phone(html: String, htmlBytes: Int, site: URL, basePath: String, viewport: Double = 375, dpr: Double = 2) throws -> Result {
        var urls: [String] = []
        func all(_ pattern: String) -> [[String]] {
            let re = try! NSRegularExpression(pattern: pattern)
            return re.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
                (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : String(html[Range(m.range(at: $0), in: html)!]) }
            }
        }
        urls += all(#"<link rel="stylesheet" href="([^"]+)""#).map { $0[1] }
        urls += all(#"<script[^>]* src="([^"]+)""#).map { $0[1] }
        urls += all(#"<link rel="icon" href="([^"]+)""#).map { $0[1] }
        for m in all(#"<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)""#) {
            let candidates = m[1].split(separator: ",").map { c -> (String, Double) in
                let parts = c.split(separator: " ")
                return (String(parts[0]), Double(parts[1].dropLast())!)
            }.sorted { $0.1 < $1.1 }
            // The smallest candidate that covers the slot at this DPR (Chromium 156 picked exactly
            // that; some browsers pick a smaller one when it comes close).
            let needed = cssWidth(sizes: m[2], viewport: viewport) * dpr
            urls.append((candidates.first { $0.1 >= needed } ?? candidates.last!).0)
        }
        // Images outside <picture> (the header's icon).
        let withoutPictures = html.replacingOccurrences(of: #"<picture>.*?</picture>"#, with: "", options: .regularExpression)
        urls += (try! NSRegularExpression(pattern: #"<img[^>]* src="([^"]+)""#)).matches(in: withoutPictures, range: NSRange(withoutPictures.startIndex..., in: withoutPictures))
            .map { String(withoutPictures[Range($0.range(at: 1), in: withoutPictures)!]) }
        var total = htmlBytes
        var seen: Set<String> = []
        for url in urls where seen.insert(url).inserted {
            guard url.hasPrefix(basePath) else { continue }
            let path = site.appendingPathComponent(String(url.dropFirst(basePath.count)).removingPercentEncoding!).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            total += (attributes[.size] as? Int) ?? 0
        }
        return Result(total: total, resources: Array(seen).sorted())
    }

    /// Evaluates a `sizes` list of `(min-width: Nrem) LENGTH` entries and a last LENGTH
    /// (`Nrem`, `Npx`, `Nvw` or `calc(Nvw - Mrem)`), 1rem = 16px.
    static func cssWidth(sizes: String, viewport: Double) -> Double {
        for entry in sizes.components(separatedBy: ", ") {
            var length = entry
            if entry.hasPrefix("(min-width: ") {
                let close = entry.firstIndex(of: ")")!
                let condition = entry[entry.index(entry.startIndex, offsetBy: 12)..<close]
                guard viewport >= Self.length(String(condition), viewport) else { continue }
                length = String(entry[entry.index(after: close)...]).trimmingCharacters(in: .whitespaces)
            }
            return Self.length(length, viewport)
        }
        return viewport
    }

    static func length(_ text: String, _ viewport: Double) -> Double {
        if text.hasPrefix("calc(") {
            let inner = text.dropFirst(5).dropLast().components(separatedBy: " - ")
            return length(inner[0], viewport) - length(inner[1], viewport)
        }
        if text.hasSuffix("rem") { return Double(text.dropLast(3))! * 16 }
        if text.hasSuffix("px") { return Double(text.dropLast(2))! }
        if text.hasSuffix("vw") { return Double(text.dropLast(2))! * viewport / 100 }
        return Double(text) ?? viewport
    }
}

/// `chonoi check`'s photo rules: each problem at the entry line that names the file.
final class PhotoCheckTests: XCTestCase {
    let entry = "businesses/banh-phong-sa-giang/products/anh.md"

    func testEveryPhotoProblemIsReportedAtItsLine() throws {
        let w = try Workspace()
        let folder = "businesses/banh-phong-sa-giang/products/"
        // 1. a PNG named .jpg
        try SyntheticPhotos.vips(["copy", try SyntheticPhotos.photo(width: 400, height: 300), "disguised.png"])
        try w.writeBytes(folder + "la-png.jpg", Array(try Data(contentsOf: URL(fileURLWithPath: SyntheticPhotos.folder + "/disguised.png"))))
        // 2. bytes that are no image
        try w.writeBytes(folder + "hong.jpg", [0xFF, 0xD8, 0xFF, 0xE0] + (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) })
        // 3. more than 20 MB (a sparse file: no disk used)
        let big = w.url(folder + "qua-lon.jpg")
        FileManager.default.createFile(atPath: big.path, contents: Data([0xFF, 0xD8, 0xFF]))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 21 * 1024 * 1024)
        try handle.close()
        // 4. 60 megapixels in a few kilobytes (a decompression bomb), refused from its header
        try SyntheticPhotos.vips(["black", "bomb.v", "10000", "6000"])
        try SyntheticPhotos.vips(["pngsave", "bomb.v", "bomb.png", "--compression", "9"])
        try w.writeBytes(folder + "bom.png", Array(try Data(contentsOf: URL(fileURLWithPath: SyntheticPhotos.folder + "/bomb.png"))))
        // 5. a HEIC file libvips cannot read
        try w.writeBytes(folder + "iphone.heic", Array("not really a heic file".utf8))
        // 6. too small to look good
        try w.writeBytes(folder + "nho.jpg", Array(try Data(contentsOf: URL(fileURLWithPath: try SyntheticPhotos.photo(width: 200, height: 150)))))
        // 7. a good one
        try w.writeBytes(folder + "tot.jpg", Array(try Data(contentsOf: URL(fileURLWithPath: try SyntheticPhotos.photo(width: 800, height: 600)))))
        try w.write(entry, """
            ---
            name: Ảnh thử
            sector: thuc-pham-che-bien
            price: contact
            published: 2026-01-05
            images:
              - la-png.jpg
              - hong.jpg
              - qua-lon.jpg
              - bom.png
              - iphone.heic
              - nho.jpg
              - tot.jpg
            ---
            Ảnh thử.

            """)
        let r = try Chonoi.run(["check", "--lang", "en"], in: w.root)
        XCTAssertEqual(r.status, 1, r.stdout)
        let expected = [
            "7:5: error: images: file \"la-png.jpg\" is really a PNG image; rename it to \"la-png.png\" (and here too)",
            "8:5: error: images: cannot read the photo \"hong.jpg\" (the file is damaged or not an image); open it and save it again as a JPEG",
            "9:5: error: images: photo \"qua-lon.jpg\" is too large (21 MB); the limit is 20 MB",
            "10:5: error: images: photo \"bom.png\" is 10000×6000 pixels, more than 50 megapixels; scale it down before sending it",
            "11:5: error: images: the HEIC photo \"iphone.heic\" cannot be read here; on an iPhone choose Settings > Camera > Formats > Most Compatible",
            "12:5: warning: images: photo \"nho.jpg\" is only 200 pixels wide and will look blurred; use one at least 320 pixels wide",
        ]
        for line in expected {
            XCTAssertTrue(r.stdout.contains("content/\(entry):\(line)"), "missing \(line)\ngot:\n\(r.stdout)")
        }
        XCTAssertFalse(r.stdout.contains("tot.jpg"), r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.contains("anh.md") }.count, 6, r.stdout)
        let vi = try Chonoi.run(["check"], in: w.root)
        XCTAssertTrue(vi.stdout.contains("content/\(entry):7:5: error: images: tệp \"la-png.jpg\" thực ra là ảnh PNG; hãy đổi tên tệp thành \"la-png.png\""), vi.stdout)
    }
}
