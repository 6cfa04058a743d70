import PreflightTokenizer

/// Cutting text to a token budget with any token counter (a tokenizer's `count(of:upTo:)`, or a
/// chat template's), so the result re-counts within the budget by construction.
extension String {
    /// The longest prefix of the text whose own token count is at most `limit`.
    ///
    /// The cut falls on a character (grapheme) boundary, so no scalar or combining sequence is split,
    /// and the prefix is re-counted, not estimated. `count` must behave like
    /// `tokenizer.count(of:upTo:)`.
    /// - Complexity: O(p log p) counting work for a prefix of p scalars; the text beyond the cut is
    ///   read only by the first, early-stopping count.
    public func truncated(toTokens limit: Int, counting count: (String, Int) -> TokenCount) -> String {
        let end = endOfLongestPrefix(from: startIndex, fitting: max(0, limit), counting: count)
        return String(self[..<end])
    }

    /// The end of the longest `self[start..<end]` with at most `limit` tokens, on a character boundary.
    func endOfLongestPrefix(from start: Index, fitting limit: Int, counting count: (String, Int) -> TokenCount) -> Index {
        func fits(_ end: Index) -> Bool {
            if case .exact = count(String(self[start..<end]), limit) { return true }
            return false
        }
        if fits(endIndex) { return endIndex }
        // Grow the probe by doubling until it no longer fits, remembering the last prefix that did.
        let scalars = unicodeScalars
        var low = start, high = endIndex, step = 64
        while true {
            guard let probe = scalars.index(low, offsetBy: step, limitedBy: endIndex), probe < endIndex else { break }
            if fits(probe) { low = probe; step *= 2 } else { high = probe; break }
        }
        // Binary search over the scalar boundaries in (low, high).
        var boundaries: [Index] = []
        var index = low
        while index < high {
            index = scalars.index(after: index)
            boundaries.append(index)
        }
        var lo = 0, hi = boundaries.count  // invariant: boundaries[..<lo] fit, boundaries[hi...] do not
        while lo < hi {
            let mid = (lo + hi) / 2
            if fits(boundaries[mid]) { lo = mid + 1 } else { hi = mid }
        }
        var cut = lo > 0 ? boundaries[lo - 1] : low
        while cut > start, cut.samePosition(in: self) == nil {
            cut = scalars.index(before: cut)
        }
        return cut
    }
}
