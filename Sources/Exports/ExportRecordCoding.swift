/// The export records as bytes, for a build that keeps them in a scratch file between rendering
/// each business and writing the exports (at 10,000 businesses they are over 100 MB of text,
/// mostly descriptions). `init(encoded:)` gives back the record `encode(into:)` was given,
/// field for field; ExportsTests checks that no field is left out.
extension BusinessRecord {
    public func encode(into bytes: inout [UInt8]) {
        var w = RecordWriter(bytes: bytes)
        defer { bytes = w.bytes }
        w.text(id); w.text(name); w.text(kind); w.text(kindLabel); w.text(sector); w.text(sectorName)
        w.text(street); w.text(ward); w.text(province); w.text(phone); w.text(zalo); w.text(email); w.text(website)
        w.text(taxCode); w.integer(founded); w.texts(certifications); w.number(latitude); w.number(longitude)
        w.text(url); w.text(logo); w.integer(productCount); w.text(description)
    }

    public init(encoded bytes: ArraySlice<UInt8>) {
        var r = RecordReader(bytes: bytes)
        self.init(id: r.text(), name: r.text(), sector: "", sectorName: "", url: "")
        kind = r.optionalText(); kindLabel = r.optionalText(); sector = r.text(); sectorName = r.text()
        street = r.optionalText(); ward = r.optionalText(); province = r.optionalText(); phone = r.optionalText()
        zalo = r.optionalText(); email = r.optionalText(); website = r.optionalText(); taxCode = r.optionalText()
        founded = r.optionalInteger(); certifications = r.texts(); latitude = r.optionalNumber(); longitude = r.optionalNumber()
        url = r.text(); logo = r.optionalText(); productCount = r.integer(); description = r.text()
    }
}

extension ProductRecord {
    public func encode(into bytes: inout [UInt8]) {
        var w = RecordWriter(bytes: bytes)
        defer { bytes = w.bytes }
        w.text(business); w.text(slug); w.text(businessName); w.text(name); w.text(sector); w.text(sectorName)
        w.integer(price); w.text(unit); w.boolean(available); w.integer(ocopStars); w.integer(ocopYear); w.integer(minOrder)
        w.text(delivery); w.integers(season); w.texts(tags); w.text(published); w.text(updated); w.text(url)
        w.texts(images); w.text(description); w.text(place)
    }

    public init(encoded bytes: ArraySlice<UInt8>) {
        var r = RecordReader(bytes: bytes)
        self.init(business: r.text(), slug: r.text(), businessName: r.text(), name: r.text(), sector: r.text(), sectorName: r.text(), url: "")
        price = r.optionalInteger(); unit = r.optionalText(); available = r.boolean(); ocopStars = r.optionalInteger()
        ocopYear = r.optionalInteger(); minOrder = r.optionalInteger(); delivery = r.optionalText(); season = r.integers()
        tags = r.texts(); published = r.optionalText(); updated = r.optionalText(); url = r.text(); images = r.texts()
        description = r.text(); place = r.text()
    }
}

/// Fields as bytes: integers little-endian, text as its length and UTF-8, an optional as a
/// presence byte before its value.
private struct RecordWriter {
    var bytes: [UInt8]

    mutating func raw<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ s: String) {
        raw(UInt32(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }

    mutating func text(_ s: String?) {
        bytes.append(s == nil ? 0 : 1)
        if let s { text(s) }
    }

    mutating func integer(_ n: Int) { raw(Int64(n)) }

    mutating func integer(_ n: Int?) {
        bytes.append(n == nil ? 0 : 1)
        if let n { integer(n) }
    }

    mutating func number(_ d: Double?) {
        bytes.append(d == nil ? 0 : 1)
        if let d { raw(d.bitPattern) }
    }

    mutating func boolean(_ b: Bool) { bytes.append(b ? 1 : 0) }

    mutating func texts(_ list: [String]) {
        raw(UInt32(list.count))
        for s in list { text(s) }
    }

    mutating func integers(_ list: [Int]) {
        raw(UInt32(list.count))
        for n in list { integer(n) }
    }
}

private struct RecordReader {
    let bytes: ArraySlice<UInt8>
    var at: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        at = bytes.startIndex
    }

    mutating func raw<T: FixedWidthInteger>(_: T.Type) -> T {
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[at..<at + MemoryLayout<T>.size]) }
        at += MemoryLayout<T>.size
        return T(littleEndian: value)
    }

    private mutating func present() -> Bool {
        defer { at += 1 }
        return bytes[at] == 1
    }

    mutating func text() -> String {
        let count = Int(raw(UInt32.self))
        defer { at += count }
        return String(decoding: bytes[at..<at + count], as: UTF8.self)
    }

    mutating func optionalText() -> String? { present() ? text() : nil }
    mutating func integer() -> Int { Int(raw(Int64.self)) }
    mutating func optionalInteger() -> Int? { present() ? integer() : nil }
    mutating func optionalNumber() -> Double? { present() ? Double(bitPattern: raw(UInt64.self)) : nil }
    mutating func boolean() -> Bool { present() }

    mutating func texts() -> [String] { (0..<Int(raw(UInt32.self))).map { _ in text() } }
    mutating func integers() -> [Int] { (0..<Int(raw(UInt32.self))).map { _ in integer() } }
}
