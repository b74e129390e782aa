#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Platform

/// A scratch file for what a build writes once and reads back later in another order (cards for
/// the sector pages, search records for the index), so it is not held in memory: at 50,000
/// businesses that is hundreds of megabytes. The file is removed from its folder as soon as it
/// is opened, so nothing is left behind whatever happens to the build; it lives, on the output's
/// file system, until it is closed.
///
/// Appends come from one thread at a time; reads (after `finishWriting`) from any number.
final class SpillFile: @unchecked Sendable {
    private let fd: Int32
    private var pending: [UInt8] = []
    /// Bytes written so far, pending ones included: where the next append starts.
    private(set) var size = 0
    private static let pieceSize = 1 << 20

    /// A new, empty file in `folder`.
    init(in folder: String, name: String) throws {
        let path = folder + "/.chonoi-\(name)-\(getpid())"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OutputFolder.Failure.io("cannot create \(path): \(SystemCalls.describe(errno))") }
        unlink(path)
        pending.reserveCapacity(Self.pieceSize)
    }

    deinit { close(fd) }

    /// Appends `bytes`; returns where they start.
    @discardableResult
    func append<Bytes: Collection>(_ bytes: Bytes) throws -> Int where Bytes.Element == UInt8 {
        let start = size
        pending.append(contentsOf: bytes)
        size += bytes.count
        if pending.count >= Self.pieceSize { try flush() }
        return start
    }

    /// Writes what is still pending; reads see everything appended before.
    func finishWriting() throws { try flush() }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        guard SystemCalls.writeAll(fd, pending) else { throw OutputFolder.Failure.io("cannot write a scratch file: \(SystemCalls.describe(errno))") }
        pending.removeAll(keepingCapacity: true)
    }

    /// `count` bytes from `offset` (written and finished before).
    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var failure: String?
        // Filled by `pread` without zeroing it first (the exports read a megabyte at a time).
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failure = n < 0 ? SystemCalls.describe(errno) : "it is shorter than written"
                    break
                }
                done += n
            }
            initialized = done
        }
        if let failure { throw OutputFolder.Failure.io("cannot read a scratch file: \(failure)") }
        return bytes
    }
}

/// Reads a `SpillFile` mostly in order, a megabyte at a time, for one thread.
final class SpillReader {
    private let file: SpillFile
    private var window: [UInt8] = []
    private var windowStart = 0

    init(_ file: SpillFile) { self.file = file }

    /// Bytes `range` of the file, as a slice of the window.
    func bytes(_ range: Range<Int>) throws -> ArraySlice<UInt8> {
        if range.lowerBound < windowStart || range.upperBound > windowStart + window.count {
            windowStart = range.lowerBound
            window = try file.read(at: range.lowerBound, count: max(range.count, min(1 << 20, file.size - range.lowerBound)))
        }
        return window[(range.lowerBound - windowStart)..<(range.upperBound - windowStart)]
    }
}

/// Cards kept in a `SpillFile` instead of memory, for `chonoi build`: appended as each business
/// is rendered (in plan order), read back by the sector and home pages.
final class SpilledCards: CardShelf, @unchecked Sendable {
    private let file: SpillFile
    /// Where each card starts; one more entry at the end, where the last one ends.
    private var bounds: [Int] = [0]
    /// The index in `bounds` of each business's card; its products' cards follow it.
    private var firstCard: [Int32] = []

    /// For `businesses` businesses with `products` products in all (the arrays are made to
    /// size at once: grown by doubling, they would keep up to twice that).
    init(in folder: String, businesses: Int, products: Int) throws {
        file = try SpillFile(in: folder, name: "cards")
        bounds.reserveCapacity(1 + businesses + products)
        firstCard.reserveCapacity(businesses)
    }

    /// The cards of the next business of the plan.
    func append(business card: String, products: [String]) throws {
        firstCard.append(Int32(bounds.count - 1))
        for text in [card] + products {
            try file.append(text.utf8)
            bounds.append(file.size)
        }
    }

    func finishWriting() throws { try file.finishWriting() }

    private func card(_ index: Int) throws -> String {
        String(decoding: try file.read(at: bounds[index], count: bounds[index + 1] - bounds[index]), as: UTF8.self)
    }

    func businessCard(_ business: Int) throws -> String { try card(Int(firstCard[business])) }

    func productCard(_ ref: SitePlan.ProductRef) throws -> String { try card(Int(firstCard[Int(ref.business)]) + 1 + Int(ref.product)) }
}
