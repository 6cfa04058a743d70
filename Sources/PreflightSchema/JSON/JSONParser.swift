/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Strict means: no comments, trailing commas, single quotes, NaN, leading zeros or unescaped control
/// characters; invalid UTF-8 and lone surrogate escapes are errors; a key repeated in one object is an
/// error (`JSONParseError.duplicateKey`). Numbers keep their literal (`JSONNumber`). The parser is
/// iterative (an explicit stack of open containers), so hostile nesting meets `Limits.maxDepth`
/// and a clear error, never a stack overflow.
public struct JSONParser: Sendable {
    /// Bounds that keep hostile input from exhausting memory or stack.
    public struct Limits: Sendable, Hashable {
        /// Maximum nesting of arrays and objects.
        public var maxDepth: Int
        /// Maximum input size in bytes.
        public var maxBytes: Int

        /// Creates limits.
        public init(maxDepth: Int = 512, maxBytes: Int = 64 << 20) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }

        /// 512 levels, 64 MiB.
        public static let standard = Limits()
    }

    /// The limits this parser enforces.
    public var limits: Limits

    /// A parser with `limits`.
    public init(limits: Limits = .standard) { self.limits = limits }

    /// Parses one JSON text (surrounding whitespace allowed).
    /// - Complexity: O(n) in the input size.
    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let buffer = Array(bytes)
        guard buffer.count <= limits.maxBytes else {
            throw .inputTooLarge(byteCount: buffer.count, limit: limits.maxBytes)
        }
        var reader = JSONReader(bytes: buffer[...], maxDepth: limits.maxDepth)
        return try reader.parseDocument()
    }

    /// Parses JSON text given as a Swift string.
    /// - Complexity: O(n).
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses the value that starts at `range.lowerBound` of `bytes` and returns it with the offset
    /// just past it; content after the value is left alone (used by reply extraction).
    /// - Complexity: O(length of the value).
    func parsePrefix(of bytes: ArraySlice<UInt8>) throws(JSONParseError) -> (value: JSONValue, end: Int) {
        var reader = JSONReader(bytes: bytes, maxDepth: limits.maxDepth)
        let value = try reader.parseValue()
        return (value, reader.position)
    }
}

/// The parser's state over one input buffer.
struct JSONReader {
    let bytes: ArraySlice<UInt8>
    let maxDepth: Int
    var position: Int

    init(bytes: ArraySlice<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.position = bytes.startIndex
    }

    /// One open container on the explicit stack.
    private struct Frame {
        var isObject: Bool
        var items: [JSONValue] = []
        var object = JSONObject()
        var pendingKey = ""
        var keyPosition = 0
    }

    func here(_ offset: Int? = nil) -> SourcePosition {
        SourcePosition(byteOffset: (offset ?? position) - bytes.startIndex, in: bytes)
    }

    mutating func skipWhitespace() {
        while position < bytes.endIndex {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func unexpected(_ expected: String) -> JSONParseError {
        guard position < bytes.endIndex else { return .unexpectedEnd(expected: expected, at: here()) }
        let byte = bytes[position]
        if byte >= 0x80 {
            if UTF8Validation.sequenceLength(in: bytes, at: position) == nil { return .invalidUTF8(at: here()) }
            var end = position + 1
            while end < bytes.endIndex, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return .unexpectedCharacter(found: "'\(String(decoding: bytes[position..<end], as: UTF8.self))'",
                                        expected: expected, at: here())
        }
        let found = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return .unexpectedCharacter(found: found, expected: expected, at: here())
    }

    /// A whole document: one value, then only whitespace.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.endIndex else { throw .trailingContent(at: here()) }
        return value
    }

    /// Parses one value starting at `position` (leading whitespace allowed).
    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var stack: [Frame] = []
        parsing: while true {
            skipWhitespace()
            guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "a value", at: here()) }
            var value: JSONValue
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[position] == UInt8(ascii: "{")
                guard stack.count < maxDepth else { throw .nestingTooDeep(limit: maxDepth, at: here()) }
                position += 1
                skipWhitespace()
                if position < bytes.endIndex, bytes[position] == UInt8(ascii: isObject ? "}" : "]") {
                    position += 1
                    value = isObject ? .object(JSONObject()) : .array([])
                } else if isObject {
                    var frame = Frame(isObject: true)
                    (frame.pendingKey, frame.keyPosition) = try parseKey()
                    stack.append(frame)
                    continue parsing
                } else {
                    stack.append(Frame(isObject: false))
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "t"): value = try parseLiteral("true", .bool(true))
            case UInt8(ascii: "f"): value = try parseLiteral("false", .bool(false))
            case UInt8(ascii: "n"): value = try parseLiteral("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var scanner = NumberScanner(bytes: bytes, start: position)
                switch scanner.scan() {
                case .success(let number):
                    value = .number(number)
                    position = scanner.position
                case .failure(let reason):
                    if scanner.position >= bytes.endIndex {
                        throw .unexpectedEnd(expected: "the rest of the number", at: here(scanner.position))
                    }
                    throw .invalidNumber(reason.description, at: here(scanner.position))
                }
            default:
                let closesAfterComma = (bytes[position] == UInt8(ascii: "]") || bytes[position] == UInt8(ascii: "}"))
                    && bytes[bytes.startIndex..<position].last(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: ",")
                throw unexpected(closesAfterComma ? "a value (trailing commas are not allowed)" : "a value")
            }
            // Attach the finished value to the open containers, closing those that end here.
            while !stack.isEmpty {
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isObject {
                    guard stack[top].object.insertNew(stack[top].pendingKey, value) else {
                        throw .duplicateKey(stack[top].pendingKey, at: here(stack[top].keyPosition))
                    }
                    guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "',' or '}'", at: here()) }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        (stack[top].pendingKey, stack[top].keyPosition) = try parseKey()
                        continue parsing
                    }
                    guard bytes[position] == UInt8(ascii: "}") else { throw unexpected("',' or '}'") }
                    position += 1
                    value = .object(stack.removeLast().object)
                } else {
                    stack[top].items.append(value)
                    guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "',' or ']'", at: here()) }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue parsing
                    }
                    guard bytes[position] == UInt8(ascii: "]") else { throw unexpected("',' or ']'") }
                    position += 1
                    value = .array(stack.removeLast().items)
                }
            }
            return value
        }
    }

    /// `"key"` followed by `:`; returns the key and where it started.
    private mutating func parseKey() throws(JSONParseError) -> (String, Int) {
        skipWhitespace()
        guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "a string key", at: here()) }
        guard bytes[position] == UInt8(ascii: "\"") else {
            let afterComma = bytes[position] == UInt8(ascii: "}")
                && bytes[bytes.startIndex..<position].last(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: ",")
            throw unexpected(afterComma ? "a string key (trailing commas are not allowed)" : "a string key in double quotes")
        }
        let start = position
        let key = try parseString()
        skipWhitespace()
        guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "':'", at: here()) }
        guard bytes[position] == UInt8(ascii: ":") else { throw unexpected("':' after the key") }
        position += 1
        return (key, start)
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let expected = word.withUTF8Buffer { Array($0) }
        for byte in expected {
            guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "'\(word)'", at: here()) }
            guard bytes[position] == byte else { throw unexpected("'\(word)'") }
            position += 1
        }
        return value
    }

    /// A string starting at the opening quote; validates UTF-8 and decodes escapes.
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let contentStart = position
        // Fast path: no escapes, ASCII or valid UTF-8, ends at a quote.
        var utf8: [UInt8] = []
        var runStart = position
        while true {
            guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "'\"' to close the string", at: here()) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if runStart == contentStart {
                    text = String(decoding: bytes[contentStart..<position], as: UTF8.self)
                } else {
                    utf8.append(contentsOf: bytes[runStart..<position])
                    text = String(decoding: utf8, as: UTF8.self)
                }
                position += 1
                return text
            } else if byte == UInt8(ascii: "\\") {
                utf8.append(contentsOf: bytes[runStart..<position])
                try parseEscape(into: &utf8)
                runStart = position
            } else if byte < 0x20 {
                throw .controlCharacterInString(byte, at: here())
            } else if byte < 0x80 {
                position += 1
            } else {
                guard let length = UTF8Validation.sequenceLength(in: bytes, at: position) else {
                    if UTF8Validation.isTruncatedSequence(in: bytes, at: position) {
                        throw .unexpectedEnd(expected: "the rest of a UTF-8 sequence", at: here())
                    }
                    throw .invalidUTF8(at: here())
                }
                position += length
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = position
        position += 1
        guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "an escape character", at: here()) }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalarValue = try parseHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalarValue) {
                guard position + 1 < bytes.endIndex, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u")
                else {
                    if position + 1 >= bytes.endIndex {
                        throw .unexpectedEnd(expected: "a low surrogate escape", at: here())
                    }
                    throw .invalidEscape("(lone high surrogate)", at: here(escapeStart))
                }
                position += 2
                let low = try parseHex4(escapeStart: escapeStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw .invalidEscape("(high surrogate not followed by a low surrogate)", at: here(escapeStart))
                }
                scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalarValue) {
                throw .invalidEscape("(lone low surrogate)", at: here(escapeStart))
            }
            // Invariant: surrogates were handled above, so the value is a valid scalar.
            if let scalar = Unicode.Scalar(scalarValue) { utf8.append(contentsOf: scalar.utf8) }
        default:
            throw .invalidEscape("\\" + String(decoding: [byte], as: UTF8.self), at: here(escapeStart))
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.endIndex else { throw .unexpectedEnd(expected: "four hex digits", at: here()) }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw .invalidEscape("\\u with a non-hex digit", at: here(escapeStart))
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
