import PreflightTokenizer

/// Fitting a chat into a token budget by dropping its oldest turns.
extension Array {
    /// The chat with its oldest turns dropped until `count` says it fits `budget` tokens.
    ///
    /// Every system message is kept, and so are the newest turns; whole messages are dropped, never
    /// parts, so no message (and no special token the template adds around it) is ever cut. A turn
    /// starts at a message for which `startsTurn` is true (typically a user message), so the kept
    /// conversation still opens with a user turn. `count` measures the whole chat as the model sees
    /// it (a chat template's renderer plugs in here) and must behave like `count(of:upTo:)`.
    /// - Throws: `TrimmingError.cannotFit` when the system messages plus the newest turn exceed the budget.
    /// - Complexity: O(t) counts for t turns.
    public func trimmedChat(
        toFit budget: Int,
        isSystem: (Element) -> Bool,
        startsTurn: (Element) -> Bool,
        counting count: ([Element], Int) -> TokenCount
    ) throws(TrimmingError) -> [Element] {
        guard budget > 0 else { throw .invalidLimit(budget) }
        var kept = self
        while true {
            if case .exact = count(kept, budget) { return kept }
            let conversation = kept.indices.filter { !isSystem(kept[$0]) }
            // The second turn start among the non-system messages: everything before it goes.
            let starts = conversation.filter { startsTurn(kept[$0]) }
            guard let firstConversation = conversation.first,
                  let cut = starts.first(where: { $0 > firstConversation }) else {
                let needed: Int = switch count(kept, Int.max - 1) {
                case .exact(let n): n
                case .exceeds(let limit): limit + 1
                }
                throw .cannotFit(minimumTokens: needed, budget: budget)
            }
            kept = kept.enumerated().filter { index, message in
                isSystem(message) || index >= cut
            }.map(\.element)
        }
    }
}
