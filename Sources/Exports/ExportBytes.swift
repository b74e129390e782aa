/// Appending to an export's UTF-8 bytes without making a String first.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// The decimal digits of `n`, as `String(n)` writes them.
    mutating func append(decimal n: Int) {
        if n < 0 { append(UInt8(ascii: "-")) }
        let start = count
        var magnitude = n.magnitude
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        self[start...].reverse()  // written lowest digit first
    }
}
