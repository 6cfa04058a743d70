import PreflightCatalog
import Testing

/// Malformed chats fail with a typed error that says where (JSON Pointer or byte offset) and what.
@Suite("Chat input errors name the place and the problem")
struct ChatTemplateErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let json: String
        let template: ChatTemplate
        let expected: ChatError
        var testDescription: String { "\(template.rawValue): \(json)" }
    }

    static let cases: [Case] = [
        Case(json: #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}, {"role": "narrator", "content": "d"}]}"#,
             template: .llama3,
             expected: .roleNotAllowed(pointer: "/messages/3/role", role: "narrator", template: .llama3,
                                       allowed: ["system", "user", "assistant", "tool", "ipython"])),
        Case(json: #"[{"role": "developer", "content": "x"}]"#, template: .qwen3,
             expected: .roleNotAllowed(pointer: "/0/role", role: "developer", template: .qwen3, allowed: ["system", "user", "assistant", "tool"])),
        Case(json: #"[{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]"#, template: .gemma3,
             expected: .notRenderable(pointer: "/1/role", template: .gemma3,
                                      reason: "roles must alternate user/assistant/user/assistant/… after an optional first system message; found 'user' where 'assistant' belongs")),
        Case(json: #"[{"role": "user", "content": "a"}, {"role": "system", "content": "late"}]"#, template: .llama2,
             expected: .notRenderable(pointer: "/1/role", template: .llama2, reason: "a system message must be the first message")),
        Case(json: #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": null, "tool_calls": [{"function": {"name": "f", "arguments": {}}}]}], "tools": [{"name": "f"}]}"#,
             template: .gemma3,
             expected: .notRenderable(pointer: "/messages/1/tool_calls", template: .gemma3, reason: "it has no place for tool calls")),
        Case(json: #"[{"role": "assistant", "content": "hi"}]"#, template: .mistralV1,
             expected: .notRenderable(pointer: "/0/role", template: .mistralV1, reason: "the first message after system messages must come from the user")),
        Case(json: #"[{"role": "user", "content": "q"}, {"role": "assistant", "content": null, "tool_calls": [{"function": {"name": "a", "arguments": {}}}, {"function": {"name": "b", "arguments": {}}}]}]"#,
             template: .llama3_1,
             expected: .notRenderable(pointer: "/1/tool_calls", template: .llama3_1, reason: "this model only supports single tool-calls at once")),
        Case(json: #"[{"role": "user", "content": "q"}, {"role": "tool", "content": "42"}]"#, template: .mistralTekkenV7,
             expected: .notRenderable(pointer: "/1/tool_call_id", template: .mistralTekkenV7, reason: "a tool result needs the tool_call_id of its call")),
        Case(json: #"[{"role": "user", "content": "q"}, {"role": "tool", "content": "42"}]"#, template: .gptOSS,
             expected: .notRenderable(pointer: "/1/role", template: .gptOSS, reason: "a tool result needs a preceding tool call or a 'name'")),
    ]

    @Test("rendering errors carry the pointer and the template's rule", arguments: cases)
    func renderingErrors(_ item: Case) throws {
        let chat = try Chat(jsonText: item.json)
        #expect(throws: item.expected) { try chat.renderedPrompt(for: item.template) }
    }

    @Test("the role error reads as a sentence with the pointer first")
    func roleErrorMessage() throws {
        let chat = try Chat(jsonText: Self.cases[0].json)
        do {
            _ = try chat.renderedPrompt(for: .llama3)
            Issue.record("narrator was accepted")
        } catch {
            #expect(error.description == "/messages/3/role: role 'narrator' is not allowed by the llama3 template (system, user, assistant, tool, ipython)")
        }
    }

    static let shapeCases: [(String, ChatError)] = [
        ("[{\"role\": \"user\", \"content\": 7}]",
         .invalidValue(pointer: "/0/content", reason: "expected a string, null or a list of text parts, found a number")),
        ("{\"messages\": [{\"content\": \"x\"}]}", .invalidValue(pointer: "/messages/0", reason: "a message needs a 'role'")),
        ("{\"messages\": [{\"role\": 3, \"content\": \"x\"}]}", .invalidValue(pointer: "/messages/0/role", reason: "expected a string, found a number")),
        ("{\"messages\": {}}", .invalidValue(pointer: "/messages", reason: "expected an array of messages, found an object")),
        ("{\"msgs\": []}", .invalidValue(pointer: "", reason: "a chat object needs a 'messages' array")),
        ("\"hello\"", .invalidValue(pointer: "", reason: "expected an array of messages or an object with 'messages', found a string")),
        ("{\"messages\": [], \"tools\": [{\"type\": \"function\", \"function\": {\"description\": \"d\"}}]}",
         .invalidValue(pointer: "/tools/0/function/name", reason: "a tool needs a function name (a string)")),
        ("[{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": \"x\"}]}]",
         .invalidValue(pointer: "/0/content/0", reason: "only {\"type\": \"text\", \"text\": …} parts can be counted")),
        ("[{\"role\": \"user\", \"content\": \"hi\"", .invalidJSON(byteOffset: 33, reason: "unexpected end of input inside an object")),
        ("[{\"role\": \"user\", \"content\": \"a\tb\"}]", .invalidJSON(byteOffset: 31, reason: "control character U+0009 must be escaped in a string")),
        ("[1,]", .invalidJSON(byteOffset: 3, reason: "unexpected character, expected a JSON value")),
        ("[\"\\ud800\"]", .invalidJSON(byteOffset: 8, reason: "unpaired high surrogate \\uD800")),
        ("[] x", .invalidJSON(byteOffset: 3, reason: "unexpected text after the JSON value")),
    ]

    @Test("malformed chat JSON is refused with a pointer or byte offset", arguments: shapeCases)
    func malformedInput(_ json: String, _ expected: ChatError) {
        #expect(throws: expected) { try Chat(jsonText: json) }
    }

    @Test("an empty chat is refused for every template", arguments: ChatTemplate.allCases)
    func emptyChat(_ template: ChatTemplate) throws {
        let chat = try Chat(jsonText: "{\"messages\": []}")
        #expect(throws: ChatError.invalidValue(pointer: "/messages", reason: "a chat needs at least one message")) {
            try chat.renderedPrompt(for: template)
        }
    }

    @Test("nesting past 512 levels is refused, not a stack overflow")
    func deepNesting() {
        let json = String(repeating: "[", count: 100_000)
        #expect(throws: ChatError.invalidJSON(byteOffset: 512, reason: "nesting deeper than 512 levels")) {
            try ChatJSON(parsing: json)
        }
    }
}
