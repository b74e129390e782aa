#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Which `Host` headers the preview answers, against DNS rebinding: a page on any web site
/// can point its own name at 127.0.0.1 and read the drafts from the victim's browser, but it
/// cannot make the browser send any `Host` other than that name. So only the address the
/// server was started on is answered, with its port, plus, when that address is
/// loopback, `localhost`, `127.0.0.1` and `[::1]`; when it is every interface (`0.0.0.0`,
/// `::`), any IP address, `localhost` and this computer's own name. Anything else gets 421.
struct HostCheck: Sendable {
    let port: Int
    private let names: Set<String>
    private let anyIPLiteral: Bool

    init(host: String, port: Int) {
        self.port = port
        let bound = Self.normalise(host)
        var names: Set<String> = [bound]
        let wildcard = host.isEmpty || host == "0.0.0.0" || host == "::" || host == "[::]"
        if wildcard || Self.isLoopback(host) {
            names.formUnion(["localhost", "127.0.0.1", "[::1]"])
        }
        if wildcard, let own = Self.ownName() {
            names.formUnion([own, own + ".local"])
        }
        self.names = names
        anyIPLiteral = wildcard
    }

    /// Whether a request with this `Host` header (nil when there is none) may be answered.
    func allows(_ header: String?) -> Bool {
        guard let header, let (name, port) = Self.split(header.lowercased()) else { return false }
        guard (port ?? 80) == self.port else { return false }
        if names.contains(name) { return true }
        return anyIPLiteral && Self.isIPLiteral(name)
    }

    /// The loopback addresses: `localhost`, 127.0.0.0/8 and `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let h = normalise(host)
        if h == "localhost" || h == "[::1]" { return true }
        var v4 = in_addr()
        return inet_pton(AF_INET, h, &v4) == 1 && UInt32(bigEndian: v4.s_addr) >> 24 == 127
    }

    /// Lowercased, with an IPv6 address in brackets as a `Host` header writes it.
    private static func normalise(_ host: String) -> String {
        let h = host.lowercased()
        return h.contains(":") && !h.hasPrefix("[") ? "[" + h + "]" : h
    }

    /// "name:port", "[v6]:port", "name" or "[v6]" → (name, port). Nil when malformed.
    private static func split(_ header: String) -> (String, Int?)? {
        let h = header.trimmingCharacters(in: .whitespaces)
        var name = h, portText: Substring?
        if h.hasPrefix("[") {
            guard let close = h.firstIndex(of: "]") else { return nil }
            name = String(h[...close])
            let rest = h[h.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return nil }
                portText = rest.dropFirst()
            }
        } else if let colon = h.lastIndex(of: ":") {
            name = String(h[..<colon])
            portText = h[h.index(after: colon)...]
        }
        guard !name.isEmpty else { return nil }
        guard let portText else { return (name, nil) }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCIIDigit), let port = Int(portText), port <= 65535 else { return nil }
        return (name, port)
    }

    private static func isIPLiteral(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        if name.hasPrefix("[") && name.hasSuffix("]") {
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &v6) == 1
        }
        return inet_pton(AF_INET, name, &v4) == 1
    }

    private static func ownName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        let name = String(cString: buffer).lowercased()
        return name.isEmpty ? nil : name
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
