/// How diagnostics are printed: for people and editors (`text`), for tools (`json`),
/// or as GitHub Actions workflow commands so they show up on the pull request (`github`).
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text
    case json
    case github

    /// The whole report for `diagnostics`, already sorted, ending with a newline when not empty.
    public func render(_ diagnostics: [Diagnostic], language: Language) -> String {
        switch self {
        case .text:
            return diagnostics.map { textLine($0, language) + "\n" }.joined()
        case .github:
            return diagnostics.map { githubLine($0, language) + "\n" }.joined()
        case .json:
            return jsonArray(diagnostics, language) + "\n"
        }
    }

    private func textLine(_ d: Diagnostic, _ language: Language) -> String {
        let l = d.location
        let word: String
        switch (d.severity, language) {
        // The severity word stays English in both languages: editors and CI parse it.
        case (.error, _): word = "error"
        case (.warning, _): word = "warning"
        }
        return "\(l.file):\(l.line):\(l.column): \(word): \(d.text(language))"
    }

    private func githubLine(_ d: Diagnostic, _ language: Language) -> String {
        let l = d.location
        return "::\(d.severity.rawValue) file=\(escapeProperty(l.file)),line=\(l.line),col=\(l.column),title=\(escapeProperty(d.code))::\(escapeData(d.text(language)))"
    }

    private func jsonArray(_ diagnostics: [Diagnostic], _ language: Language) -> String {
        if diagnostics.isEmpty { return "[]" }
        let items = diagnostics.map { d in
            "  {\"file\": \(JSONString.quote(d.location.file)), \"line\": \(d.location.line), \"column\": \(d.location.column), "
                + "\"severity\": \"\(d.severity.rawValue)\", \"code\": \"\(d.code)\", \"message\": \(JSONString.quote(d.text(language)))}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }
}

// GitHub's workflow-command escaping (actions/toolkit, command.ts).
private func escapeData(_ s: String) -> String {
    s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
}

private func escapeProperty(_ s: String) -> String {
    s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
}

extension String {
    fileprivate func replacingAll(_ table: [Character: String]) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if let r = table[c] { out += r } else { out.append(c) }
        }
        return out
    }
}
