import PreflightTokenizer

/// Encoding and counting rendered chats: special segments by id, text segments raw (special-token
/// literals inside messages stay text), one encoder call per text segment.
extension Tokenizer {
    /// The token ids of a rendered chat prompt, exactly as the model receives them.
    /// - Throws: `ChatError.missingSpecialToken` when this tokenizer lacks one of the prompt's
    ///   special tokens (the prompt was rendered for another model family).
    /// - Complexity: as `encode(_:)` over the prompt's text.
    public func encode(_ prompt: ChatPrompt) throws(ChatError) -> [TokenID] {
        var ids: [TokenID] = []
        for segment in prompt.segments {
            switch segment {
            case .special(let token): ids.append(try specialID(token))
            case .text(let text): ids += encode(text)
            }
        }
        return ids
    }

    /// The number of tokens of a rendered chat prompt.
    /// - Complexity: as `count(of:)` over the prompt's text.
    public func count(of prompt: ChatPrompt) throws(ChatError) -> Int {
        // No prompt reaches Int.max tokens, so the limited count is always exact here.
        switch try count(of: prompt, upTo: .max) {
        case .exact(let total), .exceeds(let total): return total
        }
    }

    /// The number of tokens of a rendered chat prompt when at most `limit`, else `.exceeds(limit)`;
    /// counting stops at the first segment that crosses the limit.
    /// - Complexity: O(m log m), m = the length of the prompt prefix read.
    public func count(of prompt: ChatPrompt, upTo limit: Int) throws(ChatError) -> TokenCount {
        let limit = max(0, limit)
        var total = 0
        for segment in prompt.segments {
            switch segment {
            case .special(let token):
                _ = try specialID(token)
                total += 1
            case .text(let text):
                switch count(of: text, upTo: limit - min(total, limit)) {
                case .exact(let tokens): total += tokens
                case .exceeds: return .exceeds(limit)
                }
            }
            if total > limit { return .exceeds(limit) }
        }
        return .exact(total)
    }

    /// The number of tokens `template` makes of `chat`: the prompt the model actually receives.
    /// - Complexity: O(n) rendering plus counting, n = the chat's size.
    public func count(of chat: Chat, template: ChatTemplate, options: ChatRenderOptions = ChatRenderOptions()) throws(ChatError) -> Int {
        try count(of: chat.renderedPrompt(for: template, options: options))
    }

    private func specialID(_ token: String) throws(ChatError) -> TokenID {
        guard let id = id(ofSpecialToken: token) else { throw .missingSpecialToken(token) }
        return id
    }
}

extension TokenCountSource {
    /// A rendered chat as something `ModelSpec.check` can count; the character count is the prompt
    /// text's, template included.
    /// - Complexity: O(n) once, for the character count.
    public init(prompt: ChatPrompt, tokenizer: Tokenizer) throws(ChatError) {
        // Resolve every special now, so counting (which cannot throw) never meets a missing one.
        for case .special(let token) in prompt.segments where tokenizer.id(ofSpecialToken: token) == nil {
            throw .missingSpecialToken(token)
        }
        self.init(characterCount: prompt.text.unicodeScalars.count) { limit in
            (try? tokenizer.count(of: prompt, upTo: limit)) ?? .exceeds(limit)
        }
    }
}
