/// Chats against catalog models: the model's template, its exact prompt, its check.
extension ModelSpec {
    /// The chat template this model applies to messages, or `nil` when Preflight does not
    /// reproduce it exactly (see `ChatTemplate.forModel(id:tokenizer:)`).
    public var chatTemplate: ChatTemplate? {
        tokenizer.flatMap { ChatTemplate.forModel(id: id, tokenizer: $0) }
    }

    /// Checks a chat against the context window, counted as the prompt the model receives: the
    /// chat rendered through the model's template (or `template`) and encoded with its tokenizer.
    ///
    /// ```swift
    /// let verdict = try model.check(chat, maxTokens: 512)
    /// ```
    /// - Throws: `ChatError` when the chat cannot be rendered, or `.noTemplate` when the model has
    ///   no known template and none is given; `BundledTokenizerError` when its tokenizer cannot load.
    /// - Complexity: O(n) to render, then counting as `check(_:maxTokens:)`.
    public func check(_ chat: Chat, maxTokens: Int? = nil, template: ChatTemplate? = nil,
                      options: ChatRenderOptions = ChatRenderOptions()) throws -> PreflightCheck {
        guard let name = tokenizer, task.takesTokenPrompt else {
            return check(TokenCountSource(characterCount: 0) { limit in .exceeds(limit) }, maxTokens: maxTokens)
        }
        guard let template = template ?? chatTemplate else { throw ChatError.noTemplate(modelID: id) }
        let prompt = try chat.renderedPrompt(for: template, options: options)
        let counter = try BundledTokenizers.tokenizer(named: name)
        return check(try TokenCountSource(prompt: prompt, tokenizer: counter), maxTokens: maxTokens)
    }
}
