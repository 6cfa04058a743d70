/// The answer to "does this prompt, plus the reply I ask for, fit this model?", with the figures behind it.
public struct PreflightCheck: Sendable, Equatable {
    /// What the check could decide.
    public enum Verdict: String, Sendable, Equatable {
        /// Prompt tokens plus `maxTokens` fit the context window.
        case fits
        /// They do not: `overflowTokens` say by how much.
        case overflows
        /// No source states the model's context window, so nothing can be decided.
        case unknownContextWindow = "unknown-context-window"
        /// The model takes no token prompt (image, audio…), so there is no window to check.
        case notATokenModel = "not-a-token-model"
        /// The model takes tokens, but no vocabulary for its family is bundled, so nothing was counted.
        case noTokenizer = "no-tokenizer"
    }

    /// The model checked (canonical id).
    public let modelID: String
    /// The bundled tokenizer that counted, if any.
    public let tokenizer: String?
    /// The outcome.
    public let verdict: Verdict
    /// Tokens in the prompt: exact, or a lower bound when `promptTokensIsLowerBound` (counting stopped early).
    public let promptTokens: Int?
    /// Whether counting stopped before the end of a long prompt (then `promptTokens` is "more than").
    public let promptTokensIsLowerBound: Bool
    /// The reply tokens reserved: the requested `max_tokens`, or the platform default.
    public let maxTokens: Int
    /// Whether `maxTokens` is the platform default because none was requested.
    public let maxTokensIsDefault: Bool
    /// The model's context window, if known.
    public let contextWindow: Int?
    /// Whose figure the context window is.
    public let contextWindowProvenance: Provenance
    /// How many tokens too many (0 when it fits); a lower bound when `promptTokensIsLowerBound`.
    public let overflowTokens: Int
    /// The most prompt tokens that fit beside `maxTokens` (`contextWindow − maxTokens`), if known.
    public let promptBudgetTokens: Int?
    /// The prompt's length in Unicode scalars.
    public let characterCount: Int
    /// Whether the pre-2025 character rule (6,144 characters, a figure from the project brief) would have refused it.
    public let legacyCharacterLimitExceeded: Bool
    /// Whether `promptTokens` is the model's own count (its exact tokenizer).
    public let exact: Bool
    /// Why the count is not exact, when it is not.
    public let reason: String?
    /// Things the caller should know (defaults taken, third-party figures, deprecation…).
    public let warnings: [String]

    /// `true` fits, `false` does not, `nil` undecided (unknown window, no tokenizer, or not a token model).
    public var fits: Bool? {
        switch verdict {
        case .fits: true
        case .overflows: false
        case .unknownContextWindow, .notATokenModel, .noTokenizer: nil
        }
    }

    /// The same check with one more warning (nothing changes when `warning` is `nil`).
    public func adding(warning: String?) -> PreflightCheck {
        guard let warning else { return self }
        return PreflightCheck(
            modelID: modelID, tokenizer: tokenizer, verdict: verdict, promptTokens: promptTokens,
            promptTokensIsLowerBound: promptTokensIsLowerBound, maxTokens: maxTokens, maxTokensIsDefault: maxTokensIsDefault,
            contextWindow: contextWindow, contextWindowProvenance: contextWindowProvenance, overflowTokens: overflowTokens,
            promptBudgetTokens: promptBudgetTokens, characterCount: characterCount,
            legacyCharacterLimitExceeded: legacyCharacterLimitExceeded, exact: exact, reason: reason,
            warnings: warnings + [warning])
    }
}
