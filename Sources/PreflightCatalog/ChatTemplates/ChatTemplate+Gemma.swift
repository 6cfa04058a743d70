// Gemma 3's template (google/gemma-3-*-it tokenizer_config.json) and the BERT embedding layout.

extension ChatRenderContext {
    /// Gemma 3: `<bos>`, then `<start_of_turn>{user|model}\n` + content (trimmed) + `<end_of_turn>\n`
    /// per message. A first system message is not a turn: its text plus a blank line opens the first
    /// user turn. Roles must alternate, starting with the user.
    mutating func renderGemma3() throws(ChatError) {
        try requireRoles([.system, .user, .assistant])
        try requireNoToolCalls()
        var prefix = ""
        var start = 0
        if messages[0].role == .system {
            prefix = messages[0].text + "\n\n"
            start = 1
        }
        for index in start..<messages.count where messages[index].role == .system {
            throw notRenderable(at: index, "/role", "a system message must be the first message")
        }
        try requireAlternation(from: start)
        prompt.appendSpecial("<bos>")
        for index in start..<messages.count {
            let message = messages[index]
            prompt.appendSpecial("<start_of_turn>")
            prompt.appendText((message.role == .assistant ? "model" : "user") + "\n")
            if index == start { prompt.appendText(prefix) }
            prompt.appendText(PythonText.strip(message.text))
            prompt.appendSpecial("<end_of_turn>")
            prompt.appendText("\n")
        }
        if options.addsGenerationPrompt {
            prompt.appendSpecial("<start_of_turn>")
            prompt.appendText("model\n")
        }
    }

    /// BERT embeddings (bge): an embedding request embeds each text alone, so each message's
    /// content becomes `[CLS]` + text + `[SEP]`; roles are ignored.
    mutating func renderBERT() throws(ChatError) {
        try requireNoToolCalls()
        for message in messages {
            prompt.appendSpecial("[CLS]")
            prompt.appendSeparateText(message.text)
            prompt.appendSpecial("[SEP]")
        }
    }
}
