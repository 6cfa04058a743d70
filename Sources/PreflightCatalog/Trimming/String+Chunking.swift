import PreflightTokenizer

/// One piece of a document split for an embedding model.
public struct TextChunk: Sendable, Equatable {
    /// The chunk's text.
    public let text: String
    /// Its token count, re-counted after cutting (always at most the chunk size).
    public let tokenCount: Int
    /// Where it starts in the document, in Unicode scalars.
    public let scalarOffset: Int
}

extension String {
    /// Splits the text into chunks of at most `maxTokens` tokens, each overlapping the previous one
    /// by at most `overlapTokens` tokens (for embedding models such as BGE, whose input is 512 tokens).
    ///
    /// Chunks end after whitespace when one falls in their second half, so words stay whole; every
    /// chunk is re-counted with `count` and that count is reported.
    /// - Complexity: O(n log n) counting work in the document's length.
    public func chunked(
        maxTokens: Int, overlapTokens: Int = 0, counting count: (String, Int) -> TokenCount
    ) throws(TrimmingError) -> [TextChunk] {
        guard maxTokens > 0 else { throw .invalidLimit(maxTokens) }
        guard overlapTokens >= 0, overlapTokens < maxTokens else {
            throw .overlapTooLarge(overlap: overlapTokens, maxTokens: maxTokens)
        }
        var chunks: [TextChunk] = []
        var start = startIndex
        var offset = 0
        while start < endIndex {
            var end = endOfLongestPrefix(from: start, fitting: maxTokens, counting: count)
            if end == start {  // one character alone is over the limit: take it anyway, reported as is
                end = index(after: start)
            } else if end < endIndex, let space = lastWhitespaceEnd(in: start..<end) {
                end = space
            }
            let text = String(self[start..<end])
            let tokens: Int = switch count(text, Int.max - 1) {
            case .exact(let n): n
            case .exceeds(let limit): limit + 1
            }
            chunks.append(TextChunk(text: text, tokenCount: tokens, scalarOffset: offset))
            if end == endIndex { break }
            var next = overlapTokens > 0 ? startOfLongestSuffix(before: end, after: start, fitting: overlapTokens, counting: count) : end
            if next <= start { next = end }
            offset += unicodeScalars.distance(from: start, to: next)
            start = next
        }
        return chunks
    }

    /// The position just after the last whitespace in the second half of `range`, if any.
    private func lastWhitespaceEnd(in range: Range<Index>) -> Index? {
        let scalars = unicodeScalars
        let half = scalars.distance(from: range.lowerBound, to: range.upperBound) / 2
        let floor = scalars.index(range.lowerBound, offsetBy: half)
        var index = range.upperBound
        while index > floor {
            let previous = scalars.index(before: index)
            if scalars[previous].properties.isWhitespace { return index }
            index = previous
        }
        return nil
    }

    /// The start of the longest `self[start..<end]` (with `start > lowest`) having at most `limit` tokens.
    private func startOfLongestSuffix(before end: Index, after lowest: Index, fitting limit: Int, counting count: (String, Int) -> TokenCount) -> Index {
        var boundaries: [Index] = []
        var index = end
        while index > lowest {
            index = unicodeScalars.index(before: index)
            if index > lowest, index.samePosition(in: self) != nil { boundaries.append(index) }
        }
        // boundaries run from end backwards; suffixes grow along the array.
        var lo = 0, hi = boundaries.count  // invariant: boundaries[..<lo] fit
        while lo < hi {
            let mid = (lo + hi) / 2
            if case .exact = count(String(self[boundaries[mid]..<end]), limit) { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? boundaries[lo - 1] : end
    }
}
