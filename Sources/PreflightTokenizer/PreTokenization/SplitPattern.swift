/// The published split regexes that the engine implements, each as a hand-written scanner.
///
/// A tokenizer file names its regex as a string; `SplitPattern(regex:)` recognises the exact
/// published spellings and maps them to a case. Anything else is a typed error rather than a
/// silent approximation: a regex engine would be slower, and a near-miss scanner would give wrong
/// ids.
public enum SplitPattern: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// GPT-2 / r50k / p50k: `'s|'t|…| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    case gpt2
    /// cl100k_base: case-insensitive contractions, `\p{N}{1,3}`, possessive quantifiers, `\s++$`.
    case cl100k
    /// Llama 3: cl100k's shape without possessives, `\p{N}{1,3}`.
    case llama3
    /// Qwen 2 and later: Llama 3's pattern with single digits `\p{N}`.
    case qwen2
    /// o200k_base and Llama 4: case-aware words with contraction suffixes, `[\r\n/]*` after punctuation.
    case o200k
    /// Mistral Tekken: o200k's words without contraction suffixes, single digits.
    case tekken

    /// Recognises a published split regex, verbatim.
    /// - Throws: `PreTokenizerError.unknownPattern` naming the pattern when it is not one of the
    ///   spellings in `publishedRegexes`.
    public init(regex: String) throws(PreTokenizerError) {
        // Compared byte for byte: `String ==` would also accept canonically equivalent spellings.
        for pattern in SplitPattern.allCases
        where pattern.publishedRegexes.contains(where: { $0.utf8.elementsEqual(regex.utf8) }) {
            self = pattern
            return
        }
        throw .unknownPattern(regex)
    }

    /// The regex spellings this scanner implements, as the tokenizer files publish them.
    public var publishedRegexes: [String] {
        switch self {
        case .gpt2:
            return [
                #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#,
                #"'(?:[sdmt]|ll|ve|re)| ?\p{L}++| ?\p{N}++| ?[^\s\p{L}\p{N}]++|\s++$|\s+(?!\S)|\s"#,
                #"'(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#,
            ]
        case .cl100k:
            return [
                #"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"#,
            ]
        case .llama3:
            return [
                #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
            ]
        case .qwen2:
            return [
                #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
            ]
        case .o200k:
            return [
                #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
            ]
        case .tekken:
            return [
                #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
            ]
        }
    }

    /// The pattern's name, e.g. `o200k`.
    public var description: String { rawValue }
}

/// Errors building a pre-tokenizer.
public enum PreTokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The split regex is not one of the published patterns the engine implements.
    case unknownPattern(String)

    /// What went wrong and how to fix it.
    public var description: String {
        switch self {
        case .unknownPattern(let regex):
            let shown = regex.count > 80 ? String(regex.prefix(80)) + "…" : regex
            return "unknown split pattern '\(shown)'; the engine implements the published gpt2, cl100k, llama3, "
                + "qwen2, o200k and tekken regexes verbatim (see SplitPattern.publishedRegexes)"
        }
    }
}
