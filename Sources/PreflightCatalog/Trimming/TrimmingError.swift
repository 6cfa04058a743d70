/// Why a text or chat could not be cut to size.
public enum TrimmingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The token limit is not positive.
    case invalidLimit(Int)
    /// The overlap between chunks must be smaller than the chunk size.
    case overlapTooLarge(overlap: Int, maxTokens: Int)
    /// Even the system prompt plus the newest turn take more than the budget.
    case cannotFit(minimumTokens: Int, budget: Int)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .invalidLimit(let limit):
            "token limit \(limit) is not positive"
        case .overlapTooLarge(let overlap, let maxTokens):
            "overlap of \(overlap) tokens must be smaller than the chunk size of \(maxTokens) tokens"
        case .cannotFit(let minimum, let budget):
            "the system prompt and the newest turn alone need \(minimum) tokens, more than the budget of \(budget); shorten them or lower max_tokens"
        }
    }
}
