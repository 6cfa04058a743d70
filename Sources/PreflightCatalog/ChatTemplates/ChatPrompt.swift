/// A rendered chat prompt: special tokens (encoded by id) and text pieces (encoded raw).
///
/// Keeping specials apart is what makes the count exact: the text of a user message that happens to
/// contain `<|eot_id|>` is encoded as plain text, while the template's own `<|eot_id|>` is one id.
/// Text pieces stay separate where the reference renderer encodes them separately (mistral-common
/// encodes each message on its own, and SentencePiece adds a word-start marker to each piece).
public struct ChatPrompt: Sendable, Equatable, CustomStringConvertible {
    /// One piece of a prompt.
    public enum Segment: Sendable, Equatable {
        /// A special token, by its content (`<|eot_id|>`).
        case special(String)
        /// Text encoded as ordinary text, one encoder call per segment.
        case text(String)
    }

    /// The pieces in order. Never holds empty text.
    public private(set) var segments: [Segment] = []

    /// An empty prompt.
    public init() {}

    /// The prompt as one string, special tokens written out: the text the reference renderer shows.
    /// - Complexity: O(n) in the prompt length.
    public var text: String {
        var out = ""
        for segment in segments {
            switch segment {
            case .special(let token): out += token
            case .text(let text): out += text
            }
        }
        return out
    }

    public var description: String { text }

    /// Appends a special token.
    mutating func appendSpecial(_ token: String) {
        segments.append(.special(token))
    }

    /// Appends text to the current text piece (or starts one): the reference encodes the whole run at once.
    /// - Complexity: amortized O(m), m = the length of `text`.
    mutating func appendText(_ text: String) {
        guard !text.isEmpty else { return }
        guard case .text? = segments.last, case .text(var run) = segments.removeLast() else {
            segments.append(.text(text))
            return
        }
        run += text  // the run is uniquely referenced once removed, so this appends in place
        segments.append(.text(run))
    }

    /// Appends text as a piece of its own: the reference encodes it in a separate call.
    mutating func appendSeparateText(_ text: String) {
        guard !text.isEmpty else { return }
        segments.append(.text(text))
    }

    /// Appends template-authored text in which the listed added tokens (Qwen's `<tool_call>`, …) are
    /// tokens of their own, as Hugging Face tokenizers split them out of the rendered string.
    mutating func appendText(_ text: String, splittingOut tokens: [String]) {
        // Scalar-by-scalar matching: String search would match canonically equivalent spellings.
        let scalars = Array(text.unicodeScalars)
        let patterns = tokens.map { Array($0.unicodeScalars) }
        var runStart = 0
        var index = 0
        while index < scalars.count {
            if let match = patterns.firstIndex(where: { !$0.isEmpty && scalars[index...].starts(with: $0) }) {
                appendText(String(String.UnicodeScalarView(scalars[runStart..<index])))
                appendSpecial(tokens[match])
                index += patterns[match].count
                runStart = index
            } else {
                index += 1
            }
        }
        appendText(String(String.UnicodeScalarView(scalars[runStart..<scalars.count])))
    }
}
