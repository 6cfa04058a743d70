/// An RFC 6901 JSON Pointer naming a place in a JSON document, e.g. `/request_types/0/model`.
public struct JSONPointer: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The reference tokens, unescaped.
    public var tokens: [String]

    /// A pointer made of `tokens` (unescaped).
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses the pointer's text form (`/a/0/b~1c`); the empty string is the whole document.
    public init(stringLiteral value: String) {
        tokens = value.isEmpty ? [] : value.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The pointer of a Codable coding path (`[requestTypes, Index 0, model]` → `/request_types/0/model`).
    public init(codingPath: [any CodingKey]) {
        tokens = codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
    }

    /// The pointer one level deeper.
    public func appending(_ token: String) -> JSONPointer { JSONPointer(tokens: tokens + [token]) }

    /// The pointer to an array element one level deeper.
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// The text form, with `~` and `/` escaped; the document root is written `/` in messages
    /// only through `displayed`.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }

    /// The text form for messages: the root shows as `(document root)`.
    public var displayed: String { tokens.isEmpty ? "(document root)" : description }

    /// Encodes as its text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from its text form.
    public init(from decoder: any Swift.Decoder) throws {
        self.init(stringLiteral: try decoder.singleValueContainer().decode(String.self))
    }
}
