import Foundation
import XCTest
@testable import Markdown

/// cmark-gfm's parser rewrites process-global state when strikethrough or autolink are
/// attached; unlocked parallel parsing lost autolinks in prototypes. These bodies are full of
/// both, so a parse that clears the table under another's feet shows up as outputs that differ
/// from a serial run.
final class ConcurrencyTests: XCTestCase {
    #if os(Linux)
    func testParsesRunAtOnceWhereTheLibraryCallsOurStandIn() {
        // With GNU ld and glibc the library's call goes through its PLT to the executable's
        // definition (CMarkInlines): parsing needs no lock, and the test below runs unlocked.
        XCTAssertFalse(CMarkDocument.parsesTakeTurns)
    }
    #endif

    func testParallelRenderingMatchesSerial() {
        let bodies = (0..<2_000).map { i in
            """
            ## Sản phẩm \(i)

            Giá ~~\(i + 100).000~~ **\(i).000 ₫**, xem www.shop\(i).vn hoặc https://a.vn/p/\(i) và \
            lh\(i)@shop.vn. _Giao_ ~tận~ nơi: [bản đồ](https://maps.example/\(i)).

            - [x] OCOP \(i % 5) sao
            - [ ] ~~hết hàng~~

            | a | b |
            |---|---|
            | \(i) | www.b\(i).vn |
            """
        }
        let serial = bodies.map(MarkdownRenderer.html)
        var parallel = [String](repeating: "", count: bodies.count)
        let lock = NSLock()
        let threads = 8
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in stride(from: t, to: bodies.count, by: threads) {
                let html = MarkdownRenderer.html(bodies[i])
                lock.lock()
                parallel[i] = html
                lock.unlock()
            }
        }
        let mismatches = (0..<bodies.count).filter { serial[$0] != parallel[$0] }
        XCTAssertEqual(mismatches, [])
        XCTAssertTrue(serial[7].contains("href=\"http://www.shop7.vn\""))
        XCTAssertTrue(serial[7].contains("<del>107.000</del>"))
        XCTAssertTrue(serial[7].contains("href=\"mailto:lh7@shop.vn\""))
    }
}
