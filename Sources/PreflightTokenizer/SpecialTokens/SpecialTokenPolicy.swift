/// How text that spells a special token (`<|endoftext|>`, `<|eot_id|>`) is treated when encoding.
///
/// The default is `.plainText`, the raw encoding of the reference tokenizers with specials
/// disallowed-but-not-rejected (tiktoken's `allowed_special=set(), disallowed_special=()`): a prompt
/// that quotes a special token cannot inject it.
public enum SpecialTokenPolicy: Sendable, Hashable {
    /// Special-token literals are ordinary text and are split and merged like any other text.
    case plainText
    /// Special-token literals become their special ids (tiktoken's `allowed_special="all"`).
    case honored
}
