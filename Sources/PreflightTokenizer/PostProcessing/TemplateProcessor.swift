/// The post-processing stage: the ids a model adds around an encoded text when asked to
/// (`addingSpecialTokens: true`, the CLI's `--add-special`): Llama 3's `<|begin_of_text|>`,
/// SentencePiece's `<s>`, BERT's `[CLS]` … `[SEP]`.
public struct TemplateProcessor: Sendable, Hashable {
    /// Ids put before the text.
    public var prefix: [TokenID]
    /// Ids put after the text.
    public var suffix: [TokenID]

    /// Adds nothing.
    public static let none = TemplateProcessor(prefix: [], suffix: [])

    /// A template of fixed prefix and suffix ids.
    public init(prefix: [TokenID], suffix: [TokenID]) {
        self.prefix = prefix
        self.suffix = suffix
    }
}
