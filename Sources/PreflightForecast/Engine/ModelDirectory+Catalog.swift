public import PreflightCatalog

extension ModelDirectory {
    /// Every catalog model, with its prices, limits and (loaded on first use) bundled tokenizer.
    /// - Complexity: O(n) in the catalog; tokenizers load only when a prompt is counted.
    public init(catalog: Catalog) {
        self.init(models: catalog.models.map(ForecastModel.init(spec:)))
    }
}

extension ForecastModel {
    /// A catalog model as the forecast sees it.
    public init(spec: ModelSpec) {
        var counter: TokenCounter?
        if let name = spec.tokenizer, spec.tokenizerExactness != .none {
            var countChat: (@Sendable (Chat) throws -> Int)?
            if let template = ChatTemplate.forModel(id: spec.id, tokenizer: name) {
                countChat = { chat in try BundledTokenizers.tokenizer(named: name).count(of: chat, template: template) }
            }
            counter = TokenCounter(
                name: name, approximation: spec.tokenizerExactness == .approximate ? spec.tokenizerNote : nil,
                count: { text in try BundledTokenizers.tokenizer(named: name).count(of: text) }, countChat: countChat)
        }
        self.init(
            id: spec.id, task: spec.task.rawValue, contextWindow: spec.contextWindow.tokens,
            requestsPerMinuteLimit: spec.rateLimit?.requestsPerMinute, defaultMaxTokens: spec.assumedMaxTokens,
            generatesTokens: spec.task.generatesTokens,
            rateCard: spec.rateCard, tokenCounter: counter)
    }
}
