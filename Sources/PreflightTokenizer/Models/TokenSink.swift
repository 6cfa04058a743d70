/// Where the pipeline puts the ids it produces: an array for `encode`, a counter for `count`.
/// Returning `false` from `append` stops encoding (a limited count crossed its limit).
protocol TokenSink {
    /// Takes the next id; `false` means "stop, I have seen enough".
    mutating func append(_ id: UInt32) -> Bool
}

/// Collects ids for `encode`.
struct IDCollector: TokenSink {
    var ids: [TokenID] = []
    @inline(__always) mutating func append(_ id: UInt32) -> Bool {
        ids.append(TokenID(id))
        return true
    }
}

/// Counts ids without storing them, stopping once the count passes `limit`.
struct TokenCounter: TokenSink {
    var count = 0
    let limit: Int
    @inline(__always) mutating func append(_ id: UInt32) -> Bool {
        count += 1
        return count <= limit
    }
}
