import Catalog
import Foundation
import Diagnostics

/// Addresses after the 1 July 2025 reform: no district level, Tiền Giang merged into Đồng Tháp.
/// Old forms stay on packaging for years, so they are warnings, not errors.
enum AddressRules {
    /// Words of the old administrative units, matched as whole words in lowercase NFC.
    static let oldForms = ["huyện", "quận", "thị xã", "thị trấn", "tiền giang"]

    static func check(_ address: Address?, file: String, into report: inout Report) {
        guard let address else { return }
        for part in [address.street, address.ward, address.province].compactMap({ $0 }) {
            if let word = oldForm(in: part.value) {
                report.warning(.oldAddressForm(word: word), file, at: part)
            }
        }
    }

    static func oldForm(in text: String) -> String? {
        var lower = text.lowercased()
        let present = lower.withUTF8 { bytes in oldFormBytes.map { contains(bytes, $0) } }
        for (word, isPresent) in zip(oldForms, present) where isPresent {
            var searchStart = lower.startIndex
            while let range = lower.range(of: word, range: searchStart..<lower.endIndex) {
                let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
                let after = range.upperBound == lower.endIndex ? nil : lower[range.upperBound]
                if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) {
                    return word
                }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    private static let oldFormBytes = oldForms.map { Array($0.utf8) }

    /// Whether `word`'s bytes appear in `text`: nearly no address has an old form, and this
    /// spares those Foundation's search (through UTF-16 and canonical equivalence: a third of
    /// the validator's time). Addresses are NFC (the loader normalises every value), and so
    /// are the words, so that search can only match where the word's bytes are.
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= text.count else { return false }
        for start in 0...(text.count - word.count) where text[start] == first {
            if text[start..<start + word.count].elementsEqual(word) { return true }
        }
        return false
    }
}
