// Mistral's formats as mistral-common 1.13.1 encodes them (InstructTokenizerV1 and V7 with the
// request normalizers): every message is encoded by its own tokenizer call, so each piece of text
// here is a separate segment.

extension ChatRenderContext {
    /// Mistral v1: `<s>`, then `[INST] {content} [/INST]` per user turn (text, not control tokens
    /// in this vocabulary) and `{content}</s>` per assistant turn. System messages are joined with
    /// blank lines and put in front of the first user turn; neighbouring messages of one role are
    /// joined the same way, as mistral-common's normalizer does.
    mutating func renderMistralV1() throws(ChatError) {
        try requireRoles([.system, .user, .assistant])
        try requireNoToolCalls()
        let systemPrompt = messages.filter { $0.role == .system }.map(\.text).joined(separator: "\n\n")
        let turns = try mistralTurns(excludingSystem: true)
        var isFirstUser = true
        prompt.appendSpecial("<s>")
        for turn in turns {
            if turn.role == .user {
                var content = turn.content
                if isFirstUser, !systemPrompt.isEmpty { content = systemPrompt + "\n\n" + content }
                isFirstUser = false
                prompt.appendSeparateText("[INST] " + content + " [/INST]")
            } else {
                guard !turn.content.isEmpty else {
                    throw notRenderable(at: turn.index, "/content", "an assistant message needs content")
                }
                prompt.appendSeparateText(turn.content)
                prompt.appendSpecial("</s>")
            }
        }
    }

    /// Mistral Tekken v7: system messages stay in place as `[SYSTEM_PROMPT]…[/SYSTEM_PROMPT]`;
    /// the tool list goes before the last user turn as `[AVAILABLE_TOOLS]` + JSON; assistant text
    /// loses trailing spaces; tool calls are `[TOOL_CALLS]` + JSON; tool results are
    /// `[TOOL_RESULTS]{id}[TOOL_CONTENT]{content}[/TOOL_RESULTS]`.
    mutating func renderMistralTekkenV7() throws(ChatError) {
        try requireRoles([.system, .user, .assistant, .tool])
        let turns = try mistralTurns(excludingSystem: false)
        let lastUser = turns.lastIndex(where: { $0.role == .user })
        prompt.appendSpecial("<s>")
        for (position, turn) in turns.enumerated() {
            switch turn.role {
            case .system:
                prompt.appendSpecial("[SYSTEM_PROMPT]")
                prompt.appendSeparateText(turn.content)
                prompt.appendSpecial("[/SYSTEM_PROMPT]")
            case .user:
                if position == lastUser, !chat.tools.isEmpty {
                    prompt.appendSpecial("[AVAILABLE_TOOLS]")
                    prompt.appendSeparateText(ChatJSON.array(chat.tools.map(mistralToolJSON)).pythonJSON())
                    prompt.appendSpecial("[/AVAILABLE_TOOLS]")
                }
                prompt.appendSpecial("[INST]")
                prompt.appendSeparateText(turn.content)
                prompt.appendSpecial("[/INST]")
            case .tool:
                guard let id = turn.toolCallID else {
                    throw notRenderable(at: turn.index, "/tool_call_id", "a tool result needs the tool_call_id of its call")
                }
                prompt.appendSpecial("[TOOL_RESULTS]")
                prompt.appendSeparateText(id)
                prompt.appendSpecial("[TOOL_CONTENT]")
                prompt.appendSeparateText(turn.content)
                prompt.appendSpecial("[/TOOL_RESULTS]")
            default:
                guard !turn.content.isEmpty || !turn.toolCalls.isEmpty else {
                    throw notRenderable(at: turn.index, "/content", "an assistant message needs content or tool calls")
                }
                prompt.appendSeparateText(PythonText.rstrip(turn.content, [" "]))
                if !turn.toolCalls.isEmpty {
                    prompt.appendSpecial("[TOOL_CALLS]")
                    prompt.appendSeparateText(ChatJSON.array(turn.toolCalls.map(mistralCallJSON)).pythonJSON())
                }
                prompt.appendSpecial("</s>")
            }
        }
    }

    /// One normalized message: neighbouring user (or assistant) messages merged with "\n\n".
    struct MistralTurn {
        var role: ChatRole
        var content: String
        var toolCalls: [ChatToolCall]
        var toolCallID: String?
        /// The index of the first source message, for error pointers.
        var index: Int
    }

    /// mistral-common's request normalizer: drops (v1) or keeps (v7) system messages, merges runs of
    /// user or assistant messages, and checks the order its validator accepts.
    private func mistralTurns(excludingSystem: Bool) throws(ChatError) -> [MistralTurn] {
        var turns: [MistralTurn] = []
        for (index, message) in messages.enumerated() {
            if message.role == .system && excludingSystem { continue }
            let mergeable = message.role == .user || message.role == .assistant
            if mergeable, let last = turns.last, last.role == message.role {
                let joined = [last.content, message.text].filter { !$0.isEmpty }.joined(separator: "\n\n")
                turns[turns.count - 1].content = joined
                turns[turns.count - 1].toolCalls += message.toolCalls
                continue
            }
            turns.append(MistralTurn(role: message.role, content: message.text, toolCalls: message.toolCalls,
                                     toolCallID: message.toolCallID, index: index))
        }
        let conversation = turns.filter { $0.role != .system }
        guard let first = conversation.first else {
            throw .notRenderable(pointer: chat.messagesPointer, template: template, reason: "there is no user message")
        }
        if first.role != .user {
            throw notRenderable(at: first.index, "/role", "the first message after system messages must come from the user")
        }
        if let last = conversation.last, last.role != .user, last.role != .assistant, last.role != .tool {
            throw notRenderable(at: last.index, "/role", "the last message must come from the user, the assistant or a tool")
        }
        return turns
    }

    /// A tool as mistral-common's `Tool.model_dump()` writes it: fixed member order, description defaulting to "".
    private func mistralToolJSON(_ tool: ChatTool) -> ChatJSON {
        .object([
            ("type", .string("function")),
            ("function", .object([
                ("name", .string(tool.name)),
                ("description", .string(tool.summary ?? "")),
                ("parameters", tool.parameters ?? .object([])),
            ])),
        ])
    }

    /// A tool call as mistral-common v3+ writes it: name, arguments (parsed when given as JSON text), id.
    private func mistralCallJSON(_ call: ChatToolCall) -> ChatJSON {
        var arguments = call.arguments
        if case .string(let text) = arguments, let parsed = try? ChatJSON(parsing: text) { arguments = parsed }
        var members: [(key: String, value: ChatJSON)] = [("name", .string(call.name)), ("arguments", arguments)]
        if let id = call.id, id != "null" { members.append(("id", .string(id))) }
        return .object(members)
    }
}
