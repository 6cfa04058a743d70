/// Reusable working memory for merging one piece at a time, and the two merge loops.
///
/// One scratch lives for a whole `encode`/`count` call, so merging allocates only when a piece is
/// longer than every piece before it.
struct MergeScratch {
    var parts: [Part] = []
    /// Queue mode: the index of the next live part (`count` = none) and of the previous one (-1).
    var next: [Int32] = []
    var previous: [Int32] = []
    /// Queue mode: a binary min-heap of `priority << 32 | part index`.
    var heap: [UInt64] = []
    var usesQueue = false

    /// One part per byte, each with its pair priority.
    /// - Complexity: O(n) pair look-ups.
    mutating func load<R: PairRanker>(_ piece: UnsafeRawBufferPointer, view: VocabularyView, ranker: R) {
        let n = piece.count
        parts.removeAll(keepingCapacity: true)
        parts.reserveCapacity(n)
        for i in 0..<n {
            // Invariant: BytePairModel.init checked that every byte has a one-byte token.
            parts.append(Part(start: UInt32(i), id: view.singleBytes[Int(piece[i])], pair: UInt64.max))
        }
        parts.withUnsafeMutableBufferPointer { p in
            for i in 0..<(n - 1) {
                // Invariant: i + 1 < n == p.count.
                p[i].pair = ranker.firstPair(piece, p[i], p[i + 1], at: i)
            }
        }
        usesQueue = false
    }

    /// tiktoken's loop: find the lowest pair by a linear scan, merge it, recompute its two
    /// neighbours' pairs, repeat.
    /// - Complexity: O(n²) for an n-byte piece; used for short pieces only.
    mutating func mergeByRescanning<R: PairRanker>(_ piece: UnsafeRawBufferPointer, ranker: R) {
        let n = piece.count
        let live = parts.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let p = buffer.baseAddress else { return 0 }
            var count = buffer.count
            while true {
                var lowest = UInt64.max
                var index = -1
                var i = 0
                while i < count {
                    // Invariant: i < count <= buffer.count.
                    if p[i].pair < lowest {
                        lowest = p[i].pair
                        index = i
                    }
                    i += 1
                }
                if index < 0 { return count }
                p[index].id = UInt32(truncatingIfNeeded: lowest)
                // Remove part index + 1. Invariant: a pair below UInt64.max has a right part, so
                // index + 1 < count.
                (p + index + 1).update(from: p + index + 2, count: count - index - 2)
                count -= 1
                @inline(__always) func end(_ k: Int) -> Int { k < count ? Int(p[k].start) : n }
                p[index].pair =
                    index + 1 < count ? ranker.pair(piece, p[index], p[index + 1], rightEnd: end(index + 2)) : UInt64.max
                if index > 0 {
                    p[index - 1].pair = ranker.pair(piece, p[index - 1], p[index], rightEnd: end(index + 1))
                }
            }
        }
        parts.removeLast(parts.count - live)
    }

    /// The same merges in the same order, driven by a heap of pair priorities over a doubly
    /// linked list of parts. Stale heap entries are skipped on pop: an entry is live when its
    /// part's current pair has the entry's priority (a merged-away part's pair is `UInt64.max`).
    /// Heap order `priority << 32 | index` breaks ties leftmost first, as the rescan does.
    /// - Complexity: O(n log n).
    mutating func mergeWithQueue<R: PairRanker>(_ piece: UnsafeRawBufferPointer, ranker: R) {
        let n = parts.count
        usesQueue = true
        next.removeAll(keepingCapacity: true)
        previous.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        for i in 0..<n {
            next.append(Int32(i + 1))
            previous.append(Int32(i - 1))
            let pair = parts[i].pair
            if pair != UInt64.max { heap.append(pair & 0xFFFF_FFFF_0000_0000 | UInt64(i)) }
        }
        heapify()
        while let entry = popMin() {
            let i = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
            let pair = parts[i].pair
            guard pair != UInt64.max, pair >> 32 == entry >> 32 else { continue }
            let j = Int(next[i])
            let k = Int(next[j])
            parts[i].id = UInt32(truncatingIfNeeded: pair)
            parts[j].pair = UInt64.max
            next[i] = Int32(k)
            if k < n { previous[k] = Int32(i) }
            if k < n {
                let after = Int(next[k])
                let rightEnd = after < n ? Int(parts[after].start) : piece.count
                parts[i].pair = ranker.pair(piece, parts[i], parts[k], rightEnd: rightEnd)
                if parts[i].pair != UInt64.max { push(parts[i].pair & 0xFFFF_FFFF_0000_0000 | UInt64(i)) }
            } else {
                parts[i].pair = UInt64.max
            }
            let p = Int(previous[i])
            if p >= 0 {
                let rightEnd = k < n ? Int(parts[k].start) : piece.count
                parts[p].pair = ranker.pair(piece, parts[p], parts[i], rightEnd: rightEnd)
                if parts[p].pair != UInt64.max { push(parts[p].pair & 0xFFFF_FFFF_0000_0000 | UInt64(p)) }
            }
        }
    }

    /// Sends the final parts' ids to `sink`, in order.
    mutating func emit<S: TokenSink>(into sink: inout S, offset: UInt32) -> Bool {
        if usesQueue {
            var i = 0
            let n = parts.count
            while i < n {
                if !sink.append(parts[i].id + offset) { return false }
                i = Int(next[i])
            }
        } else {
            for part in parts where !sink.append(part.id + offset) { return false }
        }
        return true
    }

    // MARK: - Binary heap

    private mutating func heapify() {
        var i = heap.count / 2 - 1
        while i >= 0 {
            siftDown(i)
            i -= 1
        }
    }

    private mutating func push(_ value: UInt64) {
        heap.append(value)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if heap[parent] <= heap[child] { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func popMin() -> UInt64? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        heap[0] = last
        siftDown(0)
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            if left >= count { return }
            var smallest = left
            if left + 1 < count, heap[left + 1] < heap[left] { smallest = left + 1 }
            if heap[parent] <= heap[smallest] { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
