/// Lets `DispatchQueue.concurrentPerform` fill distinct slots of one buffer. Each index is
/// written by one thread only, which Swift's concurrency checker cannot see; the loader, the
/// validator, the build and the preview all fill their results this way.
public struct Slots<T>: @unchecked Sendable {
    public let base: UnsafeMutableBufferPointer<T>
    public init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}
