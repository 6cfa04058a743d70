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
        if options.includesDate { system += "Current date: \((options.date ?? ChatDate.today()).description)\n" }
        system += "\n"
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
                    // As the model writes a call, and as harmony renders content type "<|constrain|>json".
                    prompt.appendSpecial("<|start|>")
                    prompt.appendText("assistant to=functions.\(call.name)")
                    prompt.appendSpecial("<|channel|>")
                    prompt.appendText("commentary ")
                    prompt.appendSpecial("<|constrain|>")
                    prompt.appendText("json")
                    prompt.appendSpecial("<|message|>")
                    prompt.appendText(arguments)
                    prompt.appendSpecial("<|call|>")
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

    /// `## functions\n\nnamespace functions {\n\n// description\ntype name = (_: {\n…}) => any;\n\n} // namespace functions`,
    /// laid out as openai-harmony prints JSON Schemas as TypeScript (nested objects indented by four
    /// spaces, `oneOf` variants as `\n | type` lines, defaults as `// default:` comments).
    private func harmonyNamespace(_ tools: [ChatTool]) -> String {
        var out = "## functions\n\nnamespace functions {\n\n"
        for tool in tools {
            if let summary = tool.summary { out += "// " + summary + "\n" }
            out += "type " + tool.name + " = "
            guard let parameters = tool.parameters, parameters != .null else {
                out += "() => any;\n\n"
                continue
            }
            out += "(_: {\n"
            let required = requiredNames(parameters)
            for (name, spec) in parameters["properties"]?.objectMembers ?? [] {
                out += harmonyProperty(name, spec, isRequired: required.contains(name), indent: "")
            }
            out += "}) => any;\n\n"
        }
        return out + "} // namespace functions"
    }

    private func requiredNames(_ schema: ChatJSON) -> [String] {
        (schema["required"]?.arrayElements ?? []).compactMap(\.stringValue)
    }

    /// One property line: its description as a comment, `name?: type`, a default comment, `,\n`.
    private func harmonyProperty(_ name: String, _ spec: ChatJSON, isRequired: Bool, indent: String) -> String {
        var out = ""
        if let description = spec["description"]?.stringValue { out += indent + "// " + description + "\n" }
        out += indent + name + (isRequired ? "" : "?") + ":"
        if let variants = spec["oneOf"]?.arrayElements {
            for variant in variants {
                out += "\n" + indent + " | " + typeScriptType(variant, indent: indent + "   ")
                if let description = variant["description"]?.stringValue { out += " // " + description }
            }
            out += "\n" + indent
        } else {
            out += " " + typeScriptType(spec, indent: indent + "    ")
        }
        guard let defaultValue = spec["default"] else { return out + ",\n" }
        if spec["enum"] != nil, let text = defaultValue.stringValue {
            return out + ", // default: " + text + "\n"
        }
        return out + ", // default: " + defaultValue.pythonJSON() + "\n"
    }

    /// A JSON Schema as the TypeScript type harmony prints; `indent` is where nested members go.
    private func typeScriptType(_ spec: ChatJSON, indent: String) -> String {
        let nullable = spec["nullable"] == .bool(true) ? " | null" : ""
        if let types = spec["type"]?.arrayElements {
            return types.compactMap(\.stringValue).joined(separator: " | ")
        }
        switch spec["type"]?.stringValue {
        case "array":
            guard let items = spec["items"], items != .null else { return "Array<any>" + nullable }
            return typeScriptType(items, indent: indent) + "[]" + nullable
        case "string":
            if let values = spec["enum"]?.arrayElements {
                return values.map { "\"" + ($0.stringValue ?? $0.pythonJSON()) + "\"" }.joined(separator: " | ") + nullable
            }
            return "string" + nullable
        case "number", "integer": return "number" + nullable
        case "boolean": return "boolean" + nullable
        case "object":
            var out = ""
            if let description = spec["description"]?.stringValue { out += indent + "// " + description + "\n" }
            out += "{\n"
            let required = requiredNames(spec)
            for (name, member) in spec["properties"]?.objectMembers ?? [] {
                out += harmonyProperty(name, member, isRequired: required.contains(name), indent: indent)
            }
            return out + indent + "}" + nullable
        default:
            return "any"
        }
    }
}
