import PreflightSchema
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    let parser = JSONParser()

    @Test("numbers keep every digit: 1e400 and 20-digit integers")
    func exactNumbers() throws {
        let value = try parser.parse("[1e400, 12345678901234567890, -0.000000000000000000001]")
        guard case .array(let items) = value, case .number(let huge) = items[0], case .number(let id) = items[1],
              case .number(let tiny) = items[2] else {
            Issue.record("expected three numbers, got \(value)")
            return
        }
        #expect(huge.literal == "1e400")
        #expect(huge > JSONNumber(parsing: "9e399")!)
        #expect(id.literal == "12345678901234567890")
        #expect(id != JSONNumber(parsing: "12345678901234567891")!)  // a Double would merge these
        #expect(tiny < 0)
        #expect(JSONSerializer.string(from: value) == "[1e400,12345678901234567890,-0.000000000000000000001]")
    }

    @Test("a duplicate key is an error at the second occurrence")
    func duplicateKeys() {
        #expect(throws: JSONParseError.duplicateKey("a", at: position(8, line: 1, column: 9))) {
            try parser.parse(#"{"a":1, "a":2}"#)
        }
    }

    @Test("100,000 nested brackets fail with a depth error, not a crash")
    func hostileNesting() {
        let text = String(repeating: "[", count: 100_000)
        do {
            _ = try parser.parse(text)
            Issue.record("expected an error")
        } catch {
            guard case .nestingTooDeep(let limit, let at) = error else {
                Issue.record("expected nestingTooDeep, got \(error)")
                return
            }
            #expect(limit == 512)
            #expect(at.byteOffset == 512)
        }
    }

    @Test("invalid UTF-8 is reported with its byte offset")
    func invalidUTF8() {
        #expect(throws: JSONParseError.invalidUTF8(at: position(4, line: 1, column: 5))) {
            try parser.parse([0x22, 0x61, 0x62, 0x63, 0xC0, 0xAF, 0x22])
        }
    }

    @Test("errors carry line and column", arguments: [
        ("{\n  \"a\": tru\n}", 2, 11, 12),
        ("[1,\n 2,\n ]", 3, 2, 9),
        ("\"é\u{1}\"", 1, 3, 3),
    ])
    func positions(_ text: String, _ line: Int, _ column: Int, _ byte: Int) {
        do {
            _ = try parser.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.position?.line == line)
            #expect(error.position?.column == column)
            #expect(error.position?.byteOffset == byte)
        }
    }

    @Test("a trailing comma is named in the message")
    func trailingCommaMessage() {
        do {
            _ = try parser.parse("[1,2,]")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("trailing commas are not allowed"))
        }
    }

    @Test("truncation is distinguished from malformed input")
    func truncation() {
        for text in [#"{"a": "unfinished"#, "[1, 2", #"{"a""#, "-", "\"\\u12"] {
            do {
                _ = try parser.parse(text)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.isTruncation, "\(text): \(error)")
            }
        }
        #expect(throws: JSONParseError.self) { try parser.parse("[1, 2] x") }
    }

    @Test("strictness: what RFC 8259 forbids is rejected", arguments: [
        "01", "1.", ".5", "+1", "NaN", "'a'", "[1,]", "{\"a\":1,}", "\"\\x\"", "\"\\ud800\"", "// c\n1", "\"a\tb\"", "",
    ])
    func rejects(_ text: String) {
        #expect(throws: JSONParseError.self) { try parser.parse(text) }
    }

    @Test("escapes decode, including surrogate pairs; key order is kept")
    func escapes() throws {
        let value = try parser.parse(#"{"z": "\ud83d\ude00\n\u00e9", "a": [true, false, null]}"#)
        #expect(value["z"] == .string("😀\né"))
        #expect(value.objectValue?.keys == ["z", "a"])
        #expect(JSONSerializer.string(from: value) == #"{"z":"😀\né","a":[true,false,null]}"#)
        #expect(JSONSerializer.string(from: value, keyOrder: .sorted) == #"{"a":[true,false,null],"z":"😀\né"}"#)
    }

    @Test("size limit")
    func sizeLimit() {
        let small = JSONParser(limits: .init(maxDepth: 8, maxBytes: 4))
        #expect(throws: JSONParseError.inputTooLarge(byteCount: 5, limit: 4)) { try small.parse("12345") }
    }

    private func position(_ byte: Int, line: Int, column: Int) -> SourcePosition {
        SourcePosition(byteOffset: byte, line: line, column: column)
    }
}
