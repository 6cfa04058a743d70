/// SentencePiece BPE encoding, as `bpe_model.cc` (`Model::SampleEncode` without sampling) does it:
///
/// 1. Split the normalised text into symbols: the longest USER_DEFINED piece at each position
///    (kept whole, "frozen"), else one UTF-8 character.
/// 2. Put every adjacent pair whose concatenation is a NORMAL/USER_DEFINED/UNUSED piece into a
///    max-heap keyed by that piece's score (ties: the leftmost pair).
/// 3. Pop the best pair, merge it, and queue the two new neighbour pairs; stale pairs are
///    skipped by the same size check upstream uses.
/// 4. Emit each final symbol's id; an UNUSED piece is re-split into the pair that formed it;
///    a symbol that is not a piece becomes its `<0xNN>` byte pieces (or `<unk>`).
///
/// Performance note: merges never cross a boundary before a `▁` whose preceding character no
/// piece joins to a `▁` (see `scalarsBeforeInnerSpace`), and never touch frozen symbols, so the
/// text is processed in such independent chunks (usually one word each) with reused buffers.
/// This gives the same ids as one heap over the whole text — within a chunk the heap order is
/// unchanged — while keeping memory per chunk and allowing counting to stop early.
extension SentencePieceModel {
    /// One symbol of the working segmentation: a byte range of the normalised text.
    struct Symbol {
        var start: Int32
        var length: Int32
        var prev: Int32
        var next: Int32
        /// The piece id once a merge produced this symbol, else -1.
        var id: Int32
        /// Whether this is a USER_DEFINED match, which never merges.
        var isFrozen: Bool
    }

    /// A candidate merge of two adjacent symbols.
    struct Candidate {
        var score: Float
        var left: Int32
        var right: Int32
        var size: Int32
        var id: Int32

        /// Heap order: higher score first, then the leftmost pair (`SymbolPairComparator`).
        @inline(__always)
        func precedes(_ other: Candidate) -> Bool {
            score > other.score || (score == other.score && left < other.left)
        }
    }

    /// Pointer views of the two piece tables, valid inside ``withTables(_:)``.
    struct Tables {
        let mergeable: VocabularyView
        let reserved: VocabularyView
    }

    /// Runs `body` with pointer views of the piece tables, for one text's hot loop.
    func withTables<R>(_ body: (Tables) -> R) -> R {
        mergeable.withView { mergeable in reserved.withView { reserved in body(Tables(mergeable: mergeable, reserved: reserved)) } }
    }

    /// Buffers reused across chunks and texts (one per encoder, never shared between threads).
    struct Scratch {
        var symbols: [Symbol] = []
        var heap: [Candidate] = []
        /// For UNUSED pieces formed by a merge: piece id → (left start, left length, right length).
        var unusedSplits: [Int32: (Int32, Int32, Int32)] = [:]
        /// Whether the last id emitted was `<unk>` (a run of unknown symbols emits one `<unk>`).
        var lastWasUnknown = false
    }

    /// Feeds `sink` each id of `text` (normalised by ``normalizer``), in order.
    /// - Returns: false when the sink asked to stop.
    /// - Complexity: O(*n* log *w*) for *n* bytes and chunks of at most *w* characters.
    func encode<S: TokenSink>(
        _ text: UnsafeRawBufferPointer, tables: Tables, scratch: inout Scratch, into sink: inout S
    ) -> Bool {
        scratch.symbols.removeAll(keepingCapacity: true)
        if !scratch.unusedSplits.isEmpty { scratch.unusedSplits.removeAll(keepingCapacity: true) }
        scratch.lastWasUnknown = false
        var position = 0
        while position < text.count {
            var length = userDefined.isEmpty ? 0 : userDefined.longestMatch(in: text, at: position)
            let isFrozen = length > 0
            if !isFrozen { length = min(text.count - position, Self.utf8Length(leadingByte: text[position])) }
            if let last = scratch.symbols.last,
               isChunkBoundary(text, before: position, isFrozen: isFrozen, after: last) {
                guard mergeAndEmit(text, tables, &scratch, &sink) else { return false }
                scratch.symbols.removeAll(keepingCapacity: true)
            }
            let index = Int32(scratch.symbols.count)
            scratch.symbols.append(Symbol(
                start: Int32(position), length: Int32(length),
                prev: index - 1, next: -1, id: -1, isFrozen: isFrozen))
            if index > 0 { scratch.symbols[Int(index) - 1].next = index }
            position += length
        }
        return scratch.symbols.isEmpty || mergeAndEmit(text, tables, &scratch, &sink)
    }

    /// The byte length of a UTF-8 sequence from its first byte, by SentencePiece's `OneCharLen`
    /// table (a stray continuation byte counts as one).
    @inline(__always)
    static func utf8Length(leadingByte byte: UInt8) -> Int {
        switch byte >> 4 {
        case 0xC, 0xD: return 2
        case 0xE: return 3
        case 0xF: return 4
        default: return 1
        }
    }

    /// Whether no merge can join the symbol `previous` with the one starting at `position`.
    @inline(__always)
    private func isChunkBoundary(
        _ text: UnsafeRawBufferPointer, before position: Int, isFrozen: Bool, after previous: Symbol
    ) -> Bool {
        if isFrozen || previous.isFrozen { return true }
        // Invariant: position < text.count (the caller is at a symbol start).
        guard text[position] == 0xE2, position + 2 < text.count,
              text[position + 1] == 0x96, text[position + 2] == 0x81 else { return false }
        let scalar = Self.scalarValue(text, at: Int(previous.start), length: Int(previous.length))
        return scalar != 0x2581 && !scalarsBeforeInnerSpace.contains(scalar)
    }

    /// Decodes the scalar of a one-character symbol (garbage in, some value out; never traps).
    @inline(__always)
    private static func scalarValue(_ text: UnsafeRawBufferPointer, at start: Int, length: Int) -> UInt32 {
        var value = UInt32(text[start])
        if length > 1 {
            value &= UInt32(0xFF >> (length + 1))
            for index in 1..<length { value = value << 6 | UInt32(text[start + index] & 0x3F) }
        }
        return value
    }

    /// Runs the merge loop on the chunk in `scratch.symbols` and emits its ids.
    /// Returns false when `emit` asked to stop.
    private func mergeAndEmit<S: TokenSink>(
        _ text: UnsafeRawBufferPointer, _ tables: Tables, _ scratch: inout Scratch, _ sink: inout S
    ) -> Bool {
        if scratch.symbols.count > 1 {
            scratch.heap.removeAll(keepingCapacity: true)
            for right in 1..<scratch.symbols.count {
                queuePair(text, tables, &scratch, left: Int32(right - 1), right: Int32(right))
            }
            while let top = Self.popBest(&scratch.heap) {
                let left = Int(top.left), right = Int(top.right)
                let leftLength = scratch.symbols[left].length, rightLength = scratch.symbols[right].length
                // Stale: one side was merged away or grew since this pair was queued.
                if leftLength == 0 || rightLength == 0 || leftLength + rightLength != top.size { continue }
                scratch.symbols[left].length = top.size
                scratch.symbols[left].id = top.id
                let next = scratch.symbols[right].next
                scratch.symbols[left].next = next
                if next >= 0 { scratch.symbols[Int(next)].prev = top.left }
                scratch.symbols[right].length = 0
                queuePair(text, tables, &scratch, left: scratch.symbols[left].prev, right: top.left)
                queuePair(text, tables, &scratch, left: top.left, right: next)
            }
        }
        var index: Int32 = 0
        while index >= 0 {
            let symbol = scratch.symbols[Int(index)]
            guard emitPiece(text, tables, start: symbol.start, length: symbol.length, mergedID: symbol.id, &scratch, &sink)
            else { return false }
            index = symbol.next
        }
        return true
    }

    /// Queues the merge of `left` and `right` if their concatenation is a piece (`MaybeAddNewSymbolPair`).
    @inline(__always)
    private func queuePair(
        _ text: UnsafeRawBufferPointer, _ tables: Tables, _ scratch: inout Scratch, left: Int32, right: Int32
    ) {
        guard left >= 0, right >= 0 else { return }
        let leftSymbol = scratch.symbols[Int(left)], rightSymbol = scratch.symbols[Int(right)]
        guard !leftSymbol.isFrozen, !rightSymbol.isFrozen else { return }
        let size = leftSymbol.length + rightSymbol.length
        // Invariant: adjacent symbols cover contiguous bytes, so the pair is one slice of `text`.
        let slice = UnsafeRawBufferPointer(rebasing: text[Int(leftSymbol.start)..<Int(leftSymbol.start + size)])
        guard let id = tables.mergeable.find(slice) else { return }
        Self.push(Candidate(score: scores[Int(id)], left: left, right: right, size: size, id: Int32(id)), &scratch.heap)
        if hasUnusedPieces && kinds[Int(id)] == .unused {
            scratch.unusedSplits[Int32(id)] = (leftSymbol.start, leftSymbol.length, rightSymbol.length)
        }
    }

    /// Emits the ids for one final symbol (`resegment` plus byte fallback upstream).
    private func emitPiece<S: TokenSink>(
        _ text: UnsafeRawBufferPointer, _ tables: Tables, start: Int32, length: Int32, mergedID: Int32,
        _ scratch: inout Scratch, _ sink: inout S
    ) -> Bool {
        let slice = UnsafeRawBufferPointer(rebasing: text[Int(start)..<Int(start + length)])
        // `PieceToId`; a merged symbol already knows its id. No text is in both tables (see the
        // initialiser), so trying the mergeable table first gives the same id.
        let id = mergedID >= 0 ? UInt32(mergedID) : (tables.mergeable.find(slice) ?? tables.reserved.find(slice))
        if let id, id != unknownID {
            if hasUnusedPieces && kinds[Int(id)] == .unused, let split = scratch.unusedSplits[Int32(id)] {
                return emitPiece(text, tables, start: split.0, length: split.1, mergedID: -1, &scratch, &sink)
                    && emitPiece(text, tables, start: split.0 + split.1, length: split.2, mergedID: -1, &scratch, &sink)
            }
            scratch.lastWasUnknown = false
            return sink.append(id)
        }
        if let byteIDs {
            for byte in slice where !sink.append(byteIDs[Int(byte)]) { return false }
            return true
        }
        // As `SentencePieceProcessor` does without byte fallback: consecutive unknown symbols
        // become one `<unk>`.
        if scratch.lastWasUnknown { return true }
        scratch.lastWasUnknown = true
        // Invariant: the initialiser refuses models with neither an UNKNOWN piece nor byte fallback.
        return sink.append(unknownID ?? 0)
    }

    // MARK: Binary heap

    @inline(__always)
    private static func push(_ candidate: Candidate, _ heap: inout [Candidate]) {
        heap.append(candidate)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @inline(__always)
    private static func popBest(_ heap: inout [Candidate]) -> Candidate? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let best = heap[0]
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            var child = left
            if left + 1 < heap.count && heap[left + 1].precedes(heap[left]) { child = left + 1 }
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            parent = child
        }
        return best
    }
}
