/// A chat request as a model's API receives it: messages, the tools it may call, and the reply format.
///
/// A `Chat` is not yet a prompt. The prompt a model reads is its chat template applied to the chat
/// (`chat.renderedPrompt(for: .llama3_1)`), and that is what token counts must measure.
public struct Chat: Sendable, Equatable {
    /// The conversation, in order.
    public var messages: [ChatMessage]
    /// Function definitions the model may call, in the OpenAI shape
    /// (`{"type": "function", "function": {"name", "description", "parameters"}}`). An empty list
    /// means no tools. Templates without a place for tools (Llama 2, Llama 3.0, Gemma 3, Mistral v1,
    /// BERT) leave them out of the prompt, as their references do.
    public var tools: [ChatTool]
    /// The requested reply format (`{"type": "json_schema", …}`), kept as given. None of the bundled
    /// templates prints it into the prompt: servers apply it while decoding.
    public var responseFormat: ChatJSON?
    /// Where the messages sit in the source JSON, for error pointers: `"/messages"` for the object
    /// form and for chats built in code, `""` for a bare array.
    public var messagesPointer: String

    /// A chat from parts built in code.
    public init(messages: [ChatMessage], tools: [ChatTool] = [], responseFormat: ChatJSON? = nil) {
        self.messages = messages
        self.tools = tools
        self.responseFormat = responseFormat
        self.messagesPointer = "/messages"
    }

    /// The JSON Pointer of message `index`, e.g. `/messages/3`.
    public func pointer(toMessage index: Int) -> String {
        "\(messagesPointer)/\(index)"
    }
}

/// Who wrote a message. The set of roles is the template's to decide (`ipython` exists only for
/// Llama 3, `developer` for gpt-oss), so this is an open string wrapper; templates reject roles they
/// do not know with `ChatError.roleNotAllowed`.
public struct ChatRole: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The role as written in the JSON (`"user"`).
    public var rawValue: String
    /// Wraps a role name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Instructions that frame the conversation.
    public static let system = ChatRole(rawValue: "system")
    /// Instructions from the application developer (gpt-oss; other templates treat it as unknown).
    public static let developer = ChatRole(rawValue: "developer")
    /// The person talking to the model.
    public static let user = ChatRole(rawValue: "user")
    /// The model's earlier replies.
    public static let assistant = ChatRole(rawValue: "assistant")
    /// The result of a tool call.
    public static let tool = ChatRole(rawValue: "tool")
    /// Llama 3's name for a tool result.
    public static let ipython = ChatRole(rawValue: "ipython")

    public var description: String { rawValue }
}

/// One message of a chat.
public struct ChatMessage: Sendable, Equatable {
    /// Who wrote it.
    public var role: ChatRole
    /// The text. `nil` when the JSON had `null` or no content (an assistant turn that only calls tools).
    /// A list of text parts is joined into one string when parsed.
    public var content: String?
    /// Tool calls made by an assistant turn.
    public var toolCalls: [ChatToolCall]
    /// For a tool result: the id of the call it answers.
    public var toolCallID: String?
    /// For a tool result: the name of the function that produced it.
    public var name: String?

    /// A message from parts built in code.
    public init(role: ChatRole, content: String?, toolCalls: [ChatToolCall] = [], toolCallID: String? = nil, name: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.name = name
    }

    /// The content, or the empty string when there is none.
    public var text: String { content ?? "" }
}

/// One function call requested by an assistant message.
public struct ChatToolCall: Sendable, Equatable {
    /// The call id (`call12345`), when given.
    public var id: String?
    /// The function's name.
    public var name: String
    /// The arguments as given: usually an object; OpenAI-style clients send a JSON string. Each
    /// template treats a string as its reference does (Hugging Face templates print it through
    /// `tojson` or raw, mistral-common parses it, harmony prints it as is).
    public var arguments: ChatJSON

    /// A call built in code.
    public init(id: String? = nil, name: String, arguments: ChatJSON) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// One function the model may call.
public struct ChatTool: Sendable, Equatable {
    /// The definition in the OpenAI shape, members in the caller's order:
    /// `{"type": "function", "function": {"name": …, "description": …, "parameters": …}}`.
    public var definition: ChatJSON

    /// A tool from its OpenAI-shaped definition.
    public init(definition: ChatJSON) { self.definition = definition }

    /// The inner `function` object.
    public var function: ChatJSON { definition["function"] ?? .object([]) }
    /// The function's name.
    public var name: String { function["name"]?.stringValue ?? "" }
    /// The function's description, if any.
    public var summary: String? { function["description"]?.stringValue }
    /// The JSON Schema of the arguments, if any.
    public var parameters: ChatJSON? { function["parameters"] }
}
