import Dispatch

/// Lets `DispatchQueue.concurrentPerform` fill distinct slots of one buffer. Each index is
/// written by one thread only, which Swift's concurrency checker cannot see; the loader, the
/// validator, the build and the preview all fill their results this way.
public struct Slots<T>: @unchecked Sendable {
    public let base: UnsafeMutableBufferPointer<T>
    public init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}

extension Slots {
    /// `body(0) … body(count - 1)`, run on every core, in that order in the result.
    public static func map(_ count: Int, _ body: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots<T?>(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { slots.base[$0] = body($0) }
        }
        return results.map { $0! }
    }
}
