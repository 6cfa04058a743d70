/// Where in a document something happened: byte offset plus the line and column a person looks for.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// Zero-based offset of the byte in the input.
    public let byteOffset: Int
    /// One-based line number (lines end at `\n`).
    public let line: Int
    /// One-based column, counted in Unicode scalars from the start of the line.
    public let column: Int

    /// A position given directly.
    public init(byteOffset: Int, line: Int, column: Int) {
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// Computes line and column for `byteOffset` in `bytes`.
    /// - Complexity: O(byteOffset).
    init(byteOffset: Int, in bytes: ArraySlice<UInt8>) {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        let end = min(bytes.startIndex + byteOffset, bytes.endIndex)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// The value as it prints in messages and reports.
    public var description: String { "line \(line), column \(column) (byte \(byteOffset))" }
}

/// Why a JSON text was rejected, with the position of the offending byte.
///
/// `unexpectedEnd` is what a reply cut off by `max_tokens` produces, so `ReplyExtraction` reports it
/// as truncation; every other case is malformed JSON.
public enum JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input ended while `expected` was still needed (a truncated document).
    case unexpectedEnd(expected: String, at: SourcePosition)
    /// A byte that cannot appear here; `found` is a printable rendering of it.
    case unexpectedCharacter(found: String, expected: String, at: SourcePosition)
    /// A byte sequence that is not valid UTF-8.
    case invalidUTF8(at: SourcePosition)
    /// A backslash escape that JSON does not define, or a lone UTF-16 surrogate escape.
    case invalidEscape(String, at: SourcePosition)
    /// An unescaped control character (U+0000...U+001F) inside a string.
    case controlCharacterInString(UInt8, at: SourcePosition)
    /// A number that breaks the JSON grammar (`01`, `1.`, `-`, `1e`), or whose exponent is beyond the limit.
    case invalidNumber(String, at: SourcePosition)
    /// The same key twice in one object. Preflight rejects these: parsers disagree on which value wins,
    /// so a reply with duplicate keys means different things to different consumers.
    case duplicateKey(String, at: SourcePosition)
    /// More nested arrays/objects than the limit (a guard against hostile input).
    case nestingTooDeep(limit: Int, at: SourcePosition)
    /// The input is larger than the limit.
    case inputTooLarge(byteCount: Int, limit: Int)
    /// Something other than whitespace after the value.
    case trailingContent(at: SourcePosition)

    /// Where the problem is (`nil` only for `inputTooLarge`).
    public var position: SourcePosition? {
        switch self {
        case .unexpectedEnd(_, let at), .unexpectedCharacter(_, _, let at), .invalidUTF8(let at),
             .invalidEscape(_, let at), .controlCharacterInString(_, let at), .invalidNumber(_, let at),
             .duplicateKey(_, let at), .nestingTooDeep(_, let at), .trailingContent(let at):
            return at
        case .inputTooLarge:
            return nil
        }
    }

    /// True when the text simply stopped before the value was complete.
    public var isTruncation: Bool {
        if case .unexpectedEnd = self { return true }
        return false
    }

    /// What is wrong and where, as a sentence a person can act on.
    public var description: String {
        switch self {
        case .unexpectedEnd(let expected, let at):
            return "JSON ends too early at \(at): expected \(expected) (truncated input?)"
        case .unexpectedCharacter(let found, let expected, let at):
            return "unexpected \(found) at \(at): expected \(expected)"
        case .invalidUTF8(let at):
            return "invalid UTF-8 at \(at)"
        case .invalidEscape(let escape, let at):
            return "invalid escape \(escape) in string at \(at)"
        case .controlCharacterInString(let byte, let at):
            return "unescaped control character 0x\(String(byte, radix: 16)) in string at \(at): write it as \\u00\(byte < 16 ? "0" : "")\(String(byte, radix: 16))"
        case .invalidNumber(let reason, let at):
            return "invalid number at \(at): \(reason)"
        case .duplicateKey(let key, let at):
            return "duplicate key \"\(key)\" at \(at): each key may appear once per object"
        case .nestingTooDeep(let limit, let at):
            return "nesting deeper than \(limit) levels at \(at)"
        case .inputTooLarge(let byteCount, let limit):
            return "JSON input of \(byteCount) bytes exceeds the limit of \(limit) bytes"
        case .trailingContent(let at):
            return "unexpected content after the JSON value at \(at)"
        }
    }
}
