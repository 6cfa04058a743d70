import PreflightTokenizer

/// Pre-flight checks: does a prompt plus the requested reply fit the model?
extension ModelSpec {
    /// How far past the context window counting goes before it stops, as a multiple of the window:
    /// far enough to say how much to cut, without reading all of a 50 MB input.
    static let overflowCountingFactor = 4
    /// The counting limit when the window is unknown (the largest window in the catalog is 1,048,576).
    static let unknownWindowCountingLimit = 1 << 21

    /// Checks a prompt (or a rendered chat) against the context window.
    ///
    /// The window covers prompt tokens plus reply tokens, so `maxTokens` (or, when `nil`, the
    /// platform default the model's docs state, with a warning) is reserved first. Counting stops
    /// early: at the prompt budget when the prompt fits, otherwise at four times the window, after
    /// which `promptTokens` is a lower bound. Embedding and classification models generate nothing,
    /// so `maxTokens` is ignored for them. Models whose window no source states get
    /// `.unknownContextWindow`; models that take no token prompt get `.notATokenModel` (image models
    /// with a documented prompt length are checked by `checkImagePrompt(_:steps:)` instead), and
    /// token models with no bundled vocabulary get `.noTokenizer`.
    /// - Complexity: O(k) in the part of the prompt read, at most about 4 × window tokens.
    public func check(_ prompt: TokenCountSource, maxTokens requested: Int? = nil) -> PreflightCheck {
        var warnings: [String] = []
        let (reserved, isDefault) = reservedOutput(requested, warnings: &warnings)
        let exact = tokenizerExactness == .exact
        let reason: String? = exact ? nil : tokenizerNote
        if tokenizerExactness == .approximate {
            warnings.append("approximate count: \(tokenizerNote)")
        }
        if contextWindow.provenance == .thirdParty, let window = contextWindow.tokens {
            warnings.append("context window \(window) is a third-party figure, not Cloudflare's: \(contextWindow.source)")
        }
        warnings += lifecycleWarnings()
        let characters = prompt.characterCount
        if let cap = inputLimits.promptMaxCharacters, characters > cap.value {
            warnings.append("prompt has \(characters) characters; the model's schema caps it at \(cap.value) (\(cap.source))")
        }
        let legacyExceeded = legacyCharacterLimit.map { characters > $0.characters } ?? false

        func result(_ verdict: PreflightCheck.Verdict, tokens: Int?, lowerBound: Bool, overflow: Int, budget: Int?) -> PreflightCheck {
            PreflightCheck(
                modelID: id, tokenizer: tokenizer, verdict: verdict, promptTokens: tokens,
                promptTokensIsLowerBound: lowerBound, maxTokens: reserved, maxTokensIsDefault: isDefault,
                contextWindow: contextWindow.tokens, contextWindowProvenance: contextWindow.provenance,
                overflowTokens: overflow, promptBudgetTokens: budget, characterCount: characters,
                legacyCharacterLimitExceeded: legacyExceeded, exact: exact, reason: reason, warnings: warnings)
        }

        guard task.takesTokenPrompt else {
            warnings.append("\(id) takes no token prompt (task: \(task.rawValue)), so there is no context window to check")
            return result(.notATokenModel, tokens: nil, lowerBound: false, overflow: 0, budget: nil)
        }
        let budget = contextWindow.tokens.map { $0 - reserved }
        guard tokenizer != nil else {
            warnings.append("no tokenizer is bundled for \(id): \(tokenizerNote)")
            return result(.noTokenizer, tokens: nil, lowerBound: false, overflow: 0, budget: budget)
        }
        guard let window = contextWindow.tokens, let budget else {
            let counted = prompt.count(upTo: Self.unknownWindowCountingLimit)
            warnings.append("no source states the context window of \(id); nothing to check against")
            return result(.unknownContextWindow, tokens: counted.tokens, lowerBound: counted.isLowerBound, overflow: 0, budget: nil)
        }
        if budget >= 0, case .exact(let tokens) = prompt.count(upTo: budget) {
            return result(.fits, tokens: tokens, lowerBound: false, overflow: 0, budget: budget)
        }
        let counted = prompt.count(upTo: max(window * Self.overflowCountingFactor, budget))
        let overflow = counted.tokens + reserved - window
        return result(.overflows, tokens: counted.tokens, lowerBound: counted.isLowerBound, overflow: max(overflow, 1), budget: budget)
    }

    /// The reply tokens to reserve, and whether that is the platform default.
    private func reservedOutput(_ requested: Int?, warnings: inout [String]) -> (Int, Bool) {
        guard task.generatesTokens else {
            if let requested, requested > 0 {
                warnings.append("max_tokens \(requested) ignored: \(id) generates no tokens (task: \(task.rawValue))")
            }
            return (0, false)
        }
        if let requested {
            if let cap = output.maxOutputTokens, requested > cap {
                warnings.append("max_tokens \(requested) is above the documented maximum of \(cap) (\(output.maxOutputTokensSource))")
            }
            return (max(0, requested), false)
        }
        guard let standard = output.defaultMaxTokens else {
            warnings.append("max_tokens not given and no default is documented for \(id) (\(output.defaultMaxTokensSource)); reserved 0 reply tokens — pass max_tokens to leave room for the reply")
            return (0, true)
        }
        warnings.append("max_tokens not given: reserved the platform default of \(standard) (\(output.defaultMaxTokensSource)); longer replies are cut off, so pass max_tokens explicitly")
        return (standard, true)
    }

    /// Deprecation and plan warnings.
    func lifecycleWarnings() -> [String] {
        var warnings: [String] = []
        if let deprecation, deprecation.deprecated {
            warnings.append("\(id) is deprecated" + (deprecation.date.map { " (retired \($0))" } ?? "") + (deprecation.source.map { "; see \($0)" } ?? ""))
        }
        if flags.paidPlanRequired {
            warnings.append("\(id) requires the Workers Paid plan (HTTP 403, code 5035 on Free)")
        }
        return warnings
    }
}

extension TokenCount {
    /// The count, or the limit that was crossed (a lower bound, less one).
    var tokens: Int {
        switch self {
        case .exact(let n): n
        case .exceeds(let limit): limit + 1
        }
    }

    /// Whether `tokens` is only a lower bound.
    var isLowerBound: Bool {
        if case .exceeds = self { return true }
        return false
    }
}
