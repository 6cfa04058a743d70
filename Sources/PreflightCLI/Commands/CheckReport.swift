import Foundation
import PreflightCatalog

/// `preflight check --format json`: one object, every key present (nulls included).
struct CheckReport: Encodable {
    let check: PreflightCheck
    /// One request's cost with the reserved `max_tokens` as the reply; `nil` when unpriced or uncounted.
    let estimate: CostEstimate?

    init(_ check: PreflightCheck, estimate: CostEstimate? = nil) {
        self.check = check
        self.estimate = estimate
    }

    enum CodingKeys: String, CodingKey {
        case fits, verdict, model, tokenizer, exact, reason, warnings, characters
        case promptTokens = "prompt_tokens"
        case promptTokensIsLowerBound = "prompt_tokens_is_lower_bound"
        case maxTokens = "max_tokens"
        case maxTokensIsDefault = "max_tokens_is_default"
        case contextWindow = "context_window"
        case contextWindowProvenance = "context_window_provenance"
        case overflowTokens = "overflow_tokens"
        case promptBudgetTokens = "prompt_budget_tokens"
        case legacyCharacterLimitExceeded = "legacy_character_limit_exceeded"
        case estimatedNeurons = "estimated_neurons"
        case estimatedUSD = "estimated_usd"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(check.fits, forKey: .fits)
        try c.encode(check.verdict.rawValue, forKey: .verdict)
        try c.encode(check.modelID, forKey: .model)
        try c.encode(check.tokenizer, forKey: .tokenizer)
        try c.encode(check.exact, forKey: .exact)
        try c.encode(check.reason, forKey: .reason)
        try c.encode(check.warnings, forKey: .warnings)
        try c.encode(check.characterCount, forKey: .characters)
        try c.encode(check.promptTokens, forKey: .promptTokens)
        try c.encode(check.promptTokensIsLowerBound, forKey: .promptTokensIsLowerBound)
        try c.encode(check.maxTokens, forKey: .maxTokens)
        try c.encode(check.maxTokensIsDefault, forKey: .maxTokensIsDefault)
        try c.encode(check.contextWindow, forKey: .contextWindow)
        try c.encode(check.contextWindowProvenance.rawValue, forKey: .contextWindowProvenance)
        try c.encode(check.overflowTokens, forKey: .overflowTokens)
        try c.encode(check.promptBudgetTokens, forKey: .promptBudgetTokens)
        try c.encode(check.legacyCharacterLimitExceeded, forKey: .legacyCharacterLimitExceeded)
        try c.encode(estimate?.neurons, forKey: .estimatedNeurons)
        try c.encode(estimate?.dollars, forKey: .estimatedUSD)
    }

    /// The human report.
    static func text(_ check: PreflightCheck, estimate: CostEstimate? = nil, trimmedTo trimmedPath: String?) -> String {
        var lines: [String] = []
        let counted = check.promptTokens.map { (check.promptTokensIsLowerBound ? "more than \($0 - 1)" : "\($0)") } ?? "?"
        let how = [check.tokenizer, check.exact ? "exact" : "approximate"].compactMap { $0 }.joined(separator: ", ")
        let window = check.contextWindow.map { "\($0)" + (check.contextWindowProvenance == .thirdParty ? " (third-party figure)" : "") } ?? "unknown"
        switch check.verdict {
        case .fits: lines.append("fits: \(check.modelID)")
        case .overflows: lines.append("does not fit: \(check.modelID)")
        default: lines.append("cannot check: \(check.modelID)")
        }
        lines.append("  prompt tokens    \(counted) (\(how))")
        lines.append("  max_tokens       \(check.maxTokens)" + (check.maxTokensIsDefault ? " (default)" : ""))
        lines.append("  context window   \(window)")
        if let budget = check.promptBudgetTokens {
            lines.append("  prompt budget    \(budget)")
        }
        if check.verdict == .overflows {
            let atLeast = check.promptTokensIsLowerBound ? "at least " : ""
            lines.append("  cut \(atLeast)\(check.overflowTokens) prompt tokens" +
                (check.promptBudgetTokens.map { $0 > 0 ? " (keep at most \($0)), or lower --max-tokens" : ", and lower --max-tokens below the window" } ?? ""))
            if let trimmedPath { lines.append("  wrote the longest prefix that fits to \(trimmedPath)") }
        }
        if let estimate {
            lines.append("  cost             \(estimate.neuronsPerRequest) neurons = \(estimate.dollars) per request"
                + " (prompt + \(check.maxTokens) reply tokens, before the free allocation)")
        }
        lines.append("  legacy 6,144-character rule: \(check.legacyCharacterLimitExceeded ? "would have refused it" : "passes") (\(check.characterCount) characters)")
        lines += check.warnings.map { "  warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// One line on why the check could not decide.
    static func undecidedReason(_ check: PreflightCheck) -> String {
        switch check.verdict {
        case .unknownContextWindow: "no source states its context window"
        case .noTokenizer: "no tokenizer is bundled for it"
        case .notATokenModel: "it takes no token prompt"
        case .fits, .overflows: ""
        }
    }
}

/// `preflight check --format json` for image models with documented prompt bounds.
struct ImageCheckReport: Encodable {
    let fits: Bool
    let model: String
    let characters: Int
    let maxCharacters: Int?
    let steps: Int?
    let maxSteps: Int?
    let warnings: [String]

    enum CodingKeys: String, CodingKey {
        case fits, model, characters, steps, warnings
        case maxCharacters = "max_characters"
        case maxSteps = "max_steps"
    }

    init(_ check: ImagePromptCheck) {
        fits = check.fits
        model = check.modelID
        characters = check.characterCount
        maxCharacters = check.maxCharacters
        steps = check.steps
        maxSteps = check.maxSteps
        warnings = check.warnings
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fits, forKey: .fits)
        try c.encode(model, forKey: .model)
        try c.encode(characters, forKey: .characters)
        try c.encode(maxCharacters, forKey: .maxCharacters)
        try c.encode(steps, forKey: .steps)
        try c.encode(maxSteps, forKey: .maxSteps)
        try c.encode(warnings, forKey: .warnings)
    }

    static func text(_ check: ImagePromptCheck) -> String {
        var lines = [(check.fits ? "fits: " : "does not fit: ") + check.modelID]
        lines.append("  prompt characters  \(check.characterCount)" + (check.maxCharacters.map { " of at most \($0)" } ?? ""))
        if let steps = check.steps { lines.append("  steps              \(steps)" + (check.maxSteps.map { " of at most \($0)" } ?? "")) }
        lines += check.warnings.map { "  warning: \($0)" }
        return lines.joined(separator: "\n")
    }
}
