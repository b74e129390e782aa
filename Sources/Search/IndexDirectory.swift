import Foundation

/// Writes the index files into their directory and removes index files an earlier build left
/// there that this one no longer has, so the directory always holds exactly one index. Files
/// that are not index files (by name) are never touched.
struct IndexDirectory {
    let path: String

    func replace(with files: [(name: String, bytes: [UInt8])]) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        let keep = Set(files.map(\.name))
        for name in try fm.contentsOfDirectory(atPath: path).sorted()
        where SearchIndexLayout.isIndexFile(name) && !keep.contains(name) {
            try fm.removeItem(atPath: path + "/" + name)
        }
        for file in files {
            let target = path + "/" + file.name
            // Rewriting an identical file costs more than reading it (truncation), and keeping
            // it keeps its modification time, so deploys by rsync upload only what changed.
            if let old = fm.contents(atPath: target), old.count == file.bytes.count, same(old, file.bytes) { continue }
            try write(file.bytes, to: target)
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
