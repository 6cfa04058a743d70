// gpt-oss's harmony format as openai-harmony 0.0.8 renders a conversation for completion (the
// renderer vLLM uses for gpt-oss); llama.cpp's openai-gpt-oss-120b.jinja agrees except that it adds
// a blank line after developer instructions and JSON-quotes tool results.

extension ChatRenderContext {
    /// The system message (identity, knowledge cutoff, date, reasoning effort, channels), a developer
    /// message with the first system/developer message as `# Instructions` and the tools as a
    /// TypeScript namespace, then one `<|start|>{header}<|message|>{content}<|end|>` per message.
    mutating func renderHarmony() throws(ChatError) {
        try requireRoles([.system, .developer, .user, .assistant, .tool])
        let hasInstructions = messages[0].role == .system || messages[0].role == .developer
        let start = hasInstructions ? 1 : 0
        for index in start..<messages.count where messages[index].role == .system || messages[index].role == .developer {
            throw notRenderable(at: index, "/role", "system and developer instructions must be the first message")
        }
        let hasTools = !chat.tools.isEmpty
        var system = "You are ChatGPT, a large language model trained by OpenAI.\n"
        system += "Knowledge cutoff: 2024-06\n"
        system += "Current date: \((options.date ?? ChatDate.today()).description)\n\n"
        system += "Reasoning: \(options.reasoningEffort.rawValue)\n\n"
        system += "# Valid channels: analysis, commentary, final. Channel must be included for every message."
        if hasTools { system += "\nCalls to these tools must go to the commentary channel: 'functions'." }
        appendHarmonyMessage(header: "system", body: system)
        if hasInstructions || hasTools {
            var developer = ""
            if hasInstructions { developer += "# Instructions\n\n" + messages[0].text }
            if hasTools {
                if hasInstructions { developer += "\n\n" }
                developer += "# Tools\n\n" + harmonyNamespace(chat.tools)
            }
            appendHarmonyMessage(header: "developer", body: developer)
        }
        var lastCallName: String?
        for index in start..<messages.count {
            let message = messages[index]
            switch message.role {
            case .user:
                appendHarmonyMessage(header: "user", body: message.text)
            case .tool:
                guard let name = message.name ?? lastCallName else {
                    throw notRenderable(at: index, "/role", "a tool result needs a preceding tool call or a 'name'")
                }
                appendHarmonyMessage(header: "functions.\(name) to=assistant", channel: "commentary", body: message.text)
            default:
                if message.toolCalls.isEmpty {
                    appendHarmonyMessage(header: "assistant", channel: "final", body: message.text)
                    lastCallName = nil
                    continue
                }
                let laterFinal = messages[(index + 1)...].contains { $0.role == .assistant && $0.toolCalls.isEmpty }
                if !message.text.isEmpty && !laterFinal {
                    appendHarmonyMessage(header: "assistant", channel: "analysis", body: message.text)
                }
                for call in message.toolCalls {
                    let arguments: String
                    if case .string(let raw) = call.arguments { arguments = raw } else { arguments = call.arguments.pythonJSON() }
                    appendHarmonyMessage(header: "assistant to=functions.\(call.name)", channel: "commentary json",
                                         body: arguments, end: "<|call|>")
                    lastCallName = call.name
                }
            }
        }
        if options.addsGenerationPrompt {
            prompt.appendSpecial("<|start|>")
            prompt.appendText("assistant")
        }
    }

    private mutating func appendHarmonyMessage(header: String, channel: String? = nil, body: String, end: String = "<|end|>") {
        prompt.appendSpecial("<|start|>")
        prompt.appendText(header)
        if let channel {
            prompt.appendSpecial("<|channel|>")
            prompt.appendText(channel)
        }
        prompt.appendSpecial("<|message|>")
        prompt.appendText(body)
        prompt.appendSpecial(end)
    }

    /// `## functions\n\nnamespace functions {\n\n// description\ntype name = (_: {\n…}) => any;\n\n} // namespace functions`
    private func harmonyNamespace(_ tools: [ChatTool]) -> String {
        var out = "## functions\n\nnamespace functions {\n\n"
        for tool in tools {
            if let summary = tool.summary { out += "// " + summary + "\n" }
            out += "type " + tool.name + " = "
            let parameters = tool.parameters ?? .object([])
            guard let properties = parameters["properties"]?.objectMembers, !properties.isEmpty else {
                out += "() => any;\n\n"
                continue
            }
            let required = requiredNames(parameters)
            out += "(_: {\n"
            for (name, spec) in properties {
                if let description = spec["description"]?.stringValue { out += "// " + description + "\n" }
                out += name + (required.contains(name) ? "" : "?") + ": " + typeScriptType(spec)
                if let defaultValue = spec["default"] {
                    if spec["enum"] != nil, let text = defaultValue.stringValue {
                        out += ", // default: " + text
                    } else {
                        out += ", // default: " + defaultValue.pythonJSON()
                    }
                }
                out += ",\n"
            }
            out += "}) => any;\n\n"
        }
        return out + "} // namespace functions"
    }

    private func requiredNames(_ schema: ChatJSON) -> [String] {
        (schema["required"]?.arrayElements ?? []).compactMap(\.stringValue)
    }

    /// A JSON Schema as the TypeScript type harmony prints for it.
    private func typeScriptType(_ spec: ChatJSON) -> String {
        let nullable = spec["nullable"] == .bool(true) ? " | null" : ""
        if let types = spec["type"]?.arrayElements {
            return types.compactMap(\.stringValue).joined(separator: " | ")
        }
        if let variants = spec["oneOf"]?.arrayElements {
            if variants.count > 1 && variants.contains(where: { $0["type"]?.stringValue == "object" }) { return "any" }
            return variants.map(typeScriptType).joined(separator: " | ")
        }
        switch spec["type"]?.stringValue {
        case "array":
            guard let items = spec["items"], items != .null else { return "any[]" + nullable }
            switch items["type"]?.stringValue {
            case "string": return "string[]" + nullable
            case "number", "integer": return "number[]" + nullable
            case "boolean": return "boolean[]" + nullable
            default:
                let inner = typeScriptType(items)
                return (inner == "object | object" || inner.unicodeScalars.count > 50 ? "any[]" : inner + "[]") + nullable
            }
        case "string":
            if let values = spec["enum"]?.arrayElements {
                return values.map { "\"" + ($0.stringValue ?? $0.pythonJSON()) + "\"" }.joined(separator: " | ")
            }
            return "string" + nullable
        case "number", "integer": return "number"
        case "boolean": return "boolean"
        case "object":
            guard let properties = spec["properties"]?.objectMembers, !properties.isEmpty else { return "object" }
            let required = requiredNames(spec)
            let fields = properties.map { $0.key + (required.contains($0.key) ? "" : "?") + ": " + typeScriptType($0.value) }
            return "{\n" + fields.joined(separator: ", ") + "}"
        default:
            return "any"
        }
    }
}
