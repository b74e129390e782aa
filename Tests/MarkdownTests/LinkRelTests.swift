@testable import Markdown
import XCTest

/// `LinkRel.addNofollow` jumps from "<" to "<"; it must write what a walk over every byte wrote.
final class LinkRelTests: XCTestCase {
    private func byteByByte(_ html: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        func at(_ word: [UInt8], _ k: Int, ignoringCase: Bool = false) -> Bool {
            guard k + word.count <= html.count else { return false }
            return word.indices.allSatisfy { j in
                var c = html[k + j]
                if ignoringCase && (0x41...0x5A).contains(c) { c |= 0x20 }
                return c == word[j]
            }
        }
        while i < html.count {
            if html[i] == UInt8(ascii: "<"), at(LinkRel.needle, i) {
                out += Array("<a".utf8)
                if !LinkRel.local.contains(where: { at($0, i + LinkRel.needle.count, ignoringCase: true) }) { out += LinkRel.insert }
                out += Array(" href=\"".utf8)
                i += LinkRel.needle.count
            } else {
                out.append(html[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testSameAsTheByteWalk() {
        let pieces = ["<a href=\"", "https://a.vn", "MAILTO:x@y.vn", "tel:0901", "<", "<a", "<a href", "\">", "</a>", "bánh phồng tôm ", "&lt;", "<p>"]
        var state: UInt64 = 3
        for n in 0..<500 {
            var html = ""
            for _ in 0..<(n % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                html += pieces[Int(state >> 33) % pieces.count]
            }
            let bytes = Array(html.utf8)
            let actual = String(decoding: bytes.withUnsafeBufferPointer { LinkRel.addNofollow($0) }, as: UTF8.self)
            XCTAssertEqual(actual, byteByByte(bytes), html)
        }
    }
}
