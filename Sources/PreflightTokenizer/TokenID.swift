/// The id of one token in a tokenizer's vocabulary.
///
/// A thin wrapper over `UInt32` so ids cannot be confused with counts, offsets or ranks at an API
/// boundary. Inside the engine ids travel as plain `UInt32`.
public struct TokenID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The numeric id, as the reference tokenizer prints it.
    public var rawValue: UInt32

    /// Wraps a numeric id (the `RawRepresentable` conformance).
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Wraps a numeric id.
    public init(_ value: UInt32) { self.rawValue = value }

    /// Wraps an integer literal, for tests and examples (`let bos: TokenID = 128000`).
    public init(integerLiteral value: UInt32) { self.rawValue = value }

    /// Orders ids numerically.
    public static func < (lhs: TokenID, rhs: TokenID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes from a bare JSON number.
    public init(from decoder: any Swift.Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UInt32.self)
    }

    /// Encodes as a bare JSON number.
    public func encode(to encoder: any Swift.Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The number, as the reference tokenizers print it.
    public var description: String { String(rawValue) }
}

/// The result of counting with a limit: the exact count when it is at most the limit, otherwise
/// only the fact that the limit was crossed (counting stopped there).
public enum TokenCount: Sendable, Equatable, CustomStringConvertible {
    /// The text has exactly this many tokens, and that is at most the limit.
    case exact(Int)
    /// The text has more tokens than the associated limit; counting stopped as soon as it knew.
    case exceeds(Int)

    /// Whether the text fits the limit.
    public var fits: Bool {
        if case .exact = self { return true }
        return false
    }

    /// "42 tokens", or "more than 8192 tokens".
    public var description: String {
        switch self {
        case .exact(let n): return "\(n) tokens"
        case .exceeds(let limit): return "more than \(limit) tokens"
        }
    }
}
