import PreflightCatalog
import PreflightSchema

extension RunRequest {
    /// The JSON body for this request's endpoint, streaming or not.
    ///
    /// Native: `prompt` / `messages` / `text` plus `max_tokens`, `stream`, `response_format`
    /// (`{"type": "json_schema", "json_schema": schema}` as Workers AI's JSON-mode page shows).
    /// OpenAI-compatible: `model` plus `messages` or `input`, and OpenAI's `response_format` shape.
    func makeBody(streaming: Bool) throws(WorkersAIError) -> [UInt8] {
        if streaming, jsonMode != nil {
            throw .invalidRequest(reason: "JSON mode does not support streaming on Workers AI; drop one of them")
        }
        if let maxTokens, maxTokens < 1 {
            throw .invalidRequest(reason: "max_tokens must be at least 1 (got \(maxTokens))")
        }
        // Caller parameters first, so the members the client relies on (input, stream, format) win.
        var body = parameters
        switch endpoint {
        case .native:
            try addNativeInput(to: &body)
            if let schema = jsonMode?.schema { body["response_format"] = schema.responseFormat }
        case .chatCompletions:
            body["model"] = .string(model)
            switch input {
            case .prompt(let text): body["messages"] = [["role": "user", "content": .string(text)]]
            case .chat(let chat): Self.add(chat, to: &body)
            case .texts, .speech, .body:
                throw .invalidRequest(reason: "the chat-completions endpoint takes a prompt or messages")
            }
            if let schema = jsonMode?.schema {
                body["response_format"] = [
                    "type": "json_schema", "json_schema": ["name": "reply", "schema": schema.json, "strict": true],
                ]
            }
        case .embeddings:
            body["model"] = .string(model)
            switch input {
            case .texts(let texts): body["input"] = .array(texts.map(JSONValue.string))
            case .prompt(let text): body["input"] = .string(text)
            case .chat, .speech, .body:
                throw .invalidRequest(reason: "the embeddings endpoint takes texts")
            }
        }
        if let maxTokens { body["max_tokens"] = .number(JSONNumber(maxTokens)) }
        body["stream"] = streaming ? true : nil  // the reply is read as the call expects, whatever `parameters` said
        return JSONSerializer.bytes(from: .object(body))
    }

    private func addNativeInput(to body: inout JSONObject) throws(WorkersAIError) {
        switch input {
        case .prompt(let text): body["prompt"] = .string(text)
        case .chat(let chat): Self.add(chat, to: &body)
        case .texts(let texts): body["text"] = .array(texts.map(JSONValue.string))
        case .speech(let text): body["text"] = .string(text)
        case .body(let object): for (key, value) in object { body[key] = value }
        }
    }

    /// `messages`, and `tools` and `response_format` when the chat has them, in OpenAI's shape.
    private static func add(_ chat: Chat, to body: inout JSONObject) {
        body["messages"] = .array(chat.messages.map(message))
        if !chat.tools.isEmpty { body["tools"] = .array(chat.tools.map { json($0.definition) }) }
        if let format = chat.responseFormat { body["response_format"] = json(format) }
    }

    private static func message(_ message: ChatMessage) -> JSONValue {
        var object = JSONObject()
        object["role"] = .string(message.role.rawValue)
        object["content"] = message.content.map(JSONValue.string) ?? .null
        if !message.toolCalls.isEmpty {
            object["tool_calls"] = .array(
                message.toolCalls.map { call in
                    var entry = JSONObject()
                    if let id = call.id { entry["id"] = .string(id) }
                    entry["type"] = "function"
                    entry["function"] = ["name": .string(call.name), "arguments": json(call.arguments)]
                    return .object(entry)
                })
        }
        if let id = message.toolCallID { object["tool_call_id"] = .string(id) }
        if let name = message.name { object["name"] = .string(name) }
        return .object(object)
    }

    /// The catalog's chat JSON as the schema module's value (it prints valid JSON, read back exactly).
    private static func json(_ value: ChatJSON) -> JSONValue {
        (try? JSONParser().parse(value.pythonJSON())) ?? .null
    }
}
