import Dispatch

/// Many texts at once, on all cores: pipelines count thousands of documents.
extension Tokenizer {
    /// `encode` for each text, in order, computed in parallel.
    /// - Complexity: the sum of the encodes, divided across the cores.
    public func encode(
        batch texts: [String], specialTokens: SpecialTokenPolicy = .plainText, addingSpecialTokens: Bool = false
    ) -> [[TokenID]] {
        parallelMap(texts) { encode($0, specialTokens: specialTokens, addingSpecialTokens: addingSpecialTokens) }
    }

    /// `count(of:)` for each text, in order, computed in parallel.
    /// - Complexity: the sum of the counts, divided across the cores.
    public func counts(of texts: [String], specialTokens: SpecialTokenPolicy = .plainText) -> [Int] {
        parallelMap(texts) { count(of: $0, specialTokens: specialTokens) }
    }

    /// Maps `texts` with `transform` using `concurrentPerform`, each worker taking a contiguous
    /// chunk and writing its own slots of the result.
    private func parallelMap<T>(_ texts: [String], _ transform: @Sendable (String) -> T) -> [T] {
        let count = texts.count
        if count < 2 { return texts.map(transform) }
        let chunks = min(count, 64)
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { output in
            let slots = SendableBuffer(base: output.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lower = count * chunk / chunks
                let upper = count * (chunk + 1) / chunks
                for i in lower..<upper {
                    // Invariant: each index is written by exactly one chunk; i < count.
                    slots.base?[i] = transform(texts[i])
                }
            }
        }
        return results.map { $0! }
    }
}

/// The result buffer shared by the workers of `parallelMap`.
private struct SendableBuffer<T>: @unchecked Sendable {
    // @unchecked Sendable: every worker writes a disjoint range of slots, and the buffer outlives
    // `concurrentPerform`, which returns only after all workers finish.
    let base: UnsafeMutablePointer<T?>?
}
