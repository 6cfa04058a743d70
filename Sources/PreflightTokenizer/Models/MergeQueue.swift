/// Reusable working memory for merging one piece at a time, and the two merge loops.
///
/// One scratch lives for a whole `encode`/`count` call, so merging allocates only when a piece is
/// longer than every piece before it.
struct MergeScratch {
    var parts: [Part] = []
    /// Queue mode: the index of the next live part (`count` = none) and of the previous one (-1).
    var next: [Int32] = []
    var previous: [Int32] = []
    /// Queue mode: the slots of a binary min-heap (`PairHeap`) of `priority << 32 | part index`.
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
    /// Heap order `priority << 32 | index` breaks ties leftmost first, as the rescan does; any
    /// correct min-heap pops the same sequence, so the merges equal the rescan's.
    /// - Complexity: O(n log n).
    mutating func mergeWithQueue<R: PairRanker>(_ piece: UnsafeRawBufferPointer, ranker: R) {
        let n = parts.count
        usesQueue = true
        next.removeAll(keepingCapacity: true)
        previous.removeAll(keepingCapacity: true)
        next.reserveCapacity(n)
        previous.reserveCapacity(n)
        for i in 0..<n {
            next.append(Int32(i + 1))
            previous.append(Int32(i - 1))
        }
        // At most n - 1 initial entries plus one push per merge (the merged part's own entry
        // replaces the popped top), n - 1 merges: 2n slots suffice, allocated only on growth.
        if heap.count < 2 * n { heap = [UInt64](repeating: 0, count: 2 * n) }
        // Unsafe pointers for the whole loop: with arrays, uniqueness checks, bounds checks and
        // swap-based sifting cost 2,050 Ir per byte on 200 KB of "a" (callgrind, o200k; prose 210);
        // this loop: 1,120 (random letters: 1,100 -> 630).
        parts.withUnsafeMutableBufferPointer { partsBuffer in
            next.withUnsafeMutableBufferPointer { nextBuffer in
                previous.withUnsafeMutableBufferPointer { previousBuffer in
                    heap.withUnsafeMutableBufferPointer { heapBuffer in
                        guard let parts = partsBuffer.baseAddress, let next = nextBuffer.baseAddress,
                              let previous = previousBuffer.baseAddress, let slots = heapBuffer.baseAddress
                        else { return }
                        var queue = PairHeap(slots: slots, count: 0)
                        for i in 0..<n {
                            // Invariant: at most n entries here, within 2n slots.
                            let pair = parts[i].pair
                            if pair != UInt64.max { queue.append(pair & 0xFFFF_FFFF_0000_0000 | UInt64(i)) }
                        }
                        queue.heapify()
                        while let entry = queue.top {
                            let i = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                            let pair = parts[i].pair
                            guard pair != UInt64.max, pair >> 32 == entry >> 32 else {
                                queue.removeTop()
                                continue
                            }
                            let j = Int(next[i])
                            let k = Int(next[j])
                            parts[i].id = UInt32(truncatingIfNeeded: pair)
                            parts[j].pair = UInt64.max
                            next[i] = Int32(k)
                            var merged = UInt64.max
                            if k < n {
                                previous[k] = Int32(i)
                                let after = Int(next[k])
                                let rightEnd = after < n ? Int(parts[after].start) : piece.count
                                merged = ranker.pair(piece, parts[i], parts[k], rightEnd: rightEnd)
                            }
                            parts[i].pair = merged
                            // Pop-then-push of the merged part's entry as one sift.
                            if merged != UInt64.max {
                                queue.replaceTop(merged & 0xFFFF_FFFF_0000_0000 | UInt64(i))
                            } else {
                                queue.removeTop()
                            }
                            let p = Int(previous[i])
                            if p >= 0 {
                                let rightEnd = k < n ? Int(parts[k].start) : piece.count
                                let left = ranker.pair(piece, parts[p], parts[i], rightEnd: rightEnd)
                                parts[p].pair = left
                                if left != UInt64.max { queue.push(left & 0xFFFF_FFFF_0000_0000 | UInt64(p)) }
                            }
                        }
                    }
                }
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
}

/// A binary min-heap of `UInt64` in caller-owned memory with room for every push (see
/// `MergeScratch.mergeWithQueue`). Sifting moves a hole instead of swapping.
struct PairHeap {
    let slots: UnsafeMutablePointer<UInt64>
    var count: Int

    /// The smallest entry, or `nil` when empty.
    var top: UInt64? { count > 0 ? slots[0] : nil }

    /// Adds an entry without restoring heap order (call `heapify` after the last one).
    @inline(__always)
    mutating func append(_ value: UInt64) {
        slots[count] = value
        count += 1
    }

    /// Restores heap order over everything appended.
    /// - Complexity: O(n).
    func heapify() {
        var i = count / 2 - 1
        while i >= 0 {
            siftDown(from: i, value: slots[i])
            i -= 1
        }
    }

    /// Inserts `value`.
    /// - Complexity: O(log n).
    @inline(__always)
    mutating func push(_ value: UInt64) {
        var child = count
        count += 1
        while child > 0 {
            let parent = (child - 1) / 2
            let above = slots[parent]
            if above <= value { break }
            slots[child] = above
            child = parent
        }
        slots[child] = value
    }

    /// Removes the smallest entry. Requires `count > 0`.
    /// - Complexity: O(log n).
    @inline(__always)
    mutating func removeTop() {
        count -= 1
        if count > 0 { siftDown(from: 0, value: slots[count]) }
    }

    /// Removes the smallest entry and inserts `value`, in one sift. Requires `count > 0`.
    /// - Complexity: O(log n).
    @inline(__always)
    func replaceTop(_ value: UInt64) { siftDown(from: 0, value: value) }

    /// Puts `value` at `start` or below it, moving smaller children up.
    private func siftDown(from start: Int, value: UInt64) {
        var hole = start
        while true {
            var child = 2 * hole + 1
            if child >= count { break }
            var smallest = slots[child]
            if child + 1 < count {
                let right = slots[child + 1]
                if right < smallest {
                    child += 1
                    smallest = right
                }
            }
            if value <= smallest { break }
            slots[hole] = smallest
            hole = child
        }
        slots[hole] = value
    }
}
