import Foundation

/// The dates of a history read, kept between builds: the commit they were read at, then each
/// path and its time. NUL-separated, like git's own answers, so any file name fits.
enum HistoryCache {
    static let header = "chonoi-history 1\n"

    static func read(_ file: String) -> (commit: String, files: [String: Int])? {
        guard let data = FileManager.default.contents(atPath: file), data.starts(with: Array(header.utf8)) else { return nil }
        // Read in place: the commit, then path and time fields, each ended by a NUL.
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (String, [String: Int])? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = header.utf8.count
            var commit: String?
            var path: String?
            var files: [String: Int] = [:]
            for i in start..<bytes.count where bytes[i] == 0 {
                let field = UnsafeBufferPointer(rebasing: bytes[start..<i])
                start = i + 1
                if commit == nil {
                    commit = String(decoding: field, as: UTF8.self)
                } else if let named = path {
                    var time = 0
                    for digit in field {
                        guard digit >= 48 && digit <= 57 else { return nil }
                        time = time * 10 + Int(digit - 48)
                    }
                    files[named] = time
                    path = nil
                } else {
                    path = String(decoding: field, as: UTF8.self)
                }
            }
            guard let commit, commit.utf8.count >= 40, path == nil, start == bytes.count else { return nil }
            return (commit, files)
        }
    }

    /// Written to a temporary name and renamed; a cache that cannot be written is only slower next time.
    static func write(_ file: String, commit: String, files: [String: Int]) {
        var data = Data(header.utf8)
        data.append(contentsOf: Array(commit.utf8) + [0])
        for (path, time) in files.sorted(by: { $0.key < $1.key }) {
            data.append(contentsOf: Array(path.utf8) + [0] + Array(String(time).utf8) + [0])
        }
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = file + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, file) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
}
