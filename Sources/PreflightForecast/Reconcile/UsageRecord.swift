import Foundation
public import PreflightCatalog

/// What the platform reported for one request (a reply's `usage`) or for a batch of requests (a
/// row of an exported usage CSV).
public struct UsageRecord: Sendable, Hashable {
    /// The model called.
    public var model: String
    /// How many requests the record covers (1 for a reply).
    public var requests: Int
    /// Prompt tokens, cached ones included.
    public var inputTokens: Int
    /// Of those, tokens billed as cached input.
    public var cachedInputTokens: Int
    /// Generated tokens.
    public var outputTokens: Int
    /// Neurons the platform reported, where it did.
    public var neurons: Neurons?
    /// Where the record was read (`usage.jsonl:12`), for messages.
    public var location: String
}

/// What is wrong with a usage file, and where.
public enum UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A JSON line is not JSON, or a field has the wrong type or value (`pointer` within the line).
    case invalidLine(file: String, line: Int, pointer: JSONPointer, reason: String)
    /// A CSV lacks a required column.
    case missingColumn(file: String, column: String)
    /// A CSV cell is not a non-negative number.
    case invalidCell(file: String, line: Int, column: String, value: String)
    /// The file holds no records.
    case empty(file: String)

    /// A one-line message naming the place.
    public var description: String {
        switch self {
        case .invalidLine(let file, let line, let pointer, let reason):
            return "\(file):\(line): \(pointer.displayed): \(reason)"
        case .missingColumn(let file, let column):
            return "\(file): missing column '\(column)' (see Docs/forecast.md, \"Reconciliation\")"
        case .invalidCell(let file, let line, let column, let value):
            return "\(file):\(line): column '\(column)': '\(value)' is not a number of 0 or more"
        case .empty(let file):
            return "\(file): no usage records"
        }
    }
}
