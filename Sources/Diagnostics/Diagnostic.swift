public enum Severity: String, Sendable, Codable {
    case error
    case warning
}

/// One problem found in the content, with everything needed to print it in any language.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var location: SourceLocation
    public var message: Message

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var code: String { message.code }

    public func text(_ language: Language) -> String { message.text(language) }
}

extension Array where Element == Diagnostic {
    /// File, then line, then column; ties keep the order in which rules ran, so output is stable.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }

    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
}
