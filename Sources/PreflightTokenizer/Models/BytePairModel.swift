/// Byte-pair encoding over a byte vocabulary, as tiktoken and Hugging Face's BPE model do it.
///
/// A piece is first looked up whole ("the vocabulary is the cache": most pieces of real text are
/// one token). Otherwise it starts as one part per byte and the adjacent pair with the lowest
/// priority merges, leftmost first on ties, until no pair can merge. Short pieces use tiktoken's
/// linear rescan; long ones a heap over a linked list (`MergeQueue.swift`), so a megabyte of one
/// letter stays O(n log n) instead of O(n²).
public struct BytePairModel: Sendable {
    /// The tokens; index = rank (tiktoken) or id (Hugging Face).
    public let vocabulary: Vocabulary
    /// Which pairs merge, in which order.
    public let mergeRule: MergeRule
    /// Added to every vocabulary index to give the public id (Tekken: 1,000).
    public let idOffset: UInt32
    /// Whether a piece that is itself a token is emitted without merging. Always true for
    /// tiktoken; Hugging Face BPE does it only with `ignore_merges`.
    public let looksUpWholePieces: Bool

    /// Pieces with at most this many bytes use the rescanning merge; longer ones use the heap.
    /// The rescan is O(n²) but has no heap upkeep. Measured with callgrind on the
    /// Scripts/quick_side_by_side.py corpus (o200k): a cut at 24 bytes and one at 64 cost the
    /// same within 3%; 64 keeps almost every piece of natural text on the simpler path.
    static let rescanLimit = 64

    /// A BPE model over `vocabulary`.
    /// - Throws: `VocabularyError.missingByteToken` when some byte has no one-byte token, since
    ///   byte-level BPE could not encode text containing it.
    public init(
        vocabulary: Vocabulary, mergeRule: MergeRule = .byRank, idOffset: UInt32 = 0,
        looksUpWholePieces: Bool = true, file: String = "<memory>"
    ) throws(VocabularyError) {
        if let missing = vocabulary.singleBytes.firstIndex(of: UInt32.max) {
            throw .missingByteToken(file: file, byte: UInt8(missing))
        }
        self.vocabulary = vocabulary
        self.mergeRule = mergeRule
        self.idOffset = idOffset
        self.looksUpWholePieces = looksUpWholePieces
    }

    /// The bytes of a public id, or `nil` when it is not one of this model's tokens.
    public func bytes(of id: TokenID) -> [UInt8]? {
        guard id.rawValue >= idOffset else { return nil }
        return vocabulary.bytes(of: id.rawValue - idOffset)
    }

    /// The public ids of one piece, for tests and for printing this stage alone.
    /// - Complexity: O(n log n) in the piece's length.
    public func encode(piece: [UInt8]) -> [TokenID] {
        var sink = IDCollector()
        var scratch = MergeScratch()
        vocabulary.withView { view in
            let context = BytePairContext(model: self, view: view)
            piece.withUnsafeBytes { bytes in _ = context.encode(bytes, scratch: &scratch, into: &sink) }
        }
        return sink.ids
    }
}

/// What encoding with a `BytePairModel` needs, as plain values and pointers (valid inside
/// `Vocabulary.withView`), so the per-piece path does no reference counting.
struct BytePairContext {
    /// The longest piece merged as one (part positions and links are 32-bit).
    static let maximumPiece = 1 << 30

    let view: VocabularyView
    let mergeTable: MergeTable?
    let idOffset: UInt32
    let looksUpWholePieces: Bool

    init(model: BytePairModel, view: VocabularyView) {
        self.view = view
        if case .list(let table) = model.mergeRule { mergeTable = table } else { mergeTable = nil }
        idOffset = model.idOffset
        looksUpWholePieces = model.looksUpWholePieces
    }

    /// Encodes one piece into `sink`. Returns `false` when the sink stopped.
    @inline(__always)
    func encode<S: TokenSink>(_ piece: UnsafeRawBufferPointer, scratch: inout MergeScratch, into sink: inout S) -> Bool {
        if piece.isEmpty { return true }
        if looksUpWholePieces, let id = view.find(piece) { return sink.append(id + idOffset) }
        if piece.count == 1 {
            // Invariant: BytePairModel.init checked that every byte has a one-byte token.
            return sink.append(view.singleBytes[Int(piece[0])] + idOffset)
        }
        if piece.count > BytePairContext.maximumPiece {
            // Part positions are 32-bit. A single piece over 1 GiB (no real text has one) is
            // merged in 1 GiB slices rather than trapping; only then can ids differ from tiktoken's.
            var start = 0
            while start < piece.count {
                let end = min(start + BytePairContext.maximumPiece, piece.count)
                if !encode(UnsafeRawBufferPointer(rebasing: piece[start..<end]), scratch: &scratch, into: &sink) {
                    return false
                }
                start = end
            }
            return true
        }
        if let mergeTable {
            return merge(piece, ranker: RankByList(table: mergeTable), scratch: &scratch, into: &sink)
        }
        return merge(piece, ranker: RankByConcatenation(view: view), scratch: &scratch, into: &sink)
    }

    @inline(__always)
    func merge<R: PairRanker, S: TokenSink>(
        _ piece: UnsafeRawBufferPointer, ranker: R, scratch: inout MergeScratch, into sink: inout S
    ) -> Bool {
        scratch.load(piece, view: view, ranker: ranker)
        if piece.count <= BytePairModel.rescanLimit {
            scratch.mergeByRescanning(piece, ranker: ranker)
        } else {
            scratch.mergeWithQueue(piece, ranker: ranker)
        }
        return scratch.emit(into: &sink, offset: idOffset)
    }
}

/// The priority and result of merging two adjacent parts, packed as `priority << 32 | id`;
/// `UInt64.max` when they cannot merge. Lower values merge first.
protocol PairRanker {
    func pair(_ piece: UnsafeRawBufferPointer, _ left: Part, _ right: Part, rightEnd: Int) -> UInt64
    /// `pair` for two one-byte parts starting at `index` (the first round, which is most look-ups).
    func firstPair(_ piece: UnsafeRawBufferPointer, _ left: Part, _ right: Part, at index: Int) -> UInt64
}

/// tiktoken's rule: the pair's concatenated bytes must be a token; its rank is the priority.
struct RankByConcatenation: PairRanker {
    let view: VocabularyView
    @inline(__always)
    func pair(_ piece: UnsafeRawBufferPointer, _ left: Part, _ right: Part, rightEnd: Int) -> UInt64 {
        // Invariant: left.start < rightEnd <= piece.count.
        let slice = UnsafeRawBufferPointer(rebasing: piece[Int(left.start)..<rightEnd])
        guard let id = view.table.find(slice, keyOf: view.key) else { return UInt64.max }
        return UInt64(id) << 32 | UInt64(id)
    }

    /// Two-byte tokens come from a direct 64K table instead of the hash table.
    @inline(__always)
    func firstPair(_ piece: UnsafeRawBufferPointer, _ left: Part, _ right: Part, at index: Int) -> UInt64 {
        // Invariant: index + 1 < piece.count; the table has 65,536 entries.
        let id = view.bytePairs[Int(piece[index]) << 8 | Int(piece[index + 1])]
        return id == UInt32.max ? UInt64.max : UInt64(id) << 32 | UInt64(id)
    }
}

/// Hugging Face's rule: the pair of ids must be in the merges list.
struct RankByList: PairRanker {
    let table: MergeTable
    @inline(__always)
    func pair(_ piece: UnsafeRawBufferPointer, _ left: Part, _ right: Part, rightEnd: Int) -> UInt64 {
        table.entries[UInt64(left.id) << 32 | UInt64(right.id)] ?? UInt64.max
    }

    @inline(__always)
    func firstPair(_ piece: UnsafeRawBufferPointer, _ left: Part, _ right: Part, at index: Int) -> UInt64 {
        pair(piece, left, right, rightEnd: index + 2)
    }
}

/// One part of a piece during merging: its first byte, its token, and the packed priority and
/// result of merging it with the next part.
struct Part {
    var start: UInt32
    var id: UInt32
    var pair: UInt64
}
