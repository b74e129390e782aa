// Writes the search index from a records file (catalog-records.py output) and times only the
// writer: bench/search/run builds this in a throwaway package outside the repository, so the
// index can be measured without the rest of the site build.
import Foundation
import Search

struct Row: Decodable {
    let kind: String, url: String, name: String, businessName: String, sectorID: String, sectorName: String
    let place: String, price: String, ocop: Int?, text: String, keywords: String
}

/// Peak resident memory so far, from Linux's /proc (0 elsewhere).
func peakKB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

let args = CommandLine.arguments
guard args.count == 3 else { fatalError("usage: harness RECORDS.json INDEX-DIR") }
let records = try JSONDecoder().decode([Row].self, from: Data(contentsOf: URL(fileURLWithPath: args[1]))).map {
    SearchRecord(kind: $0.kind == "b" ? .business : .product, url: $0.url, name: $0.name, businessName: $0.businessName,
                 sectorID: $0.sectorID, sectorName: $0.sectorName, place: $0.place, price: $0.price, ocop: $0.ocop,
                 text: $0.text, keywords: $0.keywords)
}
// Forget the decoder's peak (Linux: "5" resets VmHWM to the current RSS).
try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
let before = peakKB()
var times: [Double] = []
var summary: SearchIndexSummary?
for run in 0..<3 {
    // The first run writes a fresh directory; later ones find identical files and skip them.
    if run == 0 { try? FileManager.default.removeItem(atPath: args[2]) }
    let start = Date()
    summary = try SearchIndexWriter.write(records, to: args[2])
    times.append(Date().timeIntervalSince(start))
}
let s = summary!
print(String(format: "writer: %d records -> %d files, %d words, %d term shards, %d stop words; fresh %.2f s, rewrite %.2f s; peak RSS +%d MB",
             s.records, s.files, s.terms, s.termShards, s.stopWords.count, times[0], times[1...].min()!, (peakKB() - before) / 1024))
