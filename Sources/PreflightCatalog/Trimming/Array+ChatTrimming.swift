import PreflightTokenizer

/// Fitting a chat into a token budget by dropping its oldest turns.
extension Array {
    /// The chat with its oldest turns dropped until `count` says it fits `budget` tokens.
    ///
    /// Every system message is kept, and so are the newest turns; whole messages are dropped, never
    /// parts, so no message (and no special token the template adds around it) is ever cut. A turn
    /// starts at a message for which `startsTurn` is true (typically a user message), so the kept
    /// conversation still opens with a user turn. `count` measures the whole chat as the model sees
    /// it (a chat template's renderer plugs in here) and must behave like `count(of:upTo:)`; keeping
    /// fewer turns must never count more tokens.
    /// - Throws: `TrimmingError.cannotFit` when the system messages plus the newest turn exceed the budget.
    /// - Complexity: O(log t) counts for t turns (a binary search on how many turns to keep).
    public func trimmedChat(
        toFit budget: Int,
        isSystem: (Element) -> Bool,
        startsTurn: (Element) -> Bool,
        counting count: ([Element], Int) -> TokenCount
    ) throws(TrimmingError) -> [Element] {
        guard budget > 0 else { throw .invalidLimit(budget) }
        if case .exact = count(self, budget) { return self }
        // Candidate cuts: each turn start after the first conversation message. Keeping the chat from
        // cuts[k] on drops more as k grows.
        let conversation = indices.filter { !isSystem(self[$0]) }
        guard let first = conversation.first else { throw cannotFit(self, budget, count) }
        let cuts = conversation.filter { $0 > first && startsTurn(self[$0]) }
        func kept(from cut: Int) -> [Element] {
            enumerated().filter { index, message in isSystem(message) || index >= cut }.map(\.element)
        }
        func fits(_ k: Int) -> Bool {
            if case .exact = count(kept(from: cuts[k]), budget) { return true }
            return false
        }
        guard let last = cuts.indices.last, fits(last) else {
            throw cannotFit(cuts.last.map(kept(from:)) ?? self, budget, count)
        }
        var lo = 0, hi = last  // invariant: fits(hi); every k < lo does not fit
        while lo < hi {
            let mid = (lo + hi) / 2
            if fits(mid) { hi = mid } else { lo = mid + 1 }
        }
        return kept(from: cuts[lo])
    }

    private func cannotFit(_ smallest: [Element], _ budget: Int, _ count: ([Element], Int) -> TokenCount) -> TrimmingError {
        let needed: Int = switch count(smallest, Int.max - 1) {
        case .exact(let n): n
        case .exceeds(let limit): limit + 1
        }
        return .cannotFit(minimumTokens: needed, budget: budget)
    }
}
