import SyntheticPhotos
import Foundation
import XCTest
@testable import Photos

final class PhotoPipelineTests: XCTestCase {
    let recipe = PhotoRecipe(widths: [320, 720, 1280], openGraph: true)

    func freshCache() throws -> PhotoCache {
        try PhotoCache(folder: SyntheticPhotos.folder + "/cache-\(UUID().uuidString)")
    }

    func testHeaderIsReadWithoutDecoding() throws {
        let path = try SyntheticPhotos.photo(width: 4000, height: 3000)
        let header = try PhotoHeader.read(path).get()
        XCTAssertEqual(header.width, 4000)
        XCTAssertEqual(header.height, 3000)
        XCTAssertEqual(header.format, .jpeg)
        XCTAssertEqual(header.megapixels, 12)

        let png = SyntheticPhotos.folder + "/really-a-png.jpg"
        try SyntheticPhotos.vips(["copy", try SyntheticPhotos.photo(width: 400, height: 300), "really.png"])
        try? FileManager.default.removeItem(atPath: png)
        try FileManager.default.moveItem(atPath: SyntheticPhotos.folder + "/really.png", toPath: png)
        XCTAssertEqual(try PhotoHeader.read(png).get().format, .png)

        let junk = SyntheticPhotos.folder + "/junk.jpg"
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }).write(to: URL(fileURLWithPath: junk))
        XCTAssertThrowsError(try PhotoHeader.read(junk).get())
    }

    /// The contract: no output carries EXIF, GPS or any other metadata, although the source does;
    /// the orientation the EXIF block asked for is applied to the pixels.
    func testNoOutputCarriesMetadataAndOrientationIsApplied() throws {
        let plain = Array(try Data(contentsOf: URL(fileURLWithPath: try SyntheticPhotos.photo(width: 4000, height: 3000))))
        let source = SyntheticPhotos.folder + "/with-gps.jpg"
        try Data(SyntheticPhotos.withEXIF(plain, orientation: 6)).write(to: URL(fileURLWithPath: source))
        XCTAssertEqual(SyntheticPhotos.metadata(in: Array(try Data(contentsOf: URL(fileURLWithPath: source)))).first, "APP1",
                       "the source carries EXIF")
        let header = try PhotoHeader.read(source).get()
        XCTAssertEqual([header.orientedWidth, header.orientedHeight], [3000, 4000], "orientation 6 turns it upright")

        let (photo, folder) = try freshCache().photo(at: source, recipe: recipe)
        XCTAssertEqual(photo.variants.map(\.width), [320, 320, 720, 720, 1280, 1280])
        XCTAssertEqual(photo.openGraph?.width, 1200)
        XCTAssertEqual(photo.openGraph?.height, 630)
        for v in photo.variants { XCTAssertGreaterThan(v.height, v.width, "\(v.file) is portrait, as the phone held it") }
        XCTAssertEqual(photo.files.count, 7)
        for v in photo.files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + v.file)))
            XCTAssertEqual(SyntheticPhotos.metadata(in: bytes), [], "\(v.file) carries metadata")
            XCTAssertEqual(bytes.count, v.bytes)
            let h = try PhotoHeader.read(folder + "/" + v.file).get()
            XCTAssertEqual([h.width, h.height], [v.width, v.height])
            XCTAssertEqual(h.format, v.format == .webp ? .webp : .jpeg)
        }
    }

    func testNeverWiderThanTheOriginal() throws {
        XCTAssertEqual(recipe.targets(forSourceWidth: 500), [320, 500])
        XCTAssertEqual(recipe.targets(forSourceWidth: 200), [200])
        XCTAssertEqual(recipe.targets(forSourceWidth: 1280), [320, 720, 1280])
        XCTAssertEqual(recipe.targets(forSourceWidth: 5000), [320, 720, 1280])
        let small = try SyntheticPhotos.photo(width: 500, height: 400)
        let (photo, _) = try freshCache().photo(at: small, recipe: recipe)
        XCTAssertEqual(photo.variants.map(\.width), [320, 320, 500, 500])
        XCTAssertEqual([photo.width, photo.height], [500, 400])
        XCTAssertEqual(photo.openGraph.map { [$0.width, $0.height] }, [1200, 630], "the Open Graph frame is always 1200×630")
    }

    func testSameSourceGivesTheSameBytes() throws {
        let source = try SyntheticPhotos.photo(width: 1600, height: 1200)
        let (a, fa) = try freshCache().photo(at: source, recipe: recipe)
        let (b, fb) = try freshCache().photo(at: source, recipe: recipe)
        XCTAssertEqual(a, b)
        for v in a.files {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: fa + "/" + v.file)), try Data(contentsOf: URL(fileURLWithPath: fb + "/" + v.file)), v.file)
        }
    }

    func testCacheHitsMissesAndPrunes() throws {
        let folder = SyntheticPhotos.folder + "/cache-\(UUID().uuidString)"
        let work = SyntheticPhotos.folder + "/work-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let a = work + "/a.jpg", b = work + "/b.jpg"
        try FileManager.default.copyItem(atPath: try SyntheticPhotos.photo(width: 800, height: 600), toPath: a)
        try FileManager.default.copyItem(atPath: try SyntheticPhotos.photo(width: 600, height: 800), toPath: b)

        let first = try PhotoCache(folder: folder)
        _ = try first.photo(at: a, recipe: recipe)
        _ = try first.photo(at: b, recipe: recipe)
        XCTAssertEqual([first.encoded, first.hits], [2, 0])
        _ = try first.photo(at: a, recipe: recipe)
        XCTAssertEqual([first.encoded, first.hits], [2, 1])
        try first.save()

        // A new build: nothing changed, nothing encoded.
        let second = try PhotoCache(folder: folder)
        _ = try second.photo(at: a, recipe: recipe)
        _ = try second.photo(at: b, recipe: recipe)
        XCTAssertEqual([second.encoded, second.hits], [0, 2])
        // The same bytes under another name still hit; another recipe misses.
        let renamed = work + "/renamed.jpg"
        try FileManager.default.copyItem(atPath: a, toPath: renamed)
        _ = try second.photo(at: renamed, recipe: recipe)
        XCTAssertEqual([second.encoded, second.hits], [0, 3])
        _ = try second.photo(at: a, recipe: PhotoRecipe(widths: [320, 720, 1280], openGraph: false))
        XCTAssertEqual(second.encoded, 1)
        try second.save()

        // b's bytes replaced (same size and name): a miss; after pruning only what this build
        // used is left.
        let replacement = try SyntheticPhotos.photo(width: 600, height: 800, name: "other-600x800.jpg")
        try FileManager.default.removeItem(atPath: b)
        try FileManager.default.copyItem(atPath: replacement, toPath: b)
        let third = try PhotoCache(folder: folder)
        _ = try third.photo(at: a, recipe: recipe)
        _ = try third.photo(at: b, recipe: recipe)
        XCTAssertEqual([third.encoded, third.hits], [1, 1])
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "index.tsv" }.count
        XCTAssertEqual(before, 4)
        XCTAssertEqual(third.prune(), 2, "the old b and a's other recipe")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "index.tsv" }.count, 2)
    }

    func testUndecodableFileIsAnError() throws {
        let truncated = SyntheticPhotos.folder + "/truncated.jpg"
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try SyntheticPhotos.photo(width: 800, height: 600))))
        try Data(bytes.prefix(bytes.count / 3)).write(to: URL(fileURLWithPath: truncated))
        XCTAssertThrowsError(try freshCache().photo(at: truncated, recipe: recipe)) { error in
            XCTAssertTrue("\(error)".contains("truncated.jpg"), "\(error)")
        }
    }
}

final class PhotoManifestTests: XCTestCase {
    func testManifestRoundTrips() {
        let photo = Photo(sourceHash: String(repeating: "ab", count: 32), width: 1280, height: 960,
                          variants: [.init(width: 320, height: 240, format: .webp, file: "320.webp", bytes: 11_000),
                                     .init(width: 320, height: 240, format: .jpeg, file: "320.jpg", bytes: 20_000)],
                          openGraph: .init(width: 1200, height: 630, format: .jpeg, file: "og.jpg", bytes: 90_000))
        XCTAssertEqual(Photo(manifest: photo.manifest), photo)
        XCTAssertNil(Photo(manifest: "chonoi-photo 2\n"), "another version of the format is a miss, not a guess")
        XCTAssertNil(Photo(manifest: photo.manifest.replacingOccurrences(of: "320 240", with: "320 x")))
    }
}
