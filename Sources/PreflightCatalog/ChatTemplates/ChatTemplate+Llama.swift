// Meta's templates. Sources: Llama 2 and Llama 3 (3.0) from the models' tokenizer_config.json;
// Llama 3.1/3.2 from llama.cpp models/templates/meta-llama-Llama-3.{1,2}-*.jinja; Llama 4 from
// transformers 5.24.0 models/llama4/processing_llama4.py. Comments quote the Jinja being mirrored.

extension ChatRenderContext {
    /// `{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}` per user turn,
    /// `{{ ' ' + content.strip() + ' ' + eos_token }}` per assistant turn; a first system message
    /// becomes `<<SYS>>\n…\n<</SYS>>\n\n` in front of the first user turn.
    mutating func renderLlama2() throws(ChatError) {
        try requireRoles([.system, .user, .assistant])
        try requireNoToolCalls()
        let hasSystem = messages[0].role == .system
        let start = hasSystem ? 1 : 0
        for index in start..<messages.count where messages[index].role == .system {
            throw notRenderable(at: index, "/role", "a system message must be the first message")
        }
        try requireAlternation(from: start)
        for index in start..<messages.count {
            let message = messages[index]
            var content = message.text
            if index == start, hasSystem {
                content = "<<SYS>>\n" + messages[0].text + "\n<</SYS>>\n\n" + content
            }
            if message.role == .user {
                prompt.appendSpecial("<s>")
                prompt.appendText("[INST] " + PythonText.strip(content) + " [/INST]")
            } else {
                prompt.appendText(" " + PythonText.strip(content) + " ")
                prompt.appendSpecial("</s>")
            }
        }
    }

    /// Llama 3.0: `bos_token` then, per message, `<|start_header_id|>role<|end_header_id|>\n\n`
    /// + `content | trim` + `<|eot_id|>`.
    mutating func renderLlama3() throws(ChatError) {
        try requireRoles([.system, .user, .assistant, .tool, .ipython])
        try requireNoToolCalls()
        prompt.appendSpecial("<|begin_of_text|>")
        for message in messages {
            appendLlama3Turn(role: message.role.rawValue, body: PythonText.strip(message.text))
        }
        if options.addsGenerationPrompt { appendLlama3Header("assistant") }
    }

    /// Llama 3.1 / 3.2: the system header always carries the knowledge cutoff and the date; tools
    /// go into the first user message (`tools_in_user_message` defaults to true), each printed with
    /// `tojson(indent=4)`; a tool call prints `{"name": …, "parameters": …}`; a tool result is
    /// printed through `tojson` (the template tests `is iterable`, which strings pass, so string
    /// results appear JSON-quoted).
    mutating func renderLlama31(defaultDate date: ChatDate) throws(ChatError) {
        try requireRoles([.system, .user, .assistant, .tool, .ipython])
        var index = 0
        var systemMessage = ""
        if messages[0].role == .system {
            systemMessage = PythonText.strip(messages[0].text)
            index = 1
        }
        let hasTools = !chat.tools.isEmpty
        prompt.appendSpecial("<|begin_of_text|>")
        appendLlama3Header("system")
        if hasTools { prompt.appendText("Environment: ipython\n") }
        prompt.appendText("Cutting Knowledge Date: December 2023\n")
        prompt.appendText("Today Date: " + date.dayMonthYear + "\n\n")
        prompt.appendText(systemMessage)
        prompt.appendSpecial("<|eot_id|>")
        if hasTools {
            guard index < messages.count else {
                throw .notRenderable(pointer: chat.messagesPointer, template: template,
                                     reason: "tools go into the first user message, and there is none")
            }
            appendLlama3Header("user")
            appendLlamaToolPreamble()
            prompt.appendText(PythonText.strip(messages[index].text))
            prompt.appendSpecial("<|eot_id|>")
            index += 1
        }
        while index < messages.count {
            let message = messages[index]
            if message.role == .tool || message.role == .ipython {
                guard let content = message.content else {
                    throw notRenderable(at: index, "/content", "a tool result needs content")
                }
                appendLlama3Header("ipython")
                prompt.appendText(ChatJSON.string(content).pythonJSON())
                prompt.appendSpecial("<|eot_id|>")
            } else if !message.toolCalls.isEmpty {
                guard message.toolCalls.count == 1 else {
                    throw notRenderable(at: index, "/tool_calls", "this model only supports single tool-calls at once")
                }
                let call = message.toolCalls[0]
                appendLlama3Header("assistant")
                prompt.appendText("{\"name\": \"" + call.name + "\", \"parameters\": " + call.arguments.pythonJSON() + "}")
                prompt.appendSpecial("<|eot_id|>")
            } else {
                appendLlama3Turn(role: message.role.rawValue, body: PythonText.strip(message.text))
            }
            index += 1
        }
        if options.addsGenerationPrompt { appendLlama3Header("assistant") }
    }

    /// Llama 4: `<|begin_of_text|>`, a user-supplied system message (trimmed; "Environment: ipython"
    /// first when there are tools) in its own turn, tools in the first user turn as for Llama 3.1,
    /// then `<|header_start|>role<|header_end|>\n\n` + content + `<|eot|>` per message; a tool call
    /// is `<|python_start|>{content}<|python_end|>` + `{"name": …, "parameters": …}` per call;
    /// a tool result is an `ipython` turn printed through `tojson`.
    mutating func renderLlama4() throws(ChatError) {
        try requireRoles([.system, .user, .assistant, .tool, .ipython])
        let hasTools = !chat.tools.isEmpty
        prompt.appendSpecial("<|begin_of_text|>")
        var index = 0
        if messages[0].role == .system {
            appendLlama4Header("system")
            if hasTools { prompt.appendText("Environment: ipython\n") }
            prompt.appendText(PythonText.strip(messages[0].text))
            prompt.appendSpecial("<|eot|>")
            index = 1
        }
        if hasTools {
            guard index < messages.count else {
                throw .notRenderable(pointer: chat.messagesPointer, template: template,
                                     reason: "tools go into the first user message, and there is none")
            }
            appendLlama4Header("user")
            appendLlamaToolPreamble()
            prompt.appendText(PythonText.strip(messages[index].text))
            prompt.appendSpecial("<|eot|>")
            index += 1
        }
        while index < messages.count {
            let message = messages[index]
            if message.role == .tool || message.role == .ipython {
                appendLlama4Header("ipython")
                prompt.appendText(ChatJSON.string(message.text).pythonJSON())
                prompt.appendSpecial("<|eot|>")
            } else if !message.toolCalls.isEmpty {
                appendLlama4Header("assistant")
                prompt.appendSpecial("<|python_start|>")
                prompt.appendText(message.text)
                prompt.appendSpecial("<|python_end|>")
                for call in message.toolCalls {
                    prompt.appendText("{\"name\": \"" + call.name + "\", \"parameters\": " + call.arguments.pythonJSON() + "}")
                }
                prompt.appendSpecial("<|eot|>")
            } else {
                appendLlama4Header(message.role.rawValue)
                prompt.appendText(message.text)
                prompt.appendSpecial("<|eot|>")
            }
            index += 1
        }
        if options.addsGenerationPrompt { appendLlama4Header("assistant") }
    }

    /// The tool instructions Llama 3.1 and Llama 4 put at the top of the first user message.
    private mutating func appendLlamaToolPreamble() {
        prompt.appendText("Given the following functions, please respond with a JSON for a function call ")
        prompt.appendText("with its proper arguments that best answers the given prompt.\n\n")
        prompt.appendText("Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.")
        prompt.appendText("Do not use variables.\n\n")
        for tool in chat.tools {
            prompt.appendText(tool.definition.pythonJSON(indent: 4) + "\n\n")
        }
    }

    private mutating func appendLlama4Header(_ role: String) {
        prompt.appendSpecial("<|header_start|>")
        prompt.appendText(role)
        prompt.appendSpecial("<|header_end|>")
        prompt.appendText("\n\n")
    }

    private mutating func appendLlama3Header(_ role: String) {
        prompt.appendSpecial("<|start_header_id|>")
        prompt.appendText(role)
        prompt.appendSpecial("<|end_header_id|>")
        prompt.appendText("\n\n")
    }

    private mutating func appendLlama3Turn(role: String, body: String) {
        appendLlama3Header(role)
        prompt.appendText(body)
        prompt.appendSpecial("<|eot_id|>")
    }

}
