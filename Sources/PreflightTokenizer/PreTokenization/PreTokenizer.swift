/// The pre-tokenisation stage: cuts normalised text into pieces that the model encodes one by one.
///
/// A closed set, as the stages tokenizer files can name are a closed set. Pieces are byte ranges
/// of the normalised UTF-8 text; no stage copies text.
public indirect enum PreTokenizer: Sendable, Hashable {
    /// The whole text is one piece.
    case none
    /// Splits with one of the published split regexes (tiktoken's `pat_str`, a tokenizer.json
    /// `Split` with `behavior: Isolated`). Matches and any unmatched gaps are pieces.
    case split(SplitPattern)
    /// Hugging Face `Digits`: ASCII digits isolated one by one (`individual: true`) or in runs.
    case digits(individual: Bool)
    /// BERT's pre-tokenizer: split on white space, isolate each punctuation character.
    case bert
    /// Applies each pre-tokenizer to the pieces of the previous one.
    case sequence([PreTokenizer])

    /// The pieces of `text` as strings, for tests and for printing this stage alone.
    /// - Complexity: O(n) per stage.
    public func pieces(of text: String) -> [String] {
        collectPieces(of: text) { forEachPiece(in: $0, range: $1, $2) }
    }

    /// Calls `body` with each piece's byte range in order, until it returns `false`.
    /// - Returns: `false` when `body` stopped the iteration.
    @discardableResult
    func forEachPiece(
        in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Range<Int>) -> Bool
    ) -> Bool {
        switch self {
        case .none:
            return range.isEmpty ? true : body(range)
        case .split(let pattern):
            return PatternSplitter(pattern).forEachPiece(in: buffer, range: range, body)
        case .digits(let individual):
            return Self.splitDigits(in: buffer, range: range, individual: individual, body)
        case .bert:
            return BertPreTokenizer.forEachPiece(in: buffer, range: range, body)
        case .sequence(let stages):
            return Self.applySequence(stages[...], in: buffer, range: range, body)
        }
    }

    private static func applySequence(
        _ stages: ArraySlice<PreTokenizer>, in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>,
        _ body: (Range<Int>) -> Bool
    ) -> Bool {
        guard let first = stages.first else { return range.isEmpty ? true : body(range) }
        let rest = stages.dropFirst()
        return first.forEachPiece(in: buffer, range: range) { piece in
            applySequence(rest, in: buffer, range: piece, body)
        }
    }

    private static func splitDigits(
        in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, individual: Bool, _ body: (Range<Int>) -> Bool
    ) -> Bool {
        var start = range.lowerBound
        var i = range.lowerBound
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        while i < range.upperBound {
            // Invariant: range lies within buffer.
            guard isDigit(buffer[i]) else { i += 1; continue }
            if start < i, !body(start..<i) { return false }
            var end = i + 1
            if !individual {
                while end < range.upperBound, isDigit(buffer[end]) { end += 1 }
            }
            if !body(i..<end) { return false }
            start = end
            i = end
        }
        if start < range.upperBound { return body(start..<range.upperBound) }
        return true
    }
}
