extension ChatJSON {
    /// Parses one JSON document (RFC 8259) from UTF-8 bytes, keeping member order and number lexemes.
    ///
    /// Errors carry the byte offset of the problem. Nesting deeper than 512 levels is refused rather
    /// than risking the stack.
    /// - Complexity: O(n) in the input length.
    public init(parsing bytes: some Collection<UInt8>) throws(ChatError) {
        var parser = ChatJSONParser(bytes: Array(bytes))
        self = try parser.parseDocument()
    }

    /// Parses one JSON document from text.
    /// - Complexity: O(n) in the input length.
    public init(parsing text: String) throws(ChatError) {
        try self.init(parsing: Array(text.utf8))
    }
}

/// A recursive-descent JSON reader over UTF-8 bytes.
struct ChatJSONParser {
    let bytes: [UInt8]
    var offset = 0
    var depth = 0
    static let maximumDepth = 512

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(ChatError) -> ChatJSON {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else { throw fail("unexpected text after the JSON value") }
        return value
    }

    private func fail(_ reason: String) -> ChatError {
        .invalidJSON(byteOffset: offset, reason: reason)
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private mutating func parseValue() throws(ChatError) -> ChatJSON {
        guard offset < bytes.count else { throw fail("unexpected end of input, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character, expected a JSON value")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(ChatError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw fail("invalid literal, expected '\(literal)'")
        }
        offset += expected.count
    }

    private mutating func enter() throws(ChatError) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(ChatError) -> ChatJSON {
        try enter()
        defer { depth -= 1 }
        offset += 1
        var members: [(key: String, value: ChatJSON)] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
            let key = try parseString()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
            offset += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard offset < bytes.count else { throw fail("unexpected end of input inside an object") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws(ChatError) -> ChatJSON {
        try enter()
        defer { depth -= 1 }
        offset += 1
        var elements: [ChatJSON] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard offset < bytes.count else { throw fail("unexpected end of input inside an array") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
            throw fail("expected ',' or ']' in an array")
        }
    }

    private mutating func parseNumber() throws(ChatError) -> String {
        let start = offset
        func digits(_ parser: inout ChatJSONParser) -> Int {
            let from = parser.offset
            while parser.offset < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.offset]) {
                parser.offset += 1
            }
            return parser.offset - from
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { throw fail("a number needs digits") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else if digits(&self) == 0 {
            throw fail("a number needs digits")
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else { throw fail("a fraction needs digits after '.'") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits(&self) > 0 else { throw fail("an exponent needs digits") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func parseString() throws(ChatError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flushRun(_ parser: ChatJSONParser, into scalars: inout String.UnicodeScalarView) throws(ChatError) {
            guard runStart < parser.offset else { return }
            guard let run = String(validating: parser.bytes[runStart..<parser.offset], as: UTF8.self) else {
                throw ChatError.invalidJSON(byteOffset: runStart, reason: "invalid UTF-8 inside a string")
            }
            scalars.append(contentsOf: run.unicodeScalars)
        }
        while true {
            guard offset < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                try flushRun(self, into: &scalars)
                offset += 1
                return String(scalars)
            }
            if byte < 0x20 { throw fail("control character U+\(hex4(UInt32(byte))) must be escaped in a string") }
            if byte != UInt8(ascii: "\\") { offset += 1; continue }
            try flushRun(self, into: &scalars)
            scalars.append(try parseEscape())
            runStart = offset
        }
    }

    private mutating func parseEscape() throws(ChatError) -> Unicode.Scalar {
        offset += 1
        guard offset < bytes.count else { throw fail("unterminated escape") }
        let code = bytes[offset]
        offset += 1
        switch code {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try parseHex4()
            if (0xD800...0xDBFF).contains(first) {
                guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw fail("unpaired high surrogate \\u\(hex4(first))")
                }
                offset += 2
                let second = try parseHex4()
                guard (0xDC00...0xDFFF).contains(second) else { throw fail("high surrogate not followed by a low surrogate") }
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw fail("invalid surrogate pair") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw fail("unpaired low surrogate \\u\(hex4(first))") }
            return scalar
        default:
            offset -= 1
            throw fail("invalid escape '\\\(Character(Unicode.Scalar(code)))'")
        }
    }

    private mutating func parseHex4() throws(ChatError) -> UInt32 {
        guard bytes.count - offset >= 4 else { throw fail("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("\\u needs four hex digits")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}

/// Four upper-case hex digits, for messages.
func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
