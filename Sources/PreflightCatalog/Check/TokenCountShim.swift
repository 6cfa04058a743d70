// TEMPORARY: mirrors `PreflightTokenizer.TokenCount` (engine branch, not yet committed) so this
// module builds before the engine lands. Delete this file when merging `engine`.

/// The result of counting with a limit: the exact count when it is at most the limit, otherwise
/// only the fact that the limit was crossed.
public enum TokenCount: Sendable, Equatable {
    /// Exactly this many tokens, at most the limit.
    case exact(Int)
    /// More tokens than the associated limit; counting stopped there.
    case exceeds(Int)
}
