/// SentencePiece's identity normaliser (`normalizer.cc`, rule set `identity`): the text keeps
/// its characters, but spaces become `▁` (U+2581), a `▁` is put in front (the "dummy prefix"),
/// and, when the model asks, leading, trailing and repeated spaces are dropped.
///
/// Only the ASCII space U+0020 counts as a space here, as in SentencePiece: tabs and newlines
/// stay as they are. Empty text (or, with `removesExtraWhitespaces`, all-space text) normalises
/// to nothing, so it gets no dummy prefix.
public struct SentencePieceNormalizer: Sendable, Hashable {
    /// Whether a `▁` goes in front of non-empty text (`add_dummy_prefix`).
    public var addsDummyPrefix: Bool
    /// Whether leading, trailing and repeated spaces are removed (`remove_extra_whitespaces`).
    public var removesExtraWhitespaces: Bool
    /// Whether spaces become `▁` (`escape_whitespaces`).
    public var escapesWhitespaces: Bool
    /// Whether the dummy `▁` goes at the end instead (`treat_whitespace_as_suffix`).
    public var treatsWhitespaceAsSuffix: Bool

    /// Creates a normaliser with SentencePiece's flags.
    public init(
        addsDummyPrefix: Bool, removesExtraWhitespaces: Bool = false,
        escapesWhitespaces: Bool = true, treatsWhitespaceAsSuffix: Bool = false
    ) {
        self.addsDummyPrefix = addsDummyPrefix
        self.removesExtraWhitespaces = removesExtraWhitespaces
        self.escapesWhitespaces = escapesWhitespaces
        self.treatsWhitespaceAsSuffix = treatsWhitespaceAsSuffix
    }

    /// The UTF-8 bytes of `▁` U+2581, SentencePiece's visible space.
    static let spaceSymbol: [UInt8] = [0xE2, 0x96, 0x81]

    /// Normalises UTF-8 `text`, returning the normalised UTF-8 bytes.
    /// - Complexity: O(*n*).
    public func normalize<Bytes: Collection<UInt8>>(_ text: Bytes) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count + text.count / 4 + 3)
        var rest = text[...]
        if removesExtraWhitespaces {
            while rest.first == 0x20 { rest = rest.dropFirst() }
        }
        guard !rest.isEmpty else { return output }
        let addsDummy = addsDummyPrefix
        if addsDummy && !treatsWhitespaceAsSuffix { appendSpace(to: &output) }
        var previousWasSpace = removesExtraWhitespaces
        for byte in rest {
            if byte == 0x20 {
                if previousWasSpace && removesExtraWhitespaces { continue }
                appendSpace(to: &output)
                previousWasSpace = true
            } else {
                output.append(byte)
                previousWasSpace = false
            }
        }
        if removesExtraWhitespaces {
            let space: [UInt8] = escapesWhitespaces ? Self.spaceSymbol : [0x20]
            while output.count >= space.count && output.suffix(space.count).elementsEqual(space) {
                output.removeLast(space.count)
            }
        }
        if addsDummy && treatsWhitespaceAsSuffix { appendSpace(to: &output) }
        return output
    }

    @inline(__always)
    private func appendSpace(to output: inout [UInt8]) {
        if escapesWhitespaces { output.append(contentsOf: Self.spaceSymbol) } else { output.append(0x20) }
    }
}
