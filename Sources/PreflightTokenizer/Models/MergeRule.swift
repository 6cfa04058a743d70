/// Which adjacent pairs of parts BPE may merge, and in what order.
public enum MergeRule: Sendable {
    /// tiktoken: two parts merge when their concatenated bytes are a token; lower ids (ranks)
    /// merge first, and the result is that token.
    case byRank
    /// Hugging Face `merges`: only listed pairs merge, earlier entries first; the result is the
    /// listed pair's concatenation. Priority may differ from id order.
    case list(MergeTable)
}

/// A merges list as a table keyed by the packed id pair.
public struct MergeTable: Sendable {
    /// `left << 32 | right` → `priority << 32 | merged id`.
    let entries: [UInt64: UInt64]

    /// The number of merges.
    public var count: Int { entries.count }

    /// Builds the table from `(left, right, merged)` id triples in priority order. A repeated
    /// pair keeps its first (highest) priority, as Hugging Face does.
    /// - Complexity: O(n).
    public init(_ merges: [(left: UInt32, right: UInt32, merged: UInt32)]) {
        var entries = [UInt64: UInt64](minimumCapacity: merges.count)
        for (priority, merge) in merges.enumerated() {
            let key = UInt64(merge.left) << 32 | UInt64(merge.right)
            if entries[key] == nil { entries[key] = UInt64(priority) << 32 | UInt64(merge.merged) }
        }
        self.entries = entries
    }
}
