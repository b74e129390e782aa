import Diagnostics

/// The preview's own words, in Vietnamese or English (diagnostics come from the message catalog).
public struct Texts: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func say(_ vi: String, _ en: String) -> String { language.pick(vi: vi, en: en) }
}
