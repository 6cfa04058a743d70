/// Counting is first-class: it runs the same pipeline as `encode` into a counter, never builds
/// the id array, and with a limit stops at the first token past it.
extension Tokenizer {
    /// The number of tokens `encode(text, specialTokens:)` would return, without building them.
    /// - Complexity: as `encode`, with O(1) extra memory per piece.
    public func count(of text: String, specialTokens: SpecialTokenPolicy = .plainText) -> Int {
        var counter = TokenCounter(limit: Int.max)
        run(text, specialTokens: specialTokens, addingSpecialTokens: false, into: &counter)
        return counter.count
    }

    /// The number of tokens when it is at most `limit`, else `.exceeds(limit)`, found by
    /// stopping at the first token past the limit: a 5 MB prompt against an 8k window is read
    /// only as far as its first ~8k tokens (plus the piece being merged then).
    /// - Complexity: O(m log m), m = the length of the prefix read.
    public func count(of text: String, upTo limit: Int, specialTokens: SpecialTokenPolicy = .plainText) -> TokenCount {
        var counter = TokenCounter(limit: max(0, limit))
        run(text, specialTokens: specialTokens, addingSpecialTokens: false, into: &counter)
        return counter.count > limit ? .exceeds(limit) : .exact(counter.count)
    }
}
