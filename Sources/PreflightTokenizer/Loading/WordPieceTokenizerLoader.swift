import Foundation

extension Tokenizer {
    /// A BERT WordPiece tokenizer (`bert-base-uncased`, BGE embeddings) from a `vocab.txt`, as
    /// Hugging Face's `BertWordPieceTokenizer` builds it: BERT normaliser, BERT pre-tokenizer,
    /// WordPiece, and the WordPiece decoder.
    /// - Parameters:
    ///   - normalizer: the BERT normaliser options (lowercasing, accents, CJK, cleaning).
    ///   - specialTokens: `[CLS]`, `[SEP]`, … by content and id; cut out of text first under
    ///     `SpecialTokenPolicy.honored`.
    ///   - prefix: special tokens (by content) `addingSpecialTokens` puts first (`[CLS]`).
    ///   - suffix: special tokens put last (`[SEP]`).
    /// - Complexity: O(file size).
    public static func wordPiece(
        vocabulary url: URL, normalizer: BertNormalizer = BertNormalizer(),
        settings: WordPieceVocabularyReader.Settings = .init(),
        specialTokens: [(content: String, id: TokenID)], prefix: [String] = [], suffix: [String] = []
    ) throws(TokenizerLoadingError) -> Tokenizer {
        let model: WordPieceModel
        do {
            model = try WordPieceModel(
                tokens: try WordPieceVocabularyReader.tokens(contentsOf: url),
                unknownToken: settings.unknownToken, continuingSubwordPrefix: settings.continuingSubwordPrefix,
                maxInputCharactersPerWord: settings.maxInputCharactersPerWord, file: url.lastPathComponent)
        } catch {
            throw .wordPieceVocabulary(error)
        }
        let (added, template) = try specialTokenStages(
            specialTokens, prefix: prefix, suffix: suffix, file: url.lastPathComponent)
        return Tokenizer(
            normalizer: .bert(normalizer), preTokenizer: .bert, model: .wordPiece(model), postProcessor: template,
            decoder: .wordPiece(prefix: settings.continuingSubwordPrefix, cleansUp: true), addedTokens: added)
    }
}

extension Tokenizer {
    /// A BERT WordPiece tokenizer from a Hugging Face `tokenizer.json` (BGE, MiniLM): the
    /// `WordPiece` model, `BertNormalizer`, `BertPreTokenizer`, special `added_tokens`, and a
    /// `TemplateProcessing` or `BertProcessing` post-processor. Padding and truncation settings
    /// are ignored (they are sentence-transformers batch settings, not tokenisation).
    /// - Throws: `TokenizerLoadingError.wordPieceVocabulary` naming the JSON Pointer of anything
    ///   else (another normaliser or pre-tokenizer type, a malformed section).
    /// - Complexity: O(file size).
    public static func wordPiece(tokenizerJSON url: URL) throws(TokenizerLoadingError) -> Tokenizer {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .wordPieceVocabulary(.unreadableFile(path: url.path, reason: "\(error.localizedDescription)"))
        }
        return try wordPiece(tokenizerJSON: data, file: url.lastPathComponent)
    }

    /// A BERT WordPiece tokenizer from `tokenizer.json` contents; `file` names the source in errors.
    public static func wordPiece(tokenizerJSON data: Data, file: String) throws(TokenizerLoadingError) -> Tokenizer {
        let sections: BertTokenizerJSON
        let model: WordPieceModel
        do {
            let (tokens, settings) = try WordPieceVocabularyReader.tokens(fromTokenizerJSON: data, file: file)
            model = try WordPieceModel(
                tokens: tokens, unknownToken: settings.unknownToken,
                continuingSubwordPrefix: settings.continuingSubwordPrefix,
                maxInputCharactersPerWord: settings.maxInputCharactersPerWord, file: file)
            sections = try BertTokenizerJSON.decode(data, file: file)
        } catch {
            throw .wordPieceVocabulary(error)
        }
        let specials = sections.addedTokens.filter(\.special).map { ($0.content, TokenID(UInt32($0.id))) }
        let (added, template) = try specialTokenStages(
            specials, prefix: sections.templatePrefix, suffix: sections.templateSuffix, file: file)
        return Tokenizer(
            normalizer: .bert(sections.normalizer), preTokenizer: .bert, model: .wordPiece(model),
            postProcessor: template, decoder: .wordPiece(prefix: model.continuingSubwordPrefix, cleansUp: sections.decoderCleansUp),
            addedTokens: added)
    }
}

/// The non-model sections of a BERT `tokenizer.json`, decoded into exactly what
/// `Tokenizer.wordPiece(tokenizerJSON:)` supports.
struct BertTokenizerJSON {
    struct AddedToken: Decodable {
        var id: Int
        var content: String
        var special: Bool
    }

    var normalizer: BertNormalizer
    var addedTokens: [AddedToken]
    var templatePrefix: [String]
    var templateSuffix: [String]
    var decoderCleansUp: Bool

    static func decode(_ data: Data, file: String) throws(WordPieceVocabularyError) -> BertTokenizerJSON {
        struct Typed: Decodable { var type: String }
        struct NormalizerSection: Decodable {
            var type: String
            var clean_text: Bool?
            var handle_chinese_chars: Bool?
            var strip_accents: Bool?
            var lowercase: Bool?
        }
        struct Item: Decodable {
            struct Name: Decodable { var id: String }
            var SpecialToken: Name?
            var Sequence: Name?
        }
        struct PostProcessor: Decodable {
            var type: String
            var single: [Item]?
            var cls: [StringOrInt]?
            var sep: [StringOrInt]?
        }
        struct Decoder: Decodable {
            var type: String
            var cleanup: Bool?
        }
        struct Root: Decodable {
            var normalizer: NormalizerSection?
            var pre_tokenizer: Typed?
            var post_processor: PostProcessor?
            var decoder: Decoder?
            var added_tokens: [AddedToken]?
        }
        let root: Root
        do { root = try JSONDecoder().decode(Root.self, from: data) } catch {
            throw .invalidJSON(file: file, pointer: "", reason: "\(error)")
        }
        var result = BertTokenizerJSON(
            normalizer: BertNormalizer(lowercase: false, stripAccents: false, cleanText: false, handleChineseChars: false),
            addedTokens: root.added_tokens ?? [], templatePrefix: [], templateSuffix: [], decoderCleansUp: true)
        if let section = root.normalizer {
            guard section.type == "BertNormalizer" else {
                throw .invalidJSON(file: file, pointer: "/normalizer/type", reason: "unsupported normalizer \(section.type); expected BertNormalizer")
            }
            result.normalizer = BertNormalizer(
                lowercase: section.lowercase ?? true, stripAccents: section.strip_accents,
                cleanText: section.clean_text ?? true, handleChineseChars: section.handle_chinese_chars ?? true)
        }
        if let type = root.pre_tokenizer?.type, type != "BertPreTokenizer" {
            throw .invalidJSON(file: file, pointer: "/pre_tokenizer/type", reason: "unsupported pre-tokenizer \(type); expected BertPreTokenizer")
        }
        if let processor = root.post_processor {
            switch processor.type {
            case "TemplateProcessing":
                var seenSequence = false
                for item in processor.single ?? [] {
                    if item.Sequence != nil { seenSequence = true }
                    guard let special = item.SpecialToken?.id else { continue }
                    if seenSequence { result.templateSuffix.append(special) } else { result.templatePrefix.append(special) }
                }
            case "BertProcessing":
                guard case .string(let cls)? = processor.cls?.first, case .string(let sep)? = processor.sep?.first else {
                    throw .invalidJSON(file: file, pointer: "/post_processor", reason: "BertProcessing needs cls and sep")
                }
                result.templatePrefix = [cls]
                result.templateSuffix = [sep]
            default:
                throw .invalidJSON(file: file, pointer: "/post_processor/type", reason: "unsupported post-processor \(processor.type)")
            }
        }
        if let decoder = root.decoder {
            guard decoder.type == "WordPiece" else {
                throw .invalidJSON(file: file, pointer: "/decoder/type", reason: "unsupported decoder \(decoder.type); expected WordPiece")
            }
            result.decoderCleansUp = decoder.cleanup ?? true
        }
        return result
    }

    /// An element of BertProcessing's `["[CLS]", 101]` pairs.
    enum StringOrInt: Decodable {
        case string(String)
        case int(Int)

        init(from decoder: any Swift.Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .string(text) } else { self = .int(try container.decode(Int.self)) }
        }
    }
}
