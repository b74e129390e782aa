import Foundation

/// The dates of a history read, kept between builds: the commit they were read at, then each
/// path and its time. NUL-separated, like git's own answers, so any file name fits.
enum HistoryCache {
    static let header = "chonoi-history 1\n"

    static func read(_ file: String) -> (commit: String, files: [String: Int])? {
        guard let data = FileManager.default.contents(atPath: file), data.starts(with: Array(header.utf8)) else { return nil }
        let fields = Git.fields(data.dropFirst(header.utf8.count))
        guard fields.count % 2 == 1, let commit = fields.first, commit.count >= 40 else { return nil }
        var files: [String: Int] = [:]
        files.reserveCapacity(fields.count / 2)
        var i = 1
        while i + 1 < fields.count {
            guard let time = Int(fields[i + 1]) else { return nil }
            files[fields[i]] = time
            i += 2
        }
        return (commit, files)
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
