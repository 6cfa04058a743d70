import PreflightTokenizer

/// A stand-in tokenizer for check and trimming tests: one token per whitespace-separated word,
/// with `count(of:upTo:)` semantics, so expected figures can be worked out by hand.
enum WordCounter {
    static func count(_ text: String, _ limit: Int) -> TokenCount {
        var words = 0, inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > limit { return .exceeds(limit) }
            }
        }
        return .exact(words)
    }

    /// `n` words `w0 w1 …`, separated by single spaces.
    static func words(_ n: Int) -> String {
        (0..<n).map { "w\($0)" }.joined(separator: " ")
    }
}
