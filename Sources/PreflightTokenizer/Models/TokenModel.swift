/// The model stage: turns one pre-tokenised piece into ids.
///
/// A closed set. To add a model family, add a case here, a case to `PieceEncoder.Kind`, and the
/// three switches below and in `PieceEncoder` (encode one piece, bytes of an id, vocabulary size).
public enum TokenModel: Sendable {
    /// Byte-pair encoding over raw bytes (tiktoken files, Hugging Face byte-level BPE).
    case bytePair(BytePairModel)
    /// SentencePiece BPE with byte fallback (Llama 2, Mistral v1, Gemma 3): the whole normalised
    /// text is one piece, merged by piece score.
    case sentencePiece(SentencePieceModel)
    /// WordPiece, greedy longest-match-first with `##` continuations (BERT, BGE).
    case wordPiece(WordPieceModel)

    /// The number of ids the model can produce (largest id + 1), not counting added tokens.
    public var vocabularySize: Int {
        switch self {
        case .bytePair(let model): return model.vocabulary.count + Int(model.idOffset)
        case .sentencePiece(let model): return model.vocabularySize
        case .wordPiece(let model): return model.vocabularySize
        }
    }

    /// The token text of `id` as the decoder sees it (raw bytes for byte-level BPE), or `nil`
    /// when the model has no such id.
    public func tokenBytes(of id: TokenID) -> [UInt8]? {
        switch self {
        case .bytePair(let model): return model.bytes(of: id)
        case .sentencePiece(let model): return model.tokenText(of: id.rawValue)
        case .wordPiece(let model): return model.tokenText(of: id.rawValue)
        }
    }

    /// Runs `body` with an encoder that holds pointer views of the model's tables, so a whole
    /// text is encoded with one set-up.
    func withEncoder<R>(_ body: (inout PieceEncoder) -> R) -> R {
        switch self {
        case .bytePair(let model):
            return model.vocabulary.withView { view in
                var encoder = PieceEncoder(kind: .bytePair(BytePairContext(model: model, view: view)))
                return body(&encoder)
            }
        case .sentencePiece(let model):
            return model.withTables { tables in
                var encoder = PieceEncoder(kind: .sentencePiece(model, tables))
                return body(&encoder)
            }
        case .wordPiece(let model):
            return model.withTables { tables in
                var encoder = PieceEncoder(kind: .wordPiece(model, tables))
                return body(&encoder)
            }
        }
    }
}

/// Encodes pieces with one model, reusing its working memory across pieces.
struct PieceEncoder {
    enum Kind {
        case bytePair(BytePairContext)
        case sentencePiece(SentencePieceModel, SentencePieceModel.Tables)
        case wordPiece(WordPieceModel, WordPieceModel.Tables)
    }

    let kind: Kind
    var scratch = MergeScratch()
    var sentencePieceScratch = SentencePieceModel.Scratch()

    init(kind: Kind) { self.kind = kind }

    /// Encodes `piece` into `sink`; `false` when the sink stopped.
    @inline(__always)
    mutating func encode<S: TokenSink>(_ piece: UnsafeRawBufferPointer, into sink: inout S) -> Bool {
        switch kind {
        case .bytePair(let context):
            return context.encode(piece, scratch: &scratch, into: &sink)
        case .sentencePiece(let model, let tables):
            return model.encode(piece, tables: tables, scratch: &sentencePieceScratch, into: &sink)
        case .wordPiece(let model, let tables):
            return model.encode(piece, tables: tables, into: &sink)
        }
    }
}
