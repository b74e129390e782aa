/// What kind of value a field expects, named so a seller recognises it.
public enum ValueKind: String, Sendable, Hashable {
    case text
    case wholeNumber
    case year
    case date
    case yesNo
    case textList
    case monthList
    case mapping
    case decimal
    case price

    func describe(_ language: Language) -> String {
        switch (self, language) {
        case (.text, .vi): return "một đoạn chữ"
        case (.text, .en): return "a piece of text"
        case (.wholeNumber, .vi): return "một số nguyên, ví dụ 10"
        case (.wholeNumber, .en): return "a whole number, for example 10"
        case (.year, .vi): return "một năm có 4 chữ số, ví dụ 2005"
        case (.year, .en): return "a four-digit year, for example 2005"
        case (.date, .vi): return "một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-15"
        case (.date, .en): return "a date as YEAR-MONTH-DAY, for example 2026-03-15"
        case (.yesNo, .vi): return "true (có) hoặc false (không)"
        case (.yesNo, .en): return "true or false"
        case (.textList, .vi): return "một danh sách trong ngoặc vuông, ví dụ [VietGAP, HACCP]"
        case (.textList, .en): return "a list in square brackets, for example [VietGAP, HACCP]"
        case (.monthList, .vi): return "một danh sách tháng từ 1 đến 12, ví dụ [1, 2, 3]"
        case (.monthList, .en): return "a list of months from 1 to 12, for example [1, 2, 3]"
        case (.mapping, .vi): return "các mục con thụt vào bên dưới (ví dụ ward:, province:)"
        case (.mapping, .en): return "indented sub-fields (for example ward:, province:)"
        case (.decimal, .vi): return "một số thập phân dùng dấu chấm, ví dụ 10.35"
        case (.decimal, .en): return "a decimal number with a dot, for example 10.35"
        case (.price, .vi): return "giá bằng số đồng nguyên, ví dụ 85000, hoặc chữ contact (Liên hệ)"
        case (.price, .en): return "a price in whole đồng, for example 85000, or the word contact"
        }
    }
}
