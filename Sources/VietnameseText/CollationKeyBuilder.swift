/// Builds `VietnameseCollation` keys the way ICU builds them: each letter contributes a primary
/// weight (which letter), a secondary (its marks) and a tertiary (its case); the key is all
/// primaries, then all secondaries, then all tertiaries, then the NFC bytes as a final
/// tie-break, so comparing keys byte-wise compares level by level.
///
/// Primaries are 2-byte units whose first byte is never 0, and the levels are separated by a
/// 0 byte, so a string that is a prefix of another sorts first at every level.
struct CollationKeyBuilder {
    private var primary: [UInt8] = []
    private var secondary: [UInt8] = []
    private var tertiary: [UInt8] = []
    // A letter is held back until its combining marks have been seen, because NFD spells
    // "ậ" as a + dot below + circumflex and the circumflex still makes it the letter â.
    private var letter: CollationTable.Letter?
    private var letterMarks: [UInt8] = []
    private var digits: [UInt8] = []
    private var inNumber = false

    static func key(for s: String) -> [UInt8] {
        let nfc = UnicodeText.nfc(s)
        var builder = CollationKeyBuilder()
        builder.primary.reserveCapacity(nfc.utf8.count * 2)
        let table = CollationTable.shared
        for scalar in nfc.unicodeScalars {
            builder.add(scalar, table)
        }
        builder.flushLetter()
        builder.flushNumber()
        var key = builder.primary
        key.append(0)
        key += builder.secondary
        key.append(0)
        key += builder.tertiary
        key.append(0)
        key += nfc.utf8
        return key
    }

    private mutating func add(_ scalar: Unicode.Scalar, _ table: CollationTable) {
        let v = scalar.value
        if v >= 0x30 && v <= 0x39 {
            flushLetter()
            inNumber = true
            // Leading zeros do not change a number's value ("07" sorts with "7").
            if !(digits.isEmpty && v == 0x30) { digits.append(UInt8(v - 0x30)) }
            return
        }
        flushNumber()
        if let decomposed = table.letter(v) {
            flushLetter()
            letter = decomposed.letter
            for m in decomposed.marks { addMark(CollationTable.markWeight(m) ?? CollationTable.otherMark, m.value) }
            return
        }
        if v >= 0x80, let weight = CollationTable.markWeight(scalar) {
            addMark(weight, v)
            return
        }
        flushLetter()
        emitOther(scalar)
    }

    private mutating func addMark(_ weight: UInt8, _ mark: UInt32) {
        if var l = letter {
            if !l.contracted && l.second == 0, let upgraded = CollationTable.contract(l.index, mark) {
                l.index = upgraded
                l.contracted = true
                letter = l
                return
            }
            letterMarks.append(weight)
        } else {
            secondary.append(weight)
        }
    }

    private mutating func flushLetter() {
        guard let l = letter else { return }
        emitLetterUnit(l.index, upper: l.upper)
        if l.second != 0 { emitLetterUnit(l.second, upper: l.upper) }
        if l.isVariant { secondary.append(CollationTable.variantMark) }
        secondary += letterMarks
        letterMarks.removeAll(keepingCapacity: true)
        letter = nil
    }

    private mutating func emitLetterUnit(_ index: UInt8, upper: Bool) {
        primary.append(CollationTable.letterGroup)
        primary.append(index)
        secondary.append(CollationTable.common)
        tertiary.append(upper ? 2 : 1)
    }

    private mutating func flushNumber() {
        guard inNumber else { return }
        primary.append(CollationTable.numberGroup)
        primary.append(UInt8(min(digits.count, 255)))
        for d in digits {
            primary.append(CollationTable.digitGroup)
            primary.append(d)
        }
        for _ in 0...digits.count {
            secondary.append(CollationTable.common)
            tertiary.append(1)
        }
        digits.removeAll(keepingCapacity: true)
        inNumber = false
    }

    private mutating func emitOther(_ scalar: Unicode.Scalar) {
        let units = CollationTable.otherPrimary(scalar)
        primary += units
        for _ in 0..<(units.count / 2) {
            secondary.append(CollationTable.common)
            tertiary.append(1)
        }
    }
}
