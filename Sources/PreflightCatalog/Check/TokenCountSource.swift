import PreflightTokenizer

/// Something whose tokens can be counted up to a limit: a plain prompt, or a chat rendered through
/// its template. `ModelSpec.check` takes one, so chat rendering plugs in without the check knowing.
///
/// ```swift
/// let source = TokenCountSource(text: prompt) { text, limit in tokenizer.count(of: text, upTo: limit) }
/// let verdict = model.check(source, maxTokens: 256)
/// ```
public struct TokenCountSource: Sendable {
    /// The prompt's length in Unicode scalars (code points), for character rules.
    public let characterCount: Int
    private let counter: @Sendable (Int) -> TokenCount

    /// A source from a counting closure; `characterCount` is the prompt's length in Unicode scalars.
    public init(characterCount: Int, countingUpTo counter: @escaping @Sendable (_ limit: Int) -> TokenCount) {
        self.characterCount = characterCount
        self.counter = counter
    }

    /// A plain-text prompt counted by `count` (typically `tokenizer.count(of:upTo:)`).
    /// - Complexity: O(n) once, for the character count.
    public init(text: String, counting count: @escaping @Sendable (_ text: String, _ limit: Int) -> TokenCount) {
        self.init(characterCount: text.unicodeScalars.count) { limit in count(text, limit) }
    }

    /// Counts the tokens, stopping as soon as there are more than `limit`.
    /// - Complexity: O(k) in the input read, which stops early when the limit is crossed.
    public func count(upTo limit: Int) -> TokenCount {
        counter(max(0, limit))
    }
}
