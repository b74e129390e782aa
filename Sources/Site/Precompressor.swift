import Dispatch
import Foundation
import Gzip

/// `build --precompress`: a `.gz` beside every text file, for servers that send a stored
/// compressed copy instead of compressing each response (nginx `gzip_static on`).
///
/// Written into the new site before it is swapped in, so the site and its `.gz` files always
/// appear together; files are compressed in parallel and deterministically (see `Gzip`).
enum Precompressor {
    static let extensions: Set<String> = ["html", "css", "js", "json", "xml", "svg", "txt", "webmanifest", "csv"]

    /// Files under this size gain nothing worth a second file (headers and the gzip frame).
    static let minimumBytes = 256

    /// Returns how many `.gz` files were written.
    static func compressTextFiles(in folder: String) throws -> Int {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            guard let dot = relative.lastIndex(of: "."), extensions.contains(String(relative[relative.index(after: dot)...])) else { continue }
            files.append(folder + "/" + relative)
        }
        let failures = FailureBox()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: files[i]))
                guard data.count >= minimumBytes else { return }
                let compressed = try Gzip.compress([UInt8](data))
                // Kept only when it saves something: a server would otherwise send the larger copy.
                guard compressed.count < data.count else { return }
                try Data(compressed).write(to: URL(fileURLWithPath: files[i] + ".gz"))
                failures.count()
            } catch {
                failures.record(error)
            }
        }
        if let error = failures.first { throw error }
        return failures.written
    }
}

/// The first error and the number written, from many threads.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: Error?
    private(set) var written = 0

    func record(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if first == nil { first = error }
    }

    func count() {
        lock.lock(); defer { lock.unlock() }
        written += 1
    }
}
