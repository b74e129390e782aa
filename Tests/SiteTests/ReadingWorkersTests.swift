import Foundation
import Platform
import XCTest

/// The first reading of a catalog waits on the disk when the catalog is not in the page cache:
/// its loop must keep more threads going than there are cores, and still run each folder once.
final class ReadingWorkersTests: XCTestCase {
    func testEveryIndexRunsExactlyOnce() {
        for iterations in [0, 1, 2, 7, 1_000] {
            let seen = Tally(iterations)
            ReadingWorkers.perform(iterations: iterations) { seen.add($0) }
            XCTAssertEqual(seen.counts, Array(repeating: 1, count: iterations), "\(iterations) iterations")
        }
    }

    func testThreadsThatWaitDoNotHoldUpTheOthers() {
        // Twice as many bodies as cores are in flight at once: each waits until all of them
        // have started, which one thread a core (concurrentPerform) would never reach.
        let together = 2 * ProcessInfo.processInfo.activeProcessorCount
        let started = Tally(1)
        let allStarted = DispatchSemaphore(value: 0)
        let reached = Tally(1)
        ReadingWorkers.perform(iterations: together) { _ in
            if started.add(0) == together {
                for _ in 0..<together { allStarted.signal() }
            }
            if allStarted.wait(timeout: .now() + 10) == .success { reached.add(0) }
        }
        XCTAssertEqual(reached.counts, [together], "every body saw the others start")
    }

    private final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [Int]

        init(_ count: Int) { counts = Array(repeating: 0, count: count) }

        @discardableResult
        func add(_ i: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            counts[i] += 1
            return counts[i]
        }
    }
}
