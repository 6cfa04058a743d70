import PreflightCatalog
import Testing

/// Tool definitions and arguments are printed back as Python's `json.dumps` prints them, since that
/// is what Hugging Face's `tojson` and mistral-common put into the prompt. Expected strings below
/// are Python 3.11 output (`json.dumps(json.loads(src), ensure_ascii=False[, indent=4])`).
@Suite("ChatJSON prints like Python's json.dumps")
struct ChatTemplateJSONTests {
    static let compact: [(String, String)] = [
        (#"{"b":1,"a":[true,false,null],"c":{}}"#, #"{"b": 1, "a": [true, false, null], "c": {}}"#),
        (#"[1.0, 1.50, 1e5, 1E-5, 0.0001, 1e16, 123456789012345678, -0, 2.5e-7, 1e300]"#,
         "[1.0, 1.5, 100000.0, 1e-05, 0.0001, 1e+16, 123456789012345678, 0, 2.5e-07, 1e+300]"),
        (#"["é 你好 🚀", "tab\tq\"b\\s/", "\u0001\u007f\u2028"]"#,
         "[\"é 你好 🚀\", \"tab\\tq\\\"b\\\\s/\", \"\\u0001\u{7F}\u{2028}\"]"),
        (#"[[], {}, [[]]]"#, "[[], {}, [[]]]"),
        (#"{"x": 0.1, "y": 100.0, "z": 1234567890123456.0, "w": 12345678901234567.0}"#,
         #"{"x": 0.1, "y": 100.0, "z": 1234567890123456.0, "w": 1.2345678901234568e+16}"#),
    ]

    @Test("compact output", arguments: compact)
    func compactOutput(_ source: String, _ python: String) throws {
        #expect(try ChatJSON(parsing: source).pythonJSON() == python)
    }

    @Test("indent=4 output")
    func indentedOutput() throws {
        let value = try ChatJSON(parsing: #"{"a": [1, {"b": []}], "c": {}}"#)
        let python = "{\n    \"a\": [\n        1,\n        {\n            \"b\": []\n        }\n    ],\n    \"c\": {}\n}"
        #expect(value.pythonJSON(indent: 4) == python)
    }

    @Test("member order is kept, duplicates look up the last")
    func memberOrder() throws {
        let value = try ChatJSON(parsing: #"{"z": 1, "a": 2, "z": 3}"#)
        #expect(value.objectMembers?.map(\.key) == ["z", "a", "z"])
        #expect(value["z"] == .number("3"))
    }
}
