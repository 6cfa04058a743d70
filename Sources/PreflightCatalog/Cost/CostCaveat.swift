/// Why an estimate may be off, or what it assumed. Every answer carries its caveats so that a
/// number is never presented as exact when it is not.
public enum CostCaveat: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The model's tokenizer is not the real one (e.g. a stand-in family): token counts are approximate.
    case tokenizerApproximate(tokenizer: String, reason: String)
    /// No tokenizer is known for the model; token counts came from elsewhere or are guesses.
    case tokenizerMissing(modelID: String)
    /// The usage has a quantity in a unit the model has no price for; it was costed at zero.
    case priceUnknown(unit: BillingUnit)
    /// The model has no published price at all.
    case unpriced(modelID: String)
    /// Output tokens were not given; the worst case `maxTokens` (the model's default) was assumed.
    case outputTokensAssumed(maxTokens: Int)
    /// Token counts are of the plain prompt text, without the chat template the model adds.
    case chatTemplateNotCounted
    /// The token counts were given in another model's tokens (a distribution), not recounted.
    case tokenCountsFromOtherTokenizer(modelID: String)

    /// Whether this caveat makes the figures inexact (rather than being a stated assumption).
    public var makesInexact: Bool {
        switch self {
        case .tokenizerApproximate, .tokenizerMissing, .priceUnknown, .unpriced, .chatTemplateNotCounted,
            .tokenCountsFromOtherTokenizer:
            return true
        case .outputTokensAssumed:
            return false
        }
    }

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .tokenizerApproximate(let tokenizer, let reason):
            return "token counts are approximate: tokenizer \(tokenizer) (\(reason))"
        case .tokenizerMissing(let modelID):
            return "no tokenizer is known for \(modelID); token counts are not exact"
        case .priceUnknown(let unit):
            return "no price is published for \(unit.label); that part was costed at 0 neurons"
        case .unpriced(let modelID):
            return "\(modelID) has no published price; its cost is unknown (shown as 0)"
        case .outputTokensAssumed(let maxTokens):
            return "output tokens not given: assumed the worst case, max_tokens = \(maxTokens) (pass --output-tokens)"
        case .chatTemplateNotCounted:
            return "counted the plain prompt text; the model's chat template adds a few tokens per message"
        case .tokenCountsFromOtherTokenizer(let modelID):
            return "token counts were given for \(modelID)'s tokenizer and not recounted for this model"
        }
    }
}
