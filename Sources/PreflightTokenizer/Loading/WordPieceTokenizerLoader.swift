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
