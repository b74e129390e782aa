/// The language diagnostics and UI words are written in. Vietnamese is the default:
/// most sellers read nothing else.
public enum Language: String, CaseIterable, Sendable {
    case vi
    case en

    public init?(code: String) {
        switch code.lowercased() {
        case "vi", "vi-vn", "vi_vn": self = .vi
        case "en", "en-us", "en-gb", "en_us": self = .en
        default: return nil
        }
    }
}

extension Language {
    /// The Vietnamese or the English form of a text written in both.
    public func pick(vi: String, en: String) -> String { self == .vi ? vi : en }
}
