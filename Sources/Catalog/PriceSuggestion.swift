import Foundation

/// Guesses the whole-đồng number a seller meant by a price written the way shops write it:
/// `85.000`, `85,000 đ`, `85k`, `1,5 triệu`, `1tr2`. The guess goes into the error message;
/// it is never used silently, because a wrong price is worse than no price.
enum PriceSuggestion {
    static func suggest(for raw: String) -> String? {
        var s = raw.lowercased().filter { !$0.isWhitespace }
        for suffix in ["vnđ", "vnd", "đồng", "dong", "đ", "₫", "d"] where s.hasSuffix(suffix) {
            s.removeLast(suffix.count)
            break
        }
        if s.isEmpty { return nil }
        if let n = grouped(s) { return n > 0 ? String(n) : nil }
        for (suffix, factor) in [("triệu", 1_000_000), ("tr", 1_000_000), ("k", 1_000), ("nghìn", 1_000), ("ngàn", 1_000)] {
            if let range = s.range(of: suffix) {
                let head = String(s[..<range.lowerBound]), tail = String(s[range.upperBound...])
                guard let amount = scaled(head, factor: factor) else { return nil }
                // "1tr2" means 1,200,000: the digits after the unit are the next place value.
                if !tail.isEmpty {
                    guard tail.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), tail.count <= 3 else { return nil }
                    let place = factor / Int(pow10(tail.count))
                    return String(amount + Int(tail)! * place)
                }
                return String(amount)
            }
        }
        return nil
    }

    /// "85.000", "85,000", "1.250.000": digits in groups of three.
    private static func grouped(_ s: String) -> Int? {
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard parts.allSatisfy({ part in !part.isEmpty && part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }) else { return nil }
        if parts.count == 1 { return Int(parts[0]) }
        guard parts.dropFirst().allSatisfy({ $0.count == 3 }), parts[0].count <= 3 else { return nil }
        return Int(parts.joined())
    }

    /// The largest suggestion: a price beyond a million billion đồng is not a shop price, and
    /// every number up to it converts to `Int` exactly.
    static let largest = 1_000_000_000_000_000.0

    /// "1,5" with factor 1,000,000 is 1,500,000. Only plain decimals: `Double` also reads
    /// `inf`, `nan`, `1e400` and `0x1p3`, which are no prices and must not reach `Int(_:)`.
    private static func scaled(_ s: String, factor: Int) -> Int? {
        let normalized = s.replacingOccurrences(of: ",", with: ".")
        guard !normalized.isEmpty, normalized.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }),
              let d = Double(normalized), d.isFinite, d > 0 else { return nil }
        let amount = (d * Double(factor)).rounded()
        guard amount.isFinite, amount >= 1, amount <= largest else { return nil }
        return Int(amount)
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}
