/// BERT's pre-tokenizer (Hugging Face `BertPreTokenizer`): split on white space (dropping it),
/// then isolate every punctuation character as its own piece.
///
/// Punctuation is BERT's definition: every ASCII symbol (`!`…`/`, `:`…`@`, `[`…`` ` ``,
/// `{`…`~`, which includes `$`, `+`, `^` and `|`) plus every Unicode punctuation category (P*).
enum BertPreTokenizer {
    /// Calls `body` with each piece's byte range, until it returns false.
    /// - Returns: false when `body` stopped the iteration.
    /// - Complexity: O(*n*).
    static func forEachPiece(
        in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Range<Int>) -> Bool
    ) -> Bool {
        var wordStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            // Invariant: the buffer is valid UTF-8 (it comes from a String), so decoding stays in range.
            let (scalar, length) = decodeScalar(buffer, at: index, end: range.upperBound)
            let isSpace = scalar.value < 0x80
                ? (scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D))
                : scalar.properties.isWhitespace
            if isSpace || isPunctuation(scalar) {
                if wordStart < index, !body(wordStart..<index) { return false }
                if !isSpace, !body(index..<(index + length)) { return false }
                wordStart = index + length
            }
            index += length
        }
        if wordStart < range.upperBound { return body(wordStart..<range.upperBound) }
        return true
    }

    /// BERT's punctuation test (`is_bert_punc`): ASCII punctuation or a Unicode P* category.
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (33...47).contains(value) || (58...64).contains(value)
                || (91...96).contains(value) || (123...126).contains(value)
        }
        // Unicode 8.0 categories, as Hugging Face's tables (see `BertNormalizer`).
        switch BertNormalizer.generalCategory(scalar) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Decodes the scalar at `index` of valid UTF-8 text, with its byte length.
    @inline(__always)
    static func decodeScalar(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let lead = buffer[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        var offset = 1
        while offset < length && index + offset < end {
            value = value << 6 | UInt32(buffer[index + offset] & 0x3F)
            offset += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", offset)
    }
}
