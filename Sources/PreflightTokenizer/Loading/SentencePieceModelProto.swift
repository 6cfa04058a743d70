/// The parts of a SentencePiece `ModelProto` that encoding and decoding need, as read from a
/// `.model` file by ``SentencePieceModelReader``.
///
/// Field defaults follow `sentencepiece_model.proto` (for example `add_dummy_prefix` and
/// `remove_extra_whitespaces` default to `true`), so a file that omits a field means what
/// the reference library takes it to mean.
public struct SentencePieceModelProto: Sendable, Equatable {
    /// The role of a piece, numbered as in `ModelProto.SentencePiece.Type`.
    public enum PieceKind: UInt8, Sendable, Equatable {
        /// An ordinary piece that merges can produce.
        case normal = 1
        /// The unknown-token piece (`<unk>`).
        case unknown = 2
        /// A control piece (`<s>`, `</s>`, Gemma's `<start_of_turn>`): never matched in text.
        case control = 3
        /// A user-defined piece: always kept whole when it appears in text.
        case userDefined = 4
        /// A piece merges may pass through but that is re-split on output.
        case unused = 5
        /// A byte-fallback piece `<0xNN>`.
        case byte = 6
    }

    /// One vocabulary entry.
    public struct Piece: Sendable, Equatable {
        /// The piece's UTF-8 text (spaces appear as `▁` U+2581).
        public var text: [UInt8]
        /// The merge priority: higher scores merge first.
        public var score: Float
        /// The piece's role.
        public var kind: PieceKind
    }

    /// The normaliser settings (`NormalizerSpec`).
    public struct NormalizerSpec: Sendable, Equatable {
        /// The rule set's name (`identity`, `nmt_nfkc`, …).
        public var name: String = ""
        /// Whether a precompiled character map (a non-identity rule set) is present.
        public var hasPrecompiledCharsmap = false
        /// Whether a `▁` is put in front of the text.
        public var addDummyPrefix = true
        /// Whether leading, trailing and repeated spaces are removed.
        public var removeExtraWhitespaces = true
        /// Whether spaces become `▁`.
        public var escapeWhitespaces = true
    }

    /// The vocabulary, in id order.
    public var pieces: [Piece] = []
    /// `TrainerSpec.model_type` (1 unigram, 2 BPE, 3 word, 4 char).
    public var modelType = 1
    /// Whether characters outside the vocabulary become `<0xNN>` byte pieces.
    public var byteFallback = false
    /// Whether `▁` marks the end of a word instead of its start.
    public var treatWhitespaceAsSuffix = false
    /// `TrainerSpec.split_digits` (a training option; encoding does not consult it).
    public var splitDigits = false
    /// Ids of the unknown, begin and end of sentence, and padding pieces (-1 when absent).
    public var unknownID = 0, bosID = 1, eosID = 2, padID = -1
    /// The normaliser settings.
    public var normalizer = NormalizerSpec()
}
