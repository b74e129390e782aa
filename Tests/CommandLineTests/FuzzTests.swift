import Foundation
import XCTest

/// Random mutations of the valid fixture catalog, through the real `chonoi check` and
/// `chonoi build`: whatever a seller's editor, a bad merge or a hostile pull request leaves in
/// the tree, chonoi must exit with 0 or 1, say what is wrong when it is 1, and never die of a
/// signal or hang.
///
/// Deterministic: the seed is fixed (override with `CHONOI_FUZZ_SEED`), and so is the number of
/// iterations (`CHONOI_FUZZ_ITERATIONS`; the default keeps a debug build well under a minute).
/// `CHONOI_FUZZ_EXECUTABLE` points it at another chonoi binary; a run that takes longer than
/// `CHONOI_FUZZ_TIMEOUT` seconds (60) is killed and counted as a hang.
/// Each iteration derives its own generator from the seed and its index, so a finding names
/// the seed, the iteration and the mutations that made it.
final class FuzzTests: XCTestCase {
    static let defaultSeed: UInt64 = 20_261_130
    static let defaultIterations = 60

    func testMutatedCatalogsNeverCrashOrHang() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["CHONOI_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let iterations = environment["CHONOI_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? Self.defaultIterations
        let timeout = environment["CHONOI_FUZZ_TIMEOUT"].flatMap { TimeInterval($0) } ?? 60
        let started = Date()
        var findings: [String] = []
        var exits: [String: Int] = [:]
        for iteration in 0..<iterations {
            var rng = SplitMix64(seed: seed &+ UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15)
            let workspace = try Workspace()
            var mutator = Mutator(content: workspace.content)
            var applied: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                applied.append(mutator.mutate(using: &rng))
            }
            var env: [String: String] = [:]
            if Int.random(in: 0..<5, using: &rng) == 0 {
                env["SOURCE_DATE_EPOCH"] = Mutator.hostileEpochs.randomElement(using: &rng)!
                applied.append("SOURCE_DATE_EPOCH=\(env["SOURCE_DATE_EPOCH"]!)")
            }
            let lang = Bool.random(using: &rng) ? ["--lang", "en"] : []
            let format = ["text", "json", "github"].randomElement(using: &rng)!
            let label = "seed \(seed) iteration \(iteration) [\(applied.joined(separator: "; "))]"

            var statuses: [Int32] = []
            for arguments in [["check", "--format", format] + lang, ["build"] + lang] {
                let run = try FuzzRun.run(arguments, in: workspace.root, environment: env, timeout: timeout)
                let command = "chonoi \(arguments.joined(separator: " "))"
                exits["\(arguments[0]) \(run.status)", default: 0] += 1
                statuses.append(run.status)
                if run.timedOut {
                    findings.append("\(command) did not finish within \(Int(timeout)) s: \(label)")
                } else if run.reason != .exit {
                    findings.append("\(command) died of signal \(run.status): \(label)\n\(run.output.suffix(2000))")
                } else if run.status != 0 && run.status != 1 {
                    findings.append("\(command) exited \(run.status): \(label)\n\(run.output.suffix(2000))")
                } else if run.status == 1 && !run.output.contains("error") {
                    findings.append("\(command) exited 1 without a diagnostic: \(label)\n\(run.output.suffix(2000))")
                }
            }
            if statuses == [0, 1] {
                findings.append("check passed but build failed: \(label)")
            }
        }
        let seconds = Int(Date().timeIntervalSince(started))
        print("fuzz: seed \(seed), \(iterations) iterations in \(seconds) s; exits \(exits.sorted { $0.key < $1.key }); \(findings.count) findings")
        XCTAssertEqual(findings, [], findings.joined(separator: "\n\n"))
    }
}

/// A small, fast generator whose sequence depends only on its seed, on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `chonoi` like `Chonoi.run`, but also tells a signal from an exit, kills a run that
/// hangs, and collects output through files (a huge report cannot block on a full pipe).
enum FuzzRun {
    struct Result {
        var reason: Process.TerminationReason
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String], timeout: TimeInterval) throws -> Result {
        let process = Process()
        // CHONOI_FUZZ_EXECUTABLE runs another build of chonoi (an older one, to see what it finds).
        process.executableURL = ProcessInfo.processInfo.environment["CHONOI_FUZZ_EXECUTABLE"].map { URL(fileURLWithPath: $0) }
            ?? Chonoi.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1795132800"
        env["SWIFT_BACKTRACE"] = "enable=no" // a crash is reported here; the backtracer only takes time
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let log = directory.appendingPathComponent("chonoi-output-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            done.signal()
        }
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            done.wait()
        }
        try handle.close()
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        return Result(reason: process.terminationReason, status: process.terminationStatus, output: output, timedOut: timedOut)
    }
}

/// Mutations of a content tree: bytes, truncation, odd YAML, hostile numbers and Markdown,
/// odd names and odd kinds of file. Each returns a short description for the report.
struct Mutator {
    let content: URL
    private let fm = FileManager.default

    init(content: URL) { self.content = content }

    static let hostileEpochs = ["inf", "-inf", "nan", "1e300", "-1", "-99999999999999999999", "99999999999999999999",
                                "253402300800", "garbage", "", " 1795132800", "0x10", "1795132800.5", "0"]

    static let hostileNumbers = [
        "infk", "1e400k", "nank", "-infk", "99999999999999999999tr", "999999999999999999999999", "1e308", "-1e308",
        "1e400", "nan", ".nan", ".inf", "-.inf", "inf", "0", "-0", "-1", "0x1p3", "0x7fffffffffffffff", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "1_000", "1,5 triệu", "1tr999999", "85.000.000.000.000.000.000đ",
        "١٢٣", "１２３", "1e-400", "4.0", "+5", "00000000000000000005", "2147483648", "1tr", "k", "tr2", "999999999999999k",
        "123456789012345678901234567890123456789tr", "\"\"", "[1, 2]", "{a: 1}", "~", "yes", "' '", "9999", "0000", "10000",
    ]

    static let hostilePrices = [
        "infk", "1e400k", "nank", "-infk", "inftr", "1e400 triệu", "99999999999999999999tr", "9999999999999999999999k",
        "123456789012345678901234567890123456789tr", "1e308tr", "1,5e308 triệu", "0x1p62k", "1tr999", "1tr99999999999999999999",
        "85.000.000.000.000.000.000đ", "85,000,000,000,000,000,000 VND", "999999999999999k", "1.7976931348623157e308k", "k", "tr",
        "0k", "-5k", "1e-400k", "NaNk", "Infinityk", "１２３k", "٣k", "1_000k", "+85k", "85 k 5",
    ]

    static let numericKeys = ["price", "ocop", "ocop_year", "min_order", "season", "founded", "per_page", "published",
                              "updated", "phone", "tax_code", "zalo", "draft", "available", "images", "logo", "name",
                              "sector", "kind", "base_url", "language", "unit"]

    static let yamlSnippets: [String] = [
        "anchor: &a [x, y]\nalias: *a\n",
        "a: &a [lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
        "bin: !!binary aGVsbG8=\n", "n: !!int 12\n", "f: !!float .nan\n", "m: !!map {a: 1}\n", "t: !<tag:example.org,2026:x> v\n",
        "c: !custom [1]\n", "? [a, b]\n: complex\n", "<<: {name: merged}\n", "base: &base {name: x}\nother:\n  <<: *base\n",
        "%YAML 1.1\n", "...\n", "--- \n", "name: x\nname: y\n", "\tname: tab\n", "key: \"unterminated\n", "key: 'a''b'\n",
        "key: |\n  literal\n    more\n", "key: >-\n  folded\n", "undefined: *nowhere\n", "self: &s [*s]\n", ": novalue\n",
        "\u{FEFF}bom: inside\n", "name: \"\\u0000\\uFFFF\\U0010FFFF\"\n", "price: !!str 85000\n", "price: &p 85000\nmin_order: *p\n",
        "images: [\"../../../../etc/passwd.png\", \"/etc/x.jpg\", \"~/a.png\", \"..\", \".\", \"a\\\\b.jpg\"]\n",
        "logo: \"lo\u{0302}go.png\"\n", "sector: \"\"\n", "map: {lat: .nan, lng: .inf}\n", "map: {lat: 1e400, lng: -1e400}\n",
        "map: {lat: 91, lng: -181}\n", "map: [1, 2]\n", "address: [a]\n", "season: [0, 13, -1, 99999999999999999999]\n",
        "tags: {a: b}\n", "certifications: [[[a]]]\n", "published: 0000-00-00\n", "updated: 9999-12-31\n", "published: 2026-02-30\n",
    ]

    static let markdownSnippets: [String] = [
        String(repeating: "> ", count: 2000) + "deep quote\n", String(repeating: "*", count: 4000) + "\n",
        String(repeating: "[", count: 4000) + "\n", String(repeating: "_a", count: 2000) + "\n",
        "| " + String(repeating: "a | ", count: 300) + "\n|" + String(repeating: "-|", count: 300) + "\n",
        String(repeating: "a@b.c ", count: 1000) + "\n", String(repeating: "- ", count: 1000) + "list\n",
        String(repeating: "  ", count: 500) + "- indented\n", "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n",
        "[x](javascript:alert(1)) [y](HTTPS://evil.example) ![](http://evil.example/pixel.png) <HTTP://evil.example>\n",
        "{{site.title}} {{{body}}} {{#x}}{{/x}}\n", "\u{202E}gnp.exe\u{0000}\n", String(repeating: "x", count: 100_000) + "\n",
        "```\n" + String(repeating: "`", count: 3000) + "\n", "<!--" + String(repeating: "-", count: 3000) + "\n",
        String(repeating: "&#x", count: 2000) + "\n", String(repeating: "[a]: b\n", count: 1000),
        "---\nname: second front matter\n---\n", String(repeating: "\u{0301}", count: 5000) + "\n",
    ]

    static let oddNames = ["Banh.MD", "banh.markdown", "Bánh Phồng.md", "ba\u{0301}nh.md", "a\u{0309}nh.jpg", " spaced .md",
                           "-dash.md", ".hidden.md", "x.md.md", String(repeating: "n", count: 250) + ".md", "new\nline.md",
                           "index.MD", "index.markdown", "INDEX.md", "logo.PNG", "lo\u{0302}go.png", "con.md", "%2e%2e.md"]

    /// The regular files of the tree, in a stable order.
    func files() -> [String] {
        var result: [String] = []
        if let walker = fm.enumerator(atPath: content.path) {
            for case let path as String in walker {
                var isDirectory: ObjCBool = false
                let full = content.appendingPathComponent(path).path
                if let attributes = try? fm.attributesOfItem(atPath: full), attributes[.type] as? FileAttributeType == .typeRegular,
                   fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    result.append(path)
                }
            }
        }
        return result.sorted()
    }

    /// The folders below the content root (the root itself stays: the tests run inside it).
    func folders() -> [String] {
        var result: [String] = []
        if let walker = fm.enumerator(atPath: content.path) {
            for case let path as String in walker {
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: content.appendingPathComponent(path).path, isDirectory: &isDirectory), isDirectory.boolValue {
                    result.append(path)
                }
            }
        }
        return result.sorted()
    }

    private func bytes(_ path: String) -> [UInt8] { Array((try? Data(contentsOf: content.appendingPathComponent(path))) ?? Data()) }

    private func write(_ path: String, _ bytes: [UInt8]) {
        let url = content.appendingPathComponent(path)
        try? fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(bytes).write(to: url)
    }

    private func textFiles() -> [String] { files().filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") } }

    mutating func mutate<R: RandomNumberGenerator>(using rng: inout R) -> String {
        let all = files(), texts = textFiles()
        guard let anyFile = all.randomElement(using: &rng), let text = texts.randomElement(using: &rng) else {
            write("site.yml", Array("title: x\n".utf8))
            return "rewrote site.yml"
        }
        switch Int.random(in: 0..<14, using: &rng) {
        case 0:
            var b = bytes(text)
            guard !b.isEmpty else { return "nothing to flip" }
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                b[Int.random(in: 0..<b.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            }
            write(text, b)
            return "flipped bytes in \(text)"
        case 1:
            var b = bytes(text)
            let tokens: [[UInt8]] = [[0], [0xFF], [0xC3], [0xE1, 0xBA], [0x0D], [0x0A], Array("---\n".utf8), Array(":".utf8),
                                     Array("[".utf8), Array("{".utf8), Array("&a ".utf8), Array("*a".utf8), Array("!!binary ".utf8),
                                     Array("%".utf8), Array("\t".utf8), Array("\"".utf8), Array("'".utf8), Array("#".utf8),
                                     Array("- ".utf8), Array("? ".utf8), Array("|".utf8), Array("\u{FEFF}".utf8), [0xEF, 0xBB, 0xBF]]
            let token = tokens.randomElement(using: &rng)!
            b.insert(contentsOf: token, at: Int.random(in: 0...b.count, using: &rng))
            write(text, b)
            return "inserted \(token) into \(text)"
        case 2:
            let b = bytes(text)
            let cut = Int.random(in: 0...b.count, using: &rng)
            write(text, Array(b.prefix(cut)))
            return "truncated \(text) at \(cut)"
        case 3:
            var lines = String(decoding: bytes(text), as: UTF8.self).components(separatedBy: "\n")
            guard lines.count > 1 else { return "nothing to shuffle" }
            let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
            if Bool.random(using: &rng) { lines.swapAt(i, j) } else { lines.insert(lines[i], at: j) }
            write(text, Array(lines.joined(separator: "\n").utf8))
            return "moved line \(i) to \(j) in \(text)"
        case 4, 5:
            // Prices are where shop-style text meets number parsing: a third of these go to a
            // product's price, with the shop-style values.
            let toPrice = Int.random(in: 0..<3, using: &rng) == 0
            let key = toPrice ? "price" : Self.numericKeys.randomElement(using: &rng)!
            let value = (toPrice ? Self.hostilePrices : Self.hostileNumbers).randomElement(using: &rng)!
            let text = toPrice ? (texts.filter { $0.contains("/products/") }.randomElement(using: &rng) ?? text) : text
            var lines = String(decoding: bytes(text), as: UTF8.self).components(separatedBy: "\n")
            if let i = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines[i] = key + ": " + value
            } else {
                lines.insert(key + ": " + value, at: min(1, lines.count))
            }
            write(text, Array(lines.joined(separator: "\n").utf8))
            return "\(key): \(value) in \(text)"
        case 6, 7:
            var snippet = Self.yamlSnippets.randomElement(using: &rng)!
            if Int.random(in: 0..<4, using: &rng) == 0 {
                let depth = Int.random(in: 1...20_000, using: &rng)
                snippet = Bool.random(using: &rng)
                    ? "deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
                    : "deep:\n" + String(repeating: "- ", count: depth) + "x\n"
            } else if Int.random(in: 0..<6, using: &rng) == 0 {
                snippet = "huge: [" + String(repeating: "1, ", count: Int.random(in: 1...170_000, using: &rng)) + "1]\n"
            }
            var lines = String(decoding: bytes(text), as: UTF8.self).components(separatedBy: "\n")
            let at = text.hasSuffix(".md") ? min(1, lines.count) : Int.random(in: 0...lines.count, using: &rng)
            lines.insert(snippet, at: at)
            write(text, Array(lines.joined(separator: "\n").utf8))
            return "YAML \(snippet.prefix(40).debugDescription) into \(text)"
        case 8:
            guard let md = texts.filter({ $0.hasSuffix(".md") }).randomElement(using: &rng) else { return "no Markdown" }
            let snippet = Self.markdownSnippets.randomElement(using: &rng)!
            write(md, bytes(md) + Array(snippet.utf8))
            return "Markdown \(snippet.prefix(30).debugDescription) into \(md)"
        case 9:
            let name = Self.oddNames.randomElement(using: &rng)!
            let target = (anyFile as NSString).deletingLastPathComponent
            let to = target.isEmpty ? name : target + "/" + name
            try? fm.moveItem(at: content.appendingPathComponent(anyFile), to: content.appendingPathComponent(to))
            return "renamed \(anyFile) to \(to.debugDescription)"
        case 10:
            let url = content.appendingPathComponent(anyFile)
            try? fm.removeItem(at: url)
            switch Int.random(in: 0..<7, using: &rng) {
            case 0:
                _ = mkfifo(url.path, 0o644)
                return "\(anyFile) is a FIFO"
            case 1:
                try? fm.createDirectory(at: url, withIntermediateDirectories: true)
                return "\(anyFile) is a folder"
            case 2:
                try? fm.createSymbolicLink(atPath: url.path, withDestinationPath: "/etc/passwd")
                return "\(anyFile) links to /etc/passwd"
            case 3:
                try? fm.createSymbolicLink(atPath: url.path, withDestinationPath: url.lastPathComponent)
                return "\(anyFile) links to itself"
            case 4:
                try? fm.createSymbolicLink(atPath: url.path, withDestinationPath: "missing-\(UUID().uuidString)")
                return "\(anyFile) is a dangling link"
            case 5:
                write(anyFile, [])
                return "\(anyFile) is empty"
            default:
                return "removed \(anyFile)"
            }
        case 11:
            guard let folder = folders().randomElement(using: &rng) else { return "no folder" }
            let url = content.appendingPathComponent(folder)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0:
                try? fm.removeItem(at: url)
                try? fm.createSymbolicLink(atPath: url.path, withDestinationPath: "/tmp")
                return "\(folder) links to /tmp"
            case 1:
                try? fm.removeItem(at: url)
                _ = mkfifo(url.path, 0o644)
                return "\(folder) is a FIFO"
            case 2:
                let deep = (0..<40).map { "d\($0)" }.joined(separator: "/")
                try? fm.createDirectory(at: url.appendingPathComponent(deep), withIntermediateDirectories: true)
                return "deep folders in \(folder)"
            case 3:
                try? fm.removeItem(at: url)
                write(folder, Array("not a folder".utf8))
                return "\(folder) is a file"
            default:
                _ = mkfifo(url.appendingPathComponent("pipe.md").path, 0o644)
                return "FIFO pipe.md in \(folder)"
            }
        case 12:
            let size = [EntrySize.justUnder, EntrySize.over].randomElement(using: &rng)!
            write(text, bytes(text) + Array(repeating: UInt8(ascii: "a"), count: size))
            return "\(text) grown by \(size) bytes"
        default:
            let name = Self.oddNames.randomElement(using: &rng)!
            let source = bytes(all.first { $0.hasSuffix("banh-phong-tom.md") } ?? text)
            let folder = ["businesses/banh-phong-sa-giang/products", "businesses/banh-phong-sa-giang", "businesses"]
                .randomElement(using: &rng)!
            write(folder + "/" + name, source)
            return "added \((folder + "/" + name).debugDescription)"
        }
    }

    enum EntrySize {
        static let justUnder = 500 * 1024
        static let over = 600 * 1024
    }
}
