/// Text that a `Normalizer` produced: the only form of text the pre-tokenizer and model see.
///
/// A type-state wrapper (rust-gems' idea): there is no public initialiser, so text cannot reach
/// the model without passing through its tokenizer's normaliser.
public struct NormalizedText: Sendable, Hashable {
    /// The normalised text.
    public let text: String
    /// Whether normalising changed anything.
    public let isChanged: Bool

    init(normalizing original: String, changed: String?) {
        self.text = changed ?? original
        self.isChanged = changed != nil
    }
}
