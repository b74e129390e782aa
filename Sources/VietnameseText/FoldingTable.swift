/// ASCII transliteration of every scalar in U+0080–U+024F and U+1E00–U+1EFF.
///
/// Why a table: ICU's "Any-Latin; Latin-ASCII; Lower" is right but costs a Foundation bridge
/// and a transliterator per string; folding 50,000 descriptions must not. The rows were produced
/// by that ICU transform (one scalar at a time), so the table is a frozen copy of ICU's answer
/// that does not drift with the ICU version of the machine; `FoldingTableTests` re-checks every
/// entry against the live transform. Deliberate differences from ICU: soft hyphen U+00AD is
/// dropped (it is invisible, ICU makes it "-"), ª º ¹ ² ³ become a o 1 2 3 (ICU keeps them), and
/// Ƕ Ƞ are folded twice (ICU gives ƕ ƞ, which it folds to hv n) so folding is idempotent.
///
/// Row format: the first scalar of the row in hex, then one token per scalar.
/// "-" is a word break, "~" is dropped, anything else is the folded text, where an inner "-"
/// is a word break. Non-ASCII tokens are letters ICU has no ASCII form for; they are kept.
struct FoldingTable: Sendable {
    static let shared = FoldingTable(rows: rows)

    static let latinRange: ClosedRange<UInt32> = 0x80...0x24F
    static let additionalRange: ClosedRange<UInt32> = 0x1E00...0x1EFF

    /// Folded bytes of all entries back to back; 0x20 marks a word break.
    let bytes: [UInt8]
    /// Per scalar: start offset in `bytes` << 8 | length.
    let latin: [UInt32]
    let additional: [UInt32]

    init(rows: String) {
        var bytes: [UInt8] = []
        var packed: [UInt32: UInt32] = [:]
        for line in rows.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let first = fields.first, var scalar = UInt32(first, radix: 16) else {
                preconditionFailure("FoldingTable: bad row \(line)")
            }
            for token in fields.dropFirst() {
                let start = UInt32(bytes.count)
                switch token {
                case "~": break
                case "-": bytes.append(0x20)
                default: bytes.append(contentsOf: token.utf8.map { $0 == UInt8(ascii: "-") ? 0x20 : $0 })
                }
                packed[scalar] = start << 8 | (UInt32(bytes.count) - start)
                scalar += 1
            }
        }
        func table(_ range: ClosedRange<UInt32>) -> [UInt32] {
            range.map { scalar in
                guard let entry = packed[scalar] else { preconditionFailure("FoldingTable: U+\(String(scalar, radix: 16)) missing") }
                return entry
            }
        }
        self.bytes = bytes
        self.latin = table(Self.latinRange)
        self.additional = table(Self.additionalRange)
    }

    /// The packed entry for `scalar`, or nil outside the table's ranges.
    @inline(__always)
    func entry(_ scalar: UInt32) -> UInt32? {
        if scalar >= 0x80 && scalar <= 0x24F { return latin[Int(scalar - 0x80)] }
        if scalar >= 0x1E00 && scalar <= 0x1EFF { return additional[Int(scalar - 0x1E00)] }
        return nil
    }

    /// The folded text of `scalar` with word breaks as spaces, or nil outside the table.
    func folded(_ scalar: UInt32) -> String? {
        guard let e = entry(scalar) else { return nil }
        let start = Int(e >> 8)
        return String(decoding: bytes[start..<start + Int(e & 0xFF)], as: UTF8.self)
    }

    static let rows = """
0080 - - - - - - - - - - - - - - - -
0090 - - - - - - - - - - - - - - - -
00A0 - - - - - - - - - -c- a - - ~ -r- -
00B0 - - 2 3 - µ - - - 1 o - -1-4 -1-2 -3-4 -
00C0 a a a a a a ae c e e e e i i i i
00D0 d n o o o o o - o u u u u y th ss
00E0 a a a a a a ae c e e e e i i i i
00F0 d n o o o o o - o u u u u y th y
0100 a a a a a a c c c c c c c c d d
0110 d d e e e e e e e e e e g g g g
0120 g g g g h h h h i i i i i i i i
0130 i i ij ij j j k k q l l l l l l l
0140 l l l n n n n n n -n n n o o o o
0150 o o oe oe r r r r r r s s s s s s
0160 s s t t t t t t u u u u u u u u
0170 u u u u w w y y y z z z z z z s
0180 b b b b ƅ ƅ ɔ c c d d d d ƍ ǝ ə
0190 e f f g ɣ hv i i k k l ƛ ɯ n n ɵ
01A0 o o oi oi p p ʀ ƨ ƨ ʃ ƪ t t t t u
01B0 u ʊ v y y z z ʒ ƹ ƹ ƺ ƻ ƽ ƽ ƾ ƿ
01C0 ǀ ǁ ǂ ǃ dz dz dz lj lj lj nj nj nj a a i
01D0 i o o u u u u u u u u u u ǝ a a
01E0 a a ae ae g g g g k k o o o o ʒ ʒ
01F0 j dz dz dz g g hv ƿ n n a a ae ae o o
0200 a a a a e e e e i i i i o o o o
0210 r r r r u u u u s s t t ȝ ȝ h h
0220 n d ȣ ȣ z z a a e e o o o o o o
0230 o o y y l n t j db qp a c c l t s
0240 z ɂ ɂ b u ʌ e e j j ɋ ɋ r r y y
1E00 a a b b b b b b c c d d d d d d
1E10 d d d d e e e e e e e e e e f f
1E20 g g h h h h h h h h h h i i i i
1E30 k k k k k k l l l l l l l l m m
1E40 m m m m n n n n n n n n o o o o
1E50 o o o o p p p p r r r r r r r r
1E60 s s s s s s s s s s t t t t t t
1E70 t t u u u u u u u u u u v v v v
1E80 w w w w w w w w w w x x x x y y
1E90 z z z z z z h t w y a s s s ss ẟ
1EA0 a a a a a a a a a a a a a a a a
1EB0 a a a a a a a a e e e e e e e e
1EC0 e e e e e e e e i i i i o o o o
1ED0 o o o o o o o o o o o o o o o o
1EE0 o o o o u u u u u u u u u u u u
1EF0 u u y y y y y y y y ll ll v v y y
"""
}
