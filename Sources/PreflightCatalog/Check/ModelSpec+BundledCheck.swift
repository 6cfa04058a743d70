import PreflightTokenizer

extension TokenCountSource {
    /// A plain-text prompt counted by `tokenizer`, with its special-token look-alikes as plain text
    /// (as Workers AI treats user text).
    public init(text: String, tokenizer: Tokenizer) {
        self.init(text: text) { text, limit in tokenizer.count(of: text, upTo: limit) }
    }
}

extension ModelSpec {
    /// Checks a plain-text prompt with the model's bundled tokenizer.
    ///
    /// ```swift
    /// let model = try Catalog.bundled().model(id: "@cf/meta/llama-3.1-8b-instruct")
    /// let check = try model.check(prompt, maxTokens: 256)
    /// if check.fits == false { print("cut \(check.overflowTokens) tokens") }
    /// ```
    /// Models with no bundled tokenizer come back `.noTokenizer` (or `.notATokenModel`) without counting.
    /// - Throws: `BundledTokenizerError` when the model's tokenizer cannot be loaded.
    /// - Complexity: O(k) in the part of the prompt read (see `check(_:maxTokens:)` on a source).
    public func check(_ prompt: String, maxTokens: Int? = nil) throws -> PreflightCheck {
        guard let tokenizer, task.takesTokenPrompt else {
            return check(TokenCountSource(text: prompt) { _, limit in .exceeds(limit) }, maxTokens: maxTokens)
        }
        return check(TokenCountSource(text: prompt, tokenizer: try BundledTokenizers.tokenizer(named: tokenizer)), maxTokens: maxTokens)
    }
}

extension String {
    /// The longest prefix of the text with at most `limit` tokens of `tokenizer` (see `truncated(toTokens:counting:)`).
    public func truncated(toTokens limit: Int, using tokenizer: Tokenizer) -> String {
        truncated(toTokens: limit) { tokenizer.count(of: $0, upTo: $1) }
    }

    /// The text in chunks of at most `maxTokens` tokens of `tokenizer` (see `chunked(maxTokens:overlapTokens:counting:)`).
    public func chunked(maxTokens: Int, overlapTokens: Int = 0, using tokenizer: Tokenizer) throws(TrimmingError) -> [TextChunk] {
        try chunked(maxTokens: maxTokens, overlapTokens: overlapTokens) { tokenizer.count(of: $0, upTo: $1) }
    }
}
