import Fingerprint
import Foundation

/// Writes the index files into their directory, one at a time as they are made, and then
/// removes the index files an earlier build left there that this one no longer has, so the
/// directory always holds exactly one index. Files that are not index files (by name) are
/// never touched. It also keeps the content hash of the files written (see `write`).
struct IndexDirectory {
    let path: String
    private(set) var hash = FNV1a()
    private var written: Set<String> = []
    private(set) var bytes = 0
    var files: Int { written.count }

    /// Makes the directory if it is missing.
    init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// One file; `hashed` ones count in `hash`, in the order they are written.
    mutating func write(_ name: String, _ bytes: [UInt8], hashed: Bool = true) throws {
        if hashed {
            hash.addField(Array(name.utf8))
            hash.addField(bytes)
        }
        written.insert(name)
        self.bytes += bytes.count
        let target = path + "/" + name
        // Rewriting an identical file costs more than reading it (truncation), and keeping
        // it keeps its modification time, so deploys by rsync upload only what changed.
        if let old = FileManager.default.contents(atPath: target), old.count == bytes.count, same(old, bytes) { return }
        try write(bytes, to: target)
    }

    /// Removes the index files this index did not write.
    func finish() throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: path).sorted()
        where SearchIndexLayout.isIndexFile(name) && !written.contains(name) {
            try fm.removeItem(atPath: path + "/" + name)
        }
    }

    private func same(_ data: Data, _ bytes: [UInt8]) -> Bool {
        data.withUnsafeBytes { a in
            bytes.withUnsafeBytes { b in
                guard let pa = a.baseAddress, let pb = b.baseAddress else { return a.count == b.count }
                return memcmp(pa, pb, b.count) == 0
            }
        }
    }

    /// Plain stdio: thousands of small files, and Foundation's atomic writes would double the
    /// system calls for no benefit (a half-written index is rebuilt by the next build anyway).
    private func write(_ bytes: [UInt8], to file: String) throws {
        guard let handle = fopen(file, "wb") else { throw IndexWriteError(path: file, code: errno) }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        let closed = fclose(handle)
        if written != bytes.count || closed != 0 { throw IndexWriteError(path: file, code: errno) }
    }
}

public struct IndexWriteError: Error, CustomStringConvertible {
    public let path: String
    public let code: Int32

    public var description: String { "cannot write search index file \(path): \(String(cString: strerror(code)))" }
}
