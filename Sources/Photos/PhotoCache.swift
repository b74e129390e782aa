#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPhotos
import Dispatch
import Foundation

/// Encoded photos, kept outside the site in a folder of their own (default
/// `.chonoi-cache/images` beside the content folder), so a rebuild with unchanged photos
/// encodes nothing.
///
/// An entry is keyed by the SHA-256 of the source's bytes and the recipe's fingerprint (which
/// includes libvips' version): renaming or moving a photo still hits, and any change to its
/// bytes or to the recipe misses. To avoid hashing every photo on every build, `index.tsv`
/// remembers each source path's size, modification time (nanoseconds) and inode with its
/// hash; a file whose stat differs is hashed again. Entries are written into a temporary
/// folder and renamed into place, so an interrupted build never leaves half an entry, and two
/// processes sharing the folder at most encode the same photo twice.
public final class PhotoCache: @unchecked Sendable {
    public let folder: String
    private let lock = NSLock()
    private var index: [String: Stamp] = [:]
    private var indexChanged = false
    private var used: Set<String> = []
    private var memo: [String: Photo] = [:]
    private var temporaryCount = 0
    private(set) public var hits = 0
    private(set) public var encoded = 0

    struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        var hash: String
    }

    public init(folder: String) throws {
        self.folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        try FileManager.default.createDirectory(atPath: self.folder, withIntermediateDirectories: true)
        // libvips starts with the first photo encoded (a catalog without photos never loads it).
        loadIndex()
    }

    // MARK: - Looking up and encoding

    /// The photo made from `path` with `recipe`, from the cache or encoded now, and the folder
    /// holding its files.
    public func photo(at path: String, recipe: PhotoRecipe) throws -> (photo: Photo, folder: String) {
        guard let hash = sourceHash(path) else {
            throw PhotoError(path: path, reason: "cannot read the file")
        }
        let key = Self.entryName(hash: hash, recipe: recipe)
        let entry = folder + "/" + key
        lock.lock()
        used.insert(key)
        if let known = memo[key] {
            lock.unlock()
            // Another process sharing the folder (a `chonoi build` beside `chonoi serve`) may
            // have pruned it meanwhile: then it is made again.
            if FileManager.default.fileExists(atPath: entry + "/photo.txt") {
                remember(key, known, hit: true)
                return (known, entry)
            }
        } else {
            lock.unlock()
        }
        if let data = FileManager.default.contents(atPath: entry + "/photo.txt"),
           let photo = Photo(manifest: String(decoding: data, as: UTF8.self)) {
            remember(key, photo, hit: true)
            return (photo, entry)
        }
        let photo = try encode(path, hash: hash, recipe: recipe, into: key)
        remember(key, photo, hit: false)
        return (photo, entry)
    }

    /// Encodes, in parallel within the machine's cores, every photo not yet cached, so the
    /// pages that show them find them ready. Failures are left for `photo(at:recipe:)` to report.
    public func prepare(_ jobs: [(path: String, recipe: PhotoRecipe)]) {
        var seen: Set<String> = []
        let unique = jobs.filter { seen.insert($0.path + "\n" + $0.recipe.fingerprint).inserted }
        DispatchQueue.concurrentPerform(iterations: unique.count) { i in
            _ = try? photo(at: unique[i].path, recipe: unique[i].recipe)
        }
    }

    private func remember(_ key: String, _ photo: Photo, hit: Bool) {
        lock.lock()
        memo[key] = photo
        if hit { hits += 1 } else { encoded += 1 }
        lock.unlock()
    }

    static func entryName(hash: String, recipe: PhotoRecipe) -> String {
        String(hash.prefix(32)) + "-" + String(Vips.fnvHex(recipe.fingerprint).prefix(10))
    }

    private func encode(_ path: String, hash: String, recipe: PhotoRecipe, into key: String) throws -> Photo {
        let header: PhotoHeader
        switch PhotoHeader.read(path) {
        case .success(let h): header = h
        case .failure(let e): throw e
        }
        let widths = recipe.targets(forSourceWidth: header.orientedWidth)
        var outputs: [cphotos_output] = []
        for w in widths {
            outputs.append(cphotos_output(width: Int32(w), crop_height: 0, format: Int32(CPHOTOS_WEBP), quality: Int32(recipe.webpQuality)))
            outputs.append(cphotos_output(width: Int32(w), crop_height: 0, format: Int32(CPHOTOS_JPEG), quality: Int32(recipe.jpegQuality)))
        }
        if recipe.openGraph {
            outputs.append(cphotos_output(width: Int32(PhotoRecipe.openGraphWidth), crop_height: Int32(PhotoRecipe.openGraphHeight),
                                          format: Int32(CPHOTOS_JPEG), quality: Int32(recipe.jpegQuality)))
        }
        var results = [cphotos_result](repeating: cphotos_result(), count: outputs.count)
        guard cphotos_render(path, Int32(widths.last ?? 1), outputs, Int32(outputs.count), &results) == 0 else {
            throw PhotoError(path: path, reason: Vips.takeError())
        }
        defer { for r in results { cphotos_free(r.data) } }

        let temporary = temporaryFolder()
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var variants: [Photo.Variant] = []
        var openGraph: Photo.Variant?
        for (i, r) in results.enumerated() {
            let o = outputs[i]
            let format: Photo.Format = o.format == Int32(CPHOTOS_WEBP) ? .webp : .jpeg
            let name = o.crop_height > 0 ? "og.jpg" : "\(r.width).\(format.fileExtension)"
            let data = Data(bytes: r.data!, count: r.length)
            try data.write(to: URL(fileURLWithPath: temporary + "/" + name))
            let variant = Photo.Variant(width: Int(r.width), height: Int(r.height), format: format, file: name, bytes: r.length)
            if o.crop_height > 0 { openGraph = variant } else { variants.append(variant) }
        }
        let largest = variants.last!
        let photo = Photo(sourceHash: hash, width: largest.width, height: largest.height, variants: variants, openGraph: openGraph)
        try Data(photo.manifest.utf8).write(to: URL(fileURLWithPath: temporary + "/photo.txt"))
        // Another process may have made the same entry meanwhile: theirs is the same bytes.
        if rename(temporary, folder + "/" + key) != 0 && errno != EEXIST && errno != ENOTEMPTY {
            throw PhotoError(path: path, reason: "cannot write the image cache \(folder): \(String(cString: strerror(errno)))")
        }
        return photo
    }

    private func temporaryFolder() -> String {
        lock.lock()
        temporaryCount += 1
        let n = temporaryCount
        lock.unlock()
        return folder + "/.tmp-\(getpid())-\(n)"
    }

    // MARK: - Source hashes

    private func sourceHash(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let stamp = Stamp(size: Int(st.st_size), seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec),
                          inode: UInt64(st.st_ino), hash: "")
        lock.lock()
        if let known = index[path], known.size == stamp.size, known.seconds == stamp.seconds,
           known.nanoseconds == stamp.nanoseconds, known.inode == stamp.inode {
            lock.unlock()
            return known.hash
        }
        lock.unlock()
        guard let hash = Vips.sha256(path) else { return nil }
        var stored = stamp
        stored.hash = hash
        lock.lock()
        index[path] = stored
        indexChanged = true
        lock.unlock()
        return hash
    }

    private var indexPath: String { folder + "/index.tsv" }

    private func loadIndex() {
        guard let text = try? String(contentsOfFile: indexPath, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 6, let size = Int(f[1]), let s = Int(f[2]), let ns = Int(f[3]), let ino = UInt64(f[4]), f[5].count == 64 else { continue }
            index[String(f[0])] = Stamp(size: size, seconds: s, nanoseconds: ns, inode: ino, hash: String(f[5]))
        }
    }

    // MARK: - Saving and pruning

    /// Writes the index of source hashes (only paths that still exist).
    public func save() throws {
        lock.lock()
        defer { lock.unlock() }
        guard indexChanged else { return }
        var lines: [String] = []
        for (path, s) in index.sorted(by: { $0.key < $1.key }) where !path.contains("\t") && !path.contains("\n") {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            lines.append("\(path)\t\(s.size)\t\(s.seconds)\t\(s.nanoseconds)\t\(s.inode)\t\(s.hash)")
        }
        let temporary = indexPath + ".tmp-\(getpid())"
        try (lines.joined(separator: "\n") + "\n").write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, indexPath) == 0 else {
            throw PhotoError(path: indexPath, reason: String(cString: strerror(errno)))
        }
        indexChanged = false
    }

    /// Removes every entry not used since this cache was opened (and leftovers of interrupted
    /// builds); returns how many entries went.
    @discardableResult
    public func prune() -> Int {
        lock.lock()
        let keep = used
        lock.unlock()
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            if name == "index.tsv" || keep.contains(name) { continue }
            if name.hasPrefix(".tmp-") {
                // Another process's entry being written: only when it is plainly abandoned.
                if let pid = name.split(separator: "-").dropFirst().first.flatMap({ Int32($0) }), pid == getpid() || kill(pid, 0) == 0 { continue }
            } else if name.hasPrefix("index.tsv.tmp") {
                continue
            }
            if (try? FileManager.default.removeItem(atPath: folder + "/" + name)) != nil { removed += 1 }
        }
        return removed
    }
}

extension Vips {
    /// 64-bit FNV-1a twice with different offsets: 32 hex digits; the recipe fingerprint is
    /// short and not adversarial.
    static func fnvHex(_ text: String) -> String {
        func fnv(_ seed: UInt64) -> String {
            var h = seed
            for b in text.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
            let s = String(h, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return fnv(0xcbf2_9ce4_8422_2325) + fnv(0x8422_2325_cbf2_9ce4)
    }
}
