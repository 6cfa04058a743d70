import Foundation

extension Tokenizer {
    /// A SentencePiece BPE tokenizer (Llama 2, Mistral v1, Gemma 3) from a `.model` file.
    ///
    /// The pipeline: `specialTokens` are cut out first (under `SpecialTokenPolicy.honored`; the
    /// model's CONTROL pieces are never matched in text otherwise, as in SentencePiece), each
    /// stretch between them is normalised on its own (so each gets its own dummy prefix, as
    /// Hugging Face does around added tokens), and the whole stretch is one piece for the BPE.
    /// - Parameters:
    ///   - prefix: special tokens (by content) that `addingSpecialTokens` puts first (`<s>`).
    ///   - suffix: special tokens put last.
    /// - Complexity: O(file size).
    public static func sentencePiece(
        model url: URL, specialTokens: [(content: String, id: TokenID)], prefix: [String] = [], suffix: [String] = []
    ) throws(TokenizerLoadingError) -> Tokenizer {
        let model: SentencePieceModel
        do {
            model = try SentencePieceModel(try SentencePieceModelReader.read(contentsOf: url))
        } catch {
            throw .sentencePieceModel(error)
        }
        return try sentencePiece(model, specialTokens: specialTokens, prefix: prefix, suffix: suffix, file: url.lastPathComponent)
    }

    /// A SentencePiece BPE tokenizer over an already built model (see `sentencePiece(model:…)`).
    public static func sentencePiece(
        _ model: SentencePieceModel, specialTokens: [(content: String, id: TokenID)],
        prefix: [String] = [], suffix: [String] = [], file: String = "<memory>"
    ) throws(TokenizerLoadingError) -> Tokenizer {
        let (added, template) = try specialTokenStages(specialTokens, prefix: prefix, suffix: suffix, file: file)
        return Tokenizer(
            normalizer: .sentencePiece(model.normalizer), preTokenizer: .none, model: .sentencePiece(model),
            postProcessor: template,
            decoder: .sequence([.metaspace(stripsLeadingSpace: model.normalizer.addsDummyPrefix), .byteFallback]),
            addedTokens: added)
    }

    /// The added-token and post-processing stages for special tokens given by content and id,
    /// with the template's contents resolved to ids.
    static func specialTokenStages(
        _ specialTokens: [(content: String, id: TokenID)], prefix: [String], suffix: [String], file: String
    ) throws(TokenizerLoadingError) -> (AddedTokens, TemplateProcessor) {
        let added: AddedTokens
        do {
            added = try AddedTokens(specialTokens.map { AddedTokens.Entry(content: $0.content, id: $0.id) }, file: file)
        } catch {
            throw .vocabulary(error)
        }
        return (added, try added.templateProcessor(prefix: prefix, suffix: suffix, file: file))
    }
}
