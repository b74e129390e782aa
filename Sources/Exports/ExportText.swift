/// What every export does to seller text before writing it: drops the characters no
/// export may carry. XML 1.0 forbids most C0 controls, and none of C0 (but tab and line feed),
/// DEL, C1 or the non-characters U+FFFE/U+FFFF means anything in a name or description,
/// so JSON, CSV and the feed all drop them and stay equal to one another.
///
/// On UTF-8 bytes: in a String's (valid) UTF-8, C1 controls are C2 80…C2 9F and U+FFFE/U+FFFF
/// are EF BF BE/EF BF BF, and neither C2 nor EF is ever a continuation byte.
enum ExportText {
    static func clean(_ s: String) -> String {
        withCleanUTF8(s) { clean in
            clean.count == s.utf8.count ? s : String(decoding: clean, as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 of `s` without the dropped characters: the String's own
    /// bytes when it has none (most seller text), else a cleaned copy.
    static func withCleanUTF8<Result>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var s = s
        return try s.withUTF8 { utf8 in
            guard let first = firstDropped(utf8) else { return try body(utf8) }
            var clean: [UInt8] = []
            clean.reserveCapacity(utf8.count)
            appendClean(utf8, from: first, to: &clean)
            return try clean.withUnsafeBufferPointer(body)
        }
    }

    /// Appends the UTF-8 of `s` without the dropped characters.
    static func appendClean(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            if let first = firstDropped(utf8) {
                appendClean(utf8, from: first, to: &out)
            } else {
                out.append(contentsOf: utf8)
            }
        }
    }

    /// The offset and length of the first dropped character from `start`, if any.
    static func firstDropped(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> (offset: Int, length: Int)? {
        mayDrop.withUnsafeBufferPointer { mayDrop in
            var i = start
            while i < utf8.count {
                let b = utf8[i]
                if mayDrop[Int(b)] {
                    if b == 0xC2 {
                        if i + 1 < utf8.count && utf8[i + 1] <= 0x9F { return (i, 2) }
                    } else if b == 0xEF {
                        if i + 2 < utf8.count && utf8[i + 1] == 0xBF && utf8[i + 2] >= 0xBE { return (i, 3) }
                    } else {
                        return (i, 1)
                    }
                }
                i += 1
            }
            return nil
        }
    }

    /// For each byte value, whether it is or may start a dropped character: the C0 controls but
    /// tab and line feed, DEL, and the lead bytes C2 (C1 controls) and EF (U+FFFE, U+FFFF).
    /// A table look-up per byte keeps the common case (nothing dropped) fast.
    private static let mayDrop: [Bool] = (0...255).map { b in
        (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xEF
    }

    /// Copies the runs between dropped characters, the first of which is `first`.
    private static func appendClean(_ utf8: UnsafeBufferPointer<UInt8>, from first: (offset: Int, length: Int),
                                    to out: inout [UInt8]) {
        var run = 0
        var dropped: (offset: Int, length: Int)? = first
        while let (offset, length) = dropped {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<offset]))
            run = offset + length
            dropped = firstDropped(utf8, from: run)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }
}
