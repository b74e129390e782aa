import Diagnostics

/// Collects the diagnostics of one file while it is read. One sink per file, one thread.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ message: Message, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    func warning(_ message: Message, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}
