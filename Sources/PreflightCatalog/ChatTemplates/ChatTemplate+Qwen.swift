// Qwen's ChatML templates, from llama.cpp models/templates/Qwen-Qwen2.5-7B-Instruct.jinja,
// Qwen-QwQ-32B.jinja and Qwen-Qwen3-0.6B.jinja. `<|im_start|>`/`<|im_end|>` are special tokens; the tool and think tags
// are added tokens that Hugging Face splits out of the rendered string, so template-authored text
// goes through `appendText(_:splittingOut:)`. Message content is plain text.

extension ChatRenderContext {
    private static let qwen25AddedTokens = ["<tool_call>", "</tool_call>"]
    private static let qwen3AddedTokens = ["<tool_call>", "</tool_call>", "<tool_response>", "</tool_response>", "<think>", "</think>"]
    private static let qwenToolsPreamble = "# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>"
    private static let qwenToolsPostamble = "\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>"
    private static let qwenDefaultSystem = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."

    /// Qwen 2.5: a system turn always (the default identity when none is given), tools listed in it.
    mutating func renderQwen25() throws(ChatError) {
        try renderQwenChatML(defaultSystem: Self.qwenDefaultSystem, added: Self.qwen25AddedTokens, isQwQ: false)
    }

    /// QwQ (llama.cpp models/templates/Qwen-QwQ-32B.jinja): Qwen 2.5's layout without a default
    /// system prompt; earlier assistant turns lose their reasoning (text up to `</think>`); the
    /// generation prompt opens `<think>\n`, and closes it at once unless thinking is enabled (that
    /// template treats an absent `enable_thinking` as false).
    mutating func renderQwQ() throws(ChatError) {
        try renderQwenChatML(defaultSystem: nil, added: Self.qwen3AddedTokens, isQwQ: true)
    }

    private mutating func renderQwenChatML(defaultSystem: String?, added: [String], isQwQ: Bool) throws(ChatError) {
        try requireRoles([.system, .user, .assistant, .tool])
        let firstIsSystem = messages[0].role == .system
        let system = firstIsSystem ? messages[0].text : defaultSystem
        if !chat.tools.isEmpty {
            openChatMLTurn("system")
            prompt.appendText(system ?? "")
            prompt.appendText("\n\n" + Self.qwenToolsPreamble, splittingOut: added)
            for tool in chat.tools { prompt.appendText("\n" + tool.definition.pythonJSON()) }
            prompt.appendText(Self.qwenToolsPostamble, splittingOut: added)
            closeChatMLTurn()
        } else if let system {
            appendChatMLTurn("system", system)
        }
        for (index, message) in messages.enumerated() {
            var content = message.text
            if isQwQ, message.role == .assistant, index != messages.count - 1 {
                let pieces = PythonText.split(content, separator: "</think>")
                content = PythonText.lstrip(pieces[pieces.count - 1], ["\n"])
            }
            switch message.role {
            case .user:
                appendChatMLTurn("user", message.text)
            case .system where index > 0:
                appendChatMLTurn("system", message.text)
            case .assistant where message.toolCalls.isEmpty:
                appendChatMLTurn("assistant", content)
            case .assistant:
                prompt.appendSpecial("<|im_start|>")
                prompt.appendText("assistant")
                if !message.text.isEmpty { prompt.appendText("\n" + content) }
                for call in message.toolCalls {
                    prompt.appendText("\n<tool_call>\n{\"name\": \"", splittingOut: added)
                    prompt.appendText(call.name + "\", \"arguments\": " + call.arguments.pythonJSON())
                    prompt.appendText("}\n</tool_call>", splittingOut: added)
                }
                closeChatMLTurn()
            case .tool:
                appendToolResponse(at: index, added: added)
            default:
                break  // the first system message, already printed
            }
        }
        guard options.addsGenerationPrompt else { return }
        openChatMLTurn("assistant")
        if isQwQ { prompt.appendText("<think>\n" + (options.enablesThinking ? "" : "</think>"), splittingOut: added) }
    }

    /// Qwen 3: no default system turn; assistant turns after the last real user query keep their
    /// reasoning as `<think>\n…\n</think>\n\n`, earlier ones lose it; `enable_thinking=false` adds
    /// an empty think block to the generation prompt.
    mutating func renderQwen3() throws(ChatError) {
        try requireRoles([.system, .user, .assistant, .tool])
        let added = Self.qwen3AddedTokens
        let firstIsSystem = messages[0].role == .system
        if !chat.tools.isEmpty {
            openChatMLTurn("system")
            if firstIsSystem { prompt.appendText(messages[0].text + "\n\n", splittingOut: []) }
            prompt.appendText(Self.qwenToolsPreamble, splittingOut: added)
            for tool in chat.tools { prompt.appendText("\n" + tool.definition.pythonJSON()) }
            prompt.appendText(Self.qwenToolsPostamble, splittingOut: added)
            closeChatMLTurn()
        } else if firstIsSystem {
            appendChatMLTurn("system", messages[0].text)
        }
        // The last user message that is not a wrapped tool response.
        var lastQuery = messages.count - 1
        for index in messages.indices.reversed() where messages[index].role == .user {
            let text = messages[index].text
            if !(PythonText.hasPrefix(text, "<tool_response>") && PythonText.hasSuffix(text, "</tool_response>")) {
                lastQuery = index
                break
            }
        }
        for (index, message) in messages.enumerated() {
            switch message.role {
            case .user:
                appendChatMLTurn("user", message.text)
            case .system where index > 0:
                appendChatMLTurn("system", message.text)
            case .assistant:
                appendQwen3Assistant(message, at: index, lastQuery: lastQuery, added: added)
            case .tool:
                appendToolResponse(at: index, added: added)
            default:
                break
            }
        }
        if options.addsGenerationPrompt {
            openChatMLTurn("assistant")
            if !options.enablesThinking { prompt.appendText("<think>\n\n</think>\n\n", splittingOut: added) }
        }
    }

    private mutating func appendQwen3Assistant(_ message: ChatMessage, at index: Int, lastQuery: Int, added: [String]) {
        var content = message.text
        var reasoning = ""
        if PythonText.contains(content, "</think>") {
            let pieces = PythonText.split(content, separator: "</think>")
            content = PythonText.lstrip(pieces[pieces.count - 1], ["\n"])
            let before = PythonText.rstrip(pieces[0], ["\n"])
            let afterOpen = PythonText.split(before, separator: "<think>")
            reasoning = PythonText.lstrip(afterOpen[afterOpen.count - 1], ["\n"])
        }
        prompt.appendSpecial("<|im_start|>")
        let isLast = index == messages.count - 1
        if index > lastQuery && (isLast || !reasoning.isEmpty) {
            prompt.appendText("assistant\n<think>\n", splittingOut: added)
            prompt.appendText(PythonText.strip(reasoning, ["\n"]))
            prompt.appendText("\n</think>\n\n", splittingOut: added)
            prompt.appendText(PythonText.lstrip(content, ["\n"]))
        } else {
            prompt.appendText("assistant\n" + content)
        }
        for (position, call) in message.toolCalls.enumerated() {
            if position > 0 || !content.isEmpty { prompt.appendText("\n") }
            prompt.appendText("<tool_call>\n{\"name\": \"", splittingOut: added)
            let arguments: String
            if case .string(let raw) = call.arguments { arguments = raw } else { arguments = call.arguments.pythonJSON() }
            prompt.appendText(call.name + "\", \"arguments\": " + arguments)
            prompt.appendText("}\n</tool_call>", splittingOut: added)
        }
        closeChatMLTurn()
    }

    /// Consecutive tool results share one user turn: `\n<tool_response>\n…\n</tool_response>` each.
    private mutating func appendToolResponse(at index: Int, added: [String]) {
        if index == 0 || messages[index - 1].role != .tool {
            prompt.appendSpecial("<|im_start|>")
            prompt.appendText("user")
        }
        prompt.appendText("\n<tool_response>\n", splittingOut: added)
        prompt.appendText(messages[index].text)
        prompt.appendText("\n</tool_response>", splittingOut: added)
        if index == messages.count - 1 || messages[index + 1].role != .tool { closeChatMLTurn() }
    }

    private mutating func openChatMLTurn(_ role: String) {
        prompt.appendSpecial("<|im_start|>")
        prompt.appendText(role + "\n")
    }

    private mutating func closeChatMLTurn() {
        prompt.appendSpecial("<|im_end|>")
        prompt.appendText("\n")
    }

    private mutating func appendChatMLTurn(_ role: String, _ content: String) {
        openChatMLTurn(role)
        prompt.appendText(content)
        closeChatMLTurn()
    }
}
