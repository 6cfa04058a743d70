extension Chat {
    /// Reads a chat in the command line's `--messages` shapes: an array of messages, or an object
    /// with `messages` and optionally `tools` and `response_format`.
    ///
    /// A message is `{"role", "content"}` plus, optionally, `tool_calls` (assistant), `tool_call_id`
    /// and `name` (tool results). `content` may be a string, `null`, or a list of `{"type": "text",
    /// "text": …}` parts (joined). Tools may be OpenAI-shaped (`{"type": "function", "function": {…}}`)
    /// or flat (`{"name", "description", "parameters"}`, as Workers AI accepts); flat ones are wrapped.
    /// Unknown members are ignored. Errors name the JSON Pointer of the offending value.
    /// - Complexity: O(n) in the input length.
    public init(json bytes: some Collection<UInt8>) throws(ChatError) {
        try self.init(json: try ChatJSON(parsing: bytes))
    }

    /// Reads a chat from JSON text; see `init(json:)` for the shapes.
    /// - Complexity: O(n) in the input length.
    public init(jsonText text: String) throws(ChatError) {
        try self.init(json: Array(text.utf8))
    }

    /// Reads a chat from a parsed JSON value; see `init(json:)` for the shapes.
    /// - Complexity: O(n) in the size of the value.
    public init(json value: ChatJSON) throws(ChatError) {
        switch value {
        case .array(let elements):
            self.init(messages: try Self.messages(elements, at: ""))
            messagesPointer = ""
        case .object:
            guard let messages = value["messages"] else {
                throw .invalidValue(pointer: "", reason: "a chat object needs a 'messages' array")
            }
            guard case .array(let elements) = messages else {
                throw .invalidValue(pointer: "/messages", reason: "expected an array of messages, found \(messages.kindDescription)")
            }
            var tools: [ChatTool] = []
            if let toolsValue = value["tools"], toolsValue != .null {
                guard case .array(let toolElements) = toolsValue else {
                    throw .invalidValue(pointer: "/tools", reason: "expected an array of tools, found \(toolsValue.kindDescription)")
                }
                for (index, tool) in toolElements.enumerated() {
                    tools.append(try Self.tool(tool, at: "/tools/\(index)"))
                }
            }
            var responseFormat: ChatJSON?
            if let format = value["response_format"], format != .null {
                guard case .object = format else {
                    throw .invalidValue(pointer: "/response_format", reason: "expected an object, found \(format.kindDescription)")
                }
                responseFormat = format
            }
            self.init(messages: try Self.messages(elements, at: "/messages"), tools: tools, responseFormat: responseFormat)
        default:
            throw .invalidValue(pointer: "", reason: "expected an array of messages or an object with 'messages', found \(value.kindDescription)")
        }
    }

    private static func messages(_ elements: [ChatJSON], at pointer: String) throws(ChatError) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        messages.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            messages.append(try message(element, at: "\(pointer)/\(index)"))
        }
        return messages
    }

    private static func message(_ value: ChatJSON, at pointer: String) throws(ChatError) -> ChatMessage {
        guard case .object = value else {
            throw .invalidValue(pointer: pointer, reason: "expected a message object with 'role' and 'content', found \(value.kindDescription)")
        }
        guard let roleValue = value["role"] else { throw .invalidValue(pointer: pointer, reason: "a message needs a 'role'") }
        guard let role = roleValue.stringValue else {
            throw .invalidValue(pointer: pointer + "/role", reason: "expected a string, found \(roleValue.kindDescription)")
        }
        let content = try Self.content(value["content"], at: pointer + "/content")
        var toolCalls: [ChatToolCall] = []
        if let calls = value["tool_calls"], calls != .null {
            guard case .array(let callElements) = calls else {
                throw .invalidValue(pointer: pointer + "/tool_calls", reason: "expected an array, found \(calls.kindDescription)")
            }
            for (index, call) in callElements.enumerated() {
                toolCalls.append(try toolCall(call, at: "\(pointer)/tool_calls/\(index)"))
            }
        }
        return ChatMessage(
            role: ChatRole(rawValue: role), content: content, toolCalls: toolCalls,
            toolCallID: try optionalString(value["tool_call_id"], at: pointer + "/tool_call_id"),
            name: try optionalString(value["name"], at: pointer + "/name"))
    }

    private static func content(_ value: ChatJSON?, at pointer: String) throws(ChatError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case .array(let parts)?:
            var joined = ""
            for (index, part) in parts.enumerated() {
                guard part["type"]?.stringValue == "text", let text = part["text"]?.stringValue else {
                    throw .invalidValue(pointer: "\(pointer)/\(index)", reason: "only {\"type\": \"text\", \"text\": …} parts can be counted")
                }
                joined += text
            }
            return joined
        case let other?:
            throw .invalidValue(pointer: pointer, reason: "expected a string, null or a list of text parts, found \(other.kindDescription)")
        }
    }

    private static func optionalString(_ value: ChatJSON?, at pointer: String) throws(ChatError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw .invalidValue(pointer: pointer, reason: "expected a string, found \(other.kindDescription)")
        }
    }

    private static func toolCall(_ value: ChatJSON, at pointer: String) throws(ChatError) -> ChatToolCall {
        guard case .object = value else {
            throw .invalidValue(pointer: pointer, reason: "expected a tool call object, found \(value.kindDescription)")
        }
        let function = value["function"] ?? value
        let base = value["function"] == nil ? pointer : pointer + "/function"
        guard let name = function["name"]?.stringValue else {
            throw .invalidValue(pointer: base + "/name", reason: "a tool call needs a function name (a string)")
        }
        let arguments = function["arguments"] ?? .object([])
        return ChatToolCall(id: try optionalString(value["id"], at: pointer + "/id"), name: name, arguments: arguments)
    }

    private static func tool(_ value: ChatJSON, at pointer: String) throws(ChatError) -> ChatTool {
        guard case .object = value else {
            throw .invalidValue(pointer: pointer, reason: "expected a tool object, found \(value.kindDescription)")
        }
        let function = value["function"] ?? value
        let base = value["function"] == nil ? pointer : pointer + "/function"
        guard case .object = function else {
            throw .invalidValue(pointer: base, reason: "expected a function object, found \(function.kindDescription)")
        }
        guard function["name"]?.stringValue != nil else {
            throw .invalidValue(pointer: base + "/name", reason: "a tool needs a function name (a string)")
        }
        if let parameters = function["parameters"], parameters != .null, parameters.objectMembers == nil {
            throw .invalidValue(pointer: base + "/parameters", reason: "expected a JSON Schema object, found \(parameters.kindDescription)")
        }
        let definition = value["function"] == nil ? ChatJSON.object([("type", .string("function")), ("function", value)]) : value
        return ChatTool(definition: definition)
    }
}
