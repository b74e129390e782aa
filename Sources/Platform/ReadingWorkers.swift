import Foundation

/// A parallel loop for work that reads files: twice as many threads as cores, taking the next
/// index as each finishes. `DispatchQueue.concurrentPerform` runs one thread a core, so a
/// thread that waits for the disk leaves its core idle; with the catalog partly out of the page
/// cache (a fresh runner, or a machine whose cache was taken by other work), the first reading
/// of a 10,000-business catalog ran on 1.4 of 2 cores for its first two seconds.
public enum ReadingWorkers {
    /// `body(0) … body(iterations - 1)`, each once, in no particular order; returns when all
    /// have returned. The calling thread is one of the workers.
    public static func perform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = min(iterations, 2 * ProcessInfo.processInfo.activeProcessorCount)
        guard threads > 1 else {
            for i in 0..<iterations { body(i) }
            return
        }
        let next = Counter()
        let done = DispatchGroup()
        let work: @Sendable () -> Void = {
            while case let i = next.take(), i < iterations { body(i) }
        }
        for _ in 1..<threads {
            done.enter()
            let thread = Thread {
                work()
                done.leave()
            }
            thread.start()
        }
        work()
        done.wait()
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value - 1
        }
    }
}
