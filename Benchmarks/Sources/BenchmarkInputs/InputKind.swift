/// The kinds of text the tokenizer benchmarks feed the engine: the four corpus files and the
/// generated worst cases that stress one part of the pipeline each.
public enum InputKind: String, CaseIterable, Sendable {
    /// English prose (KJV Genesis).
    case prose
    /// Python, Swift and JSON source.
    case code
    /// Chinese, Japanese and Korean sentences.
    case cjk
    /// Short phrases mixed with emoji, ZWJ sequences, flags and modifiers.
    case emoji
    /// One letter repeated: a single pre-token as long as the input, the merge loop's worst case.
    case oneLetter = "one-letter"
    /// Random ASCII letters with no whitespace: one long pre-token of unrelated bytes.
    case randomLetters = "random-letters"
    /// Random digits: digit groups of 1–3 (or single digits) back to back.
    case digits
    /// Runs of spaces between short words: the `\s+(?!\S)` look-ahead path.
    case spaces

    /// Whether the text is generated rather than read from Corpus/.
    public var isWorstCase: Bool {
        switch self {
        case .prose, .code, .cjk, .emoji: false
        case .oneLetter, .randomLetters, .digits, .spaces: true
        }
    }

    /// The largest size measured for this kind: 10 MB of corpus text, 1 MB of a worst case
    /// (a megabyte is what the targets name, and keeps the slowest runs short).
    public var largestSize: Int { isWorstCase ? 1_000_000 : 10_000_000 }

    /// The sizes measured for this kind, in bytes.
    public var sizes: [Int] { [10, 1_000, 100_000, largestSize] }
}
