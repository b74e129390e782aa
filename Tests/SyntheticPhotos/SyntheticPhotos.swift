import Foundation

/// Photos made at test time with the `vips` command (Debian's libvips-tools), never committed.
/// A library of its own so that every test target that needs photos shares one copy.
public enum SyntheticPhotos {
    /// A folder shared by the tests of this process.
    public static let folder: String = {
        let path = NSTemporaryDirectory() + "chonoi-photos-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Runs `vips` with the arguments; fails loudly.
    public static func vips(_ arguments: [String], in directory: String = folder) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["vips"] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: "vips", code: Int(p.terminationStatus), userInfo: [NSLocalizedDescriptionKey:
                "vips \(arguments.joined(separator: " ")): " + String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)])
        }
    }

    /// A photo-like JPEG (blurred coarse noise plus fine grain: it compresses like a phone
    /// photo, about 4.3 MB at 4000×3000), cached per size for the process.
    public static func photo(width: Int, height: Int, name: String? = nil) throws -> String {
        let path = folder + "/" + (name ?? "photo-\(width)x\(height).jpg")
        if FileManager.default.fileExists(atPath: path) { return path }
        let tag = "\(width)x\(height)-\(UUID().uuidString.prefix(8))"
        let (cw, ch) = ((width + 3) / 4, (height + 3) / 4)
        try vips(["gaussnoise", "n\(tag).v", "\(cw)", "\(ch)", "--sigma", "60"])
        try vips(["resize", "n\(tag).v", "r\(tag).v", "4"])
        try vips(["gaussblur", "r\(tag).v", "b\(tag).v", "3"])
        try vips(["bandjoin", "b\(tag).v b\(tag).v b\(tag).v", "rgb\(tag).v"])
        try vips(["gaussnoise", "f\(tag).v", "\(cw * 4)", "\(ch * 4)", "--sigma", "12"])
        try vips(["add", "rgb\(tag).v", "f\(tag).v", "s\(tag).v"])
        try vips(["cast", "s\(tag).v", "c\(tag).v", "uchar"])
        try vips(["extract_area", "c\(tag).v", "e\(tag).v", "0", "0", "\(width)", "\(height)"])
        try vips(["copy", "e\(tag).v", "i\(tag).v", "--interpretation", "srgb"])
        try vips(["copy", "i\(tag).v", path + "[Q=92]"])
        for f in ["n", "r", "b", "rgb", "f", "s", "c", "e", "i"] { try? FileManager.default.removeItem(atPath: folder + "/\(f)\(tag).v") }
        return path
    }

    /// A marker no encoder would produce by chance, written into the EXIF `Make` tag.
    public static let cameraMake = "ChonoiPhoneX1"

    /// `jpeg` with an EXIF block added: orientation, camera make and a GPS position (10.36° N,
    /// 106.36° E, Mỹ Tho), as a phone writes it.
    public static func withEXIF(_ jpeg: [UInt8], orientation: UInt16) -> [UInt8] {
        var t: [UInt8] = Array("MM".utf8) + [0, 42, 0, 0, 0, 8]
        func u16(_ v: UInt16) { t += [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func u32(_ v: UInt32) { t += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        func entry(_ tag: UInt16, _ type: UInt16, _ count: UInt32, _ value: [UInt8]) {
            u16(tag); u16(type); u32(count); t += value + [UInt8](repeating: 0, count: 4 - value.count)
        }
        func offset(_ o: Int) -> [UInt8] { [0, 0, UInt8(o >> 8), UInt8(o & 0xFF)] }
        let make = Array(cameraMake.utf8) + [0] // 14 bytes
        // IFD0 at 8: 3 entries → 2 + 36 + 4 = 42 bytes, then the make text, then the GPS IFD.
        let makeAt = 8 + 42, gpsAt = makeAt + make.count
        u16(3)
        entry(0x010F, 2, UInt32(make.count), offset(makeAt))
        entry(0x0112, 3, 1, [UInt8(orientation >> 8), UInt8(orientation & 0xFF)])
        entry(0x8825, 4, 1, offset(gpsAt))
        u32(0)
        t += make
        // GPS IFD: 4 entries → 2 + 48 + 4 = 54 bytes, then two times three rationals.
        let latAt = gpsAt + 54, lonAt = latAt + 24
        u16(4)
        entry(0x0001, 2, 2, Array("N".utf8) + [0])
        entry(0x0002, 5, 3, offset(latAt))
        entry(0x0003, 2, 2, Array("E".utf8) + [0])
        entry(0x0004, 5, 3, offset(lonAt))
        u32(0)
        for (d, m, s) in [(10, 21, 3600), (106, 21, 3600)] { u32(UInt32(d)); u32(1); u32(UInt32(m)); u32(1); u32(UInt32(s)); u32(100) }
        let payload = Array("Exif".utf8) + [0, 0] + t
        let length = payload.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + jpeg.dropFirst(2)
    }

    /// The metadata a file still carries: JPEG APPn segments other than JFIF, and COM; WebP
    /// EXIF, XMP and ICC chunks; PNG text, EXIF and ICC chunks.
    public static func metadata(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        if bytes.starts(with: [0xFF, 0xD8]) {
            var i = 2
            while i + 4 <= bytes.count, bytes[i] == 0xFF {
                let marker = bytes[i + 1]
                if marker == 0xDA { break }
                let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
                let isJFIF = marker == 0xE0 && bytes.count > i + 9 && Array(bytes[(i + 4)..<(i + 9)]) == Array("JFIF".utf8) + [0]
                if (0xE0...0xEF).contains(marker) && !isJFIF { found.append(String(format: "APP%d", marker - 0xE0)) }
                if marker == 0xFE { found.append("COM") }
                i += 2 + length
            }
        } else if bytes.starts(with: Array("RIFF".utf8)) {
            var i = 12
            while i + 8 <= bytes.count {
                let name = String(decoding: bytes[i..<(i + 4)], as: UTF8.self)
                let size = Int(bytes[i + 4]) | Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]) << 16 | Int(bytes[i + 7]) << 24
                if ["EXIF", "XMP ", "ICCP"].contains(name) { found.append(name) }
                i += 8 + size + (size & 1)
            }
        }
        if let _ = bytes.firstRange(of: Array(cameraMake.utf8)) { found.append("camera make text") }
        return found
    }
}
