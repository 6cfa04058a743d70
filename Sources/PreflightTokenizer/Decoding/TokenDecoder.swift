/// The decoding stage: turns the model's token texts back into the text's bytes.
///
/// A closed set; named `TokenDecoder` so as not to shadow `Swift.Decoder`.
public indirect enum TokenDecoder: Sendable, Hashable {
    /// Byte-level BPE: the engine stores byte-level tokens as raw bytes (the GPT-2 alphabet is
    /// undone when loading), so decoding concatenates them.
    case byteLevel
    /// SentencePiece byte fallback (Hugging Face `ByteFallback`): each run of `<0xNN>` pieces
    /// becomes its bytes when they are valid UTF-8, else one U+FFFD per byte.
    case byteFallback
    /// SentencePiece spaces (Hugging Face `Metaspace`): `▁` becomes a space; with
    /// `stripsLeadingSpace`, the first token loses one leading `▁` (the dummy prefix).
    case metaspace(stripsLeadingSpace: Bool)
    /// WordPiece (Hugging Face `WordPiece` decoder): tokens are joined with spaces except that
    /// continuation tokens lose `prefix` and join the previous one; `cleansUp` then removes
    /// the space before punctuation and English contractions.
    case wordPiece(prefix: String, cleansUp: Bool)
    /// Applies each decoder to the tokens the previous one produced.
    case sequence([TokenDecoder])

    /// Appends the bytes of the token texts `tokens` (in order) to `output`.
    /// - Complexity: O(total bytes).
    func decode(_ tokens: [[UInt8]], into output: inout [UInt8]) {
        switch self {
        case .byteLevel:
            for token in tokens { output.append(contentsOf: token) }
        default:
            for token in decodeChain(tokens) { output.append(contentsOf: token) }
        }
    }
}

/// Why ids could not be turned back into text.
public enum DetokenizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The id at `index` is neither a model token nor an added token.
    case unknownID(TokenID, index: Int)
    /// The decoded bytes are not valid UTF-8 (a multi-byte character was cut between ids, or the
    /// ids are not from this tokenizer); `byteOffset` is that of the first bad byte.
    case invalidUTF8(byteOffset: Int)

    /// What went wrong and where.
    public var description: String {
        switch self {
        case .unknownID(let id, let index):
            return "id \(id) at index \(index) is not in this tokenizer's vocabulary"
        case .invalidUTF8(let offset):
            return "the decoded bytes are not valid UTF-8 at byte offset \(offset)"
        }
    }
}
