#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Each rendering thread's own copy of the compiled templates.
///
/// Reading a template's strings and lists retains and releases them. When two threads render
/// with the same objects, every one of those counts is an atomic write to memory the other core
/// also writes, and the cache line moves between the cores each time: with the templates
/// shared, retains were 15 % of rendering, against 5 % on one core. A copy per thread (a few
/// tens of kilobytes) makes those counts private, hence cheap.
final class ThreadCopies: @unchecked Sendable {
    /// Every compiled library has its number; a thread keeps copies of the last few it rendered.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var nextSerial = 0

    static func serial() -> Int {
        lock.withLock {
            nextSerial += 1
            return nextSerial
        }
    }

    /// The copies one thread holds, newest first.
    private final class Shelf {
        var copies: [(serial: Int, templates: [String: CompiledTemplate])] = []
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { shelf in
            // The thread ends: its copies go with it.
            #if canImport(Darwin)
            Unmanaged<Shelf>.fromOpaque(shelf).release()
            #else
            if let shelf { Unmanaged<Shelf>.fromOpaque(shelf).release() }
            #endif
        }
        return key
    }()

    /// This thread's copy of `templates`, made on its first use here.
    static func local(_ templates: [String: CompiledTemplate], serial: Int) -> [String: CompiledTemplate] {
        let shelf: Shelf
        if let stored = pthread_getspecific(key) {
            shelf = Unmanaged<Shelf>.fromOpaque(stored).takeUnretainedValue()
        } else {
            shelf = Shelf()
            pthread_setspecific(key, Unmanaged.passRetained(shelf).toOpaque())
        }
        if let found = shelf.copies.first(where: { $0.serial == serial }) { return found.templates }
        let copy = templates.mapValues { $0.copy() }
        // `chonoi serve` compiles the theme again when it changes: old copies are dropped.
        shelf.copies.insert((serial, copy), at: 0)
        if shelf.copies.count > 4 { shelf.copies.removeLast() }
        return copy
    }
}

extension CompiledTemplate {
    /// A copy that shares no storage with this one.
    func copy() -> CompiledTemplate {
        CompiledTemplate(nodes: Array(nodes), texts: texts.map(\.unshared), names: names.map { $0.copy() },
                         bodies: bodies.map { $0.copy() }, partials: partials.map { $0.copy() }, escapings: escapings)
    }
}

extension TemplateName {
    func copy() -> TemplateName { TemplateName(root: root, parts: parts.map(\.unshared), transforms: transforms.map(\.unshared)) }
}

extension PartialCall {
    func copy() -> PartialCall {
        let target: Target
        switch self.target {
        case .named(let name): target = .named(name.unshared)
        case .valueOf(let name): target = .valueOf(name.copy())
        }
        return PartialCall(target: target, indentation: indentation?.unshared, overrides: overrides?.mapValues { $0.copy() })
    }
}

extension String {
    /// The same text in storage of its own (a copy of a `String` shares its storage).
    var unshared: String { String(decoding: Array(utf8), as: UTF8.self) }
}
