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
        let lower = text.lowercased()
        for word in oldForms {
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
}
