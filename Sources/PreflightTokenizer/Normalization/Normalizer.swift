/// The normalisation stage: rewrites text before it is split (Qwen's NFC, BERT's lowercasing).
///
/// A closed set. `apply(to:)` is the one entry point; the result is a `NormalizedText`, the only
/// form of text the later stages accept.
public indirect enum Normalizer: Sendable, Hashable {
    /// Leaves text unchanged (tiktoken, Llama 3, o200k, Tekken).
    case none
    /// Unicode canonical composition (Qwen 2 and later).
    case nfc
    /// Unicode canonical decomposition.
    case nfd
    /// Unicode compatibility composition.
    case nfkc
    /// Unicode compatibility decomposition.
    case nfkd
    /// Maps each scalar to its full lowercase mapping, scalar by scalar (Hugging Face's
    /// `Lowercase`, which has no final-sigma rule).
    case lowercase
    /// SentencePiece's identity normaliser: spaces to `▁`, the dummy prefix (Llama 2, Mistral v1, Gemma 3).
    case sentencePiece(SentencePieceNormalizer)
    /// BERT's normaliser: clean text, isolate CJK ideographs, strip accents, lowercase.
    case bert(BertNormalizer)
    /// Applies each normaliser in turn.
    case sequence([Normalizer])

    /// Normalises `text`.
    /// - Complexity: O(n) per stage; ASCII text skips the Unicode forms entirely.
    public func apply(to text: String) -> NormalizedText {
        NormalizedText(normalizing: text, changed: normalized(text))
    }

    /// The normalised text, or `nil` when normalising leaves it unchanged (the common case,
    /// which then costs no copy).
    func normalized(_ text: String) -> String? {
        switch self {
        case .none:
            return nil
        case .nfc:
            return ICUNormalization.normalize(text, form: .nfc)
        case .nfd:
            return ICUNormalization.normalize(text, form: .nfd)
        case .nfkc:
            return ICUNormalization.normalize(text, form: .nfkc)
        case .nfkd:
            return ICUNormalization.normalize(text, form: .nfkd)
        case .lowercase:
            return Self.lowercased(text)
        case .sentencePiece(let normalizer):
            let bytes = normalizer.normalize(text.utf8)
            return bytes.elementsEqual(text.utf8) ? nil : String(decoding: bytes, as: UTF8.self)
        case .bert(let normalizer):
            return normalizer.normalized(text)
        case .sequence(let stages):
            var current: String? = nil
            for stage in stages {
                if let next = stage.normalized(current ?? text) { current = next }
            }
            return current
        }
    }

    /// Whether this normaliser never changes text (so the pipeline can skip it).
    var isIdentity: Bool {
        switch self {
        case .none: return true
        case .sequence(let stages): return stages.allSatisfy(\.isIdentity)
        default: return false
        }
    }

    private static func lowercased(_ text: String) -> String? {
        var changed = false
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let mapping = scalar.properties.lowercaseMapping
            if mapping.unicodeScalars.count == 1, mapping.unicodeScalars.first == scalar {
                result.append(scalar)
            } else {
                changed = true
                result.append(contentsOf: mapping.unicodeScalars)
            }
        }
        return changed ? String(result) : nil
    }
}
