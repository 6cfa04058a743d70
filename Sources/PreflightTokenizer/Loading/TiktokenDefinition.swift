import Foundation

/// Everything besides the rank file that a tiktoken-style tokenizer needs: the split regex,
/// the special tokens, the id offset, and what `addingSpecialTokens` adds. tiktoken itself
/// keeps these in code (`tiktoken_ext`); Preflight reads them from a manifest.
public struct TiktokenDefinition: Sendable {
    /// The published split regex, verbatim (recognised by `SplitPattern(regex:)`).
    public var pattern: String
    /// Normalisation applied before splitting (`.nfc` for Qwen), `.none` for tiktoken's own encodings.
    public var normalizer: Normalizer
    /// Added to every rank to give the id (Tekken: 1,000).
    public var idOffset: UInt32
    /// When set, only ranks below it are active.
    public var rankLimit: Int?
    /// Special tokens by content and id; matched in text only under `SpecialTokenPolicy.honored`.
    public var specialTokens: [(content: String, id: TokenID)]
    /// Special tokens put before/after the text when adding special tokens, by content.
    public var prefix: [String]
    /// See `prefix`.
    public var suffix: [String]

    /// A definition.
    public init(
        pattern: String, normalizer: Normalizer = .none, idOffset: UInt32 = 0, rankLimit: Int? = nil,
        specialTokens: [(content: String, id: TokenID)] = [], prefix: [String] = [], suffix: [String] = []
    ) {
        self.pattern = pattern
        self.normalizer = normalizer
        self.idOffset = idOffset
        self.rankLimit = rankLimit
        self.specialTokens = specialTokens
        self.prefix = prefix
        self.suffix = suffix
    }
}

/// Why a tokenizer could not be built from its files.
public enum TokenizerLoadingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The vocabulary or tokenizer file is bad.
    case vocabulary(VocabularyError)
    /// The split regex is not one the engine implements.
    case preTokenizer(PreTokenizerError)
    /// A template names a token that is not a special token.
    case unknownTemplateToken(file: String, token: String)
    /// The SentencePiece model file is bad.
    case sentencePieceModel(SentencePieceModelError)
    /// The WordPiece vocabulary is bad.
    case wordPieceVocabulary(WordPieceVocabularyError)

    /// Any error met while building a tokenizer from `file`, as a loading error: vocabulary errors
    /// wrapped, loading errors kept, anything else (an I/O failure) reported as an unreadable file.
    init(wrapping error: any Error, file: String) {
        switch error {
        case let error as TokenizerLoadingError: self = error
        case let error as VocabularyError: self = .vocabulary(error)
        default: self = .vocabulary(.unreadable(file: file, reason: "\(error)"))
        }
    }

    /// What went wrong, where.
    public var description: String {
        switch self {
        case .vocabulary(let error): return error.description
        case .preTokenizer(let error): return error.description
        case .unknownTemplateToken(let file, let token):
            return "\(file): '\(token)' is added around texts but is not one of the special tokens"
        case .sentencePieceModel(let error): return error.description
        case .wordPieceVocabulary(let error): return error.description
        }
    }
}

extension Tokenizer {
    /// A tiktoken-style tokenizer: a rank file read with `TiktokenRanksReader`, split by the
    /// definition's regex, BPE by rank.
    /// - Complexity: O(file size).
    public static func tiktoken(ranks url: URL, definition: TiktokenDefinition) throws(TokenizerLoadingError) -> Tokenizer {
        let file = url.lastPathComponent
        do {
            let vocabulary = try TiktokenRanksReader.vocabulary(contentsOf: url, rankLimit: definition.rankLimit)
            return try tiktoken(vocabulary: vocabulary, definition: definition, file: file)
        } catch {
            throw TokenizerLoadingError(wrapping: error, file: file)
        }
    }

    /// A tiktoken-style tokenizer over an already loaded vocabulary.
    public static func tiktoken(
        vocabulary: Vocabulary, definition: TiktokenDefinition, file: String = "<memory>"
    ) throws(TokenizerLoadingError) -> Tokenizer {
        let pattern: SplitPattern
        do { pattern = try SplitPattern(regex: definition.pattern) } catch { throw .preTokenizer(error) }
        do {
            let model = try BytePairModel(vocabulary: vocabulary, idOffset: definition.idOffset, file: file)
            let added = try AddedTokens(
                definition.specialTokens.map { AddedTokens.Entry(content: $0.content, id: $0.id, isSpecial: true) },
                file: file)
            return Tokenizer(
                normalizer: definition.normalizer, preTokenizer: .split(pattern), model: .bytePair(model),
                postProcessor: try added.templateProcessor(prefix: definition.prefix, suffix: definition.suffix, file: file),
                decoder: .byteLevel, addedTokens: added)
        } catch {
            throw TokenizerLoadingError(wrapping: error, file: file)
        }
    }
}
