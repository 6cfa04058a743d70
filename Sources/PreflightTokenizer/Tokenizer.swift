/// A tokenizer: one pipeline of five stages, each a value that can be built, tested and printed
/// alone.
///
/// ```
/// raw text ─ added tokens ─▶ normalise ─▶ pre-tokenise ─▶ model ─▶ post-process ─▶ ids
/// ids ─▶ token bytes ─▶ decode ─▶ text
/// ```
///
/// Special and added tokens are cut out of the raw text first (only specials need
/// `SpecialTokenPolicy.honored`); each stretch between them is normalised, split into pieces,
/// and each piece encoded by the model. `addingSpecialTokens` wraps the result in the
/// post-processor's prefix and suffix (BOS/EOS).
///
/// ```swift
/// let tokenizer = Tokenizer(preTokenizer: .split(.llama3), model: .bytePair(model))
/// tokenizer.count(of: "Hello, world")
/// ```
public struct Tokenizer: Sendable {
    /// Stage 1: rewrites text before splitting.
    public let normalizer: Normalizer
    /// Stage 2: cuts normalised text into pieces.
    public let preTokenizer: PreTokenizer
    /// Stage 3: turns each piece into ids.
    public let model: TokenModel
    /// Stage 4: ids added around the text on request.
    public let postProcessor: TemplateProcessor
    /// Stage 5: turns token texts back into bytes.
    public let decoder: TokenDecoder
    /// Tokens cut out of the raw text before stage 1.
    public let addedTokens: AddedTokens

    /// A tokenizer from its stages.
    public init(
        normalizer: Normalizer = .none, preTokenizer: PreTokenizer, model: TokenModel,
        postProcessor: TemplateProcessor = .none, decoder: TokenDecoder = .byteLevel,
        addedTokens: AddedTokens = .none
    ) {
        self.normalizer = normalizer
        self.preTokenizer = preTokenizer
        self.model = model
        self.postProcessor = postProcessor
        self.decoder = decoder
        self.addedTokens = addedTokens
    }

    /// The number of ids, added tokens included (the largest id + 1).
    /// - Complexity: O(a), a = the number of added tokens.
    public var vocabularySize: Int {
        let added = addedTokens.entries.map { Int($0.id.rawValue) + 1 }.max() ?? 0
        return max(model.vocabularySize, added)
    }

    /// Encodes `text` into ids.
    /// - Parameters:
    ///   - specialTokens: whether special-token literals in the text become special ids
    ///     (`.honored`) or are encoded as text (`.plainText`, the default and the raw encoding).
    ///   - addingSpecialTokens: whether to add the model's BOS/EOS (or CLS/SEP).
    /// - Complexity: O(n log n) in the text's length; O(n) for text of ordinary words.
    public func encode(
        _ text: String, specialTokens: SpecialTokenPolicy = .plainText, addingSpecialTokens: Bool = false
    ) -> [TokenID] {
        var sink = IDCollector()
        sink.ids.reserveCapacity(text.utf8.count / 4 + 4)
        run(text, specialTokens: specialTokens, addingSpecialTokens: addingSpecialTokens, into: &sink)
        return sink.ids
    }

    /// The id of a special or added token, by its exact content (`"<|eot_id|>"`).
    public func id(ofSpecialToken content: String) -> TokenID? {
        addedTokens.id(of: content)
    }

    /// The whole pipeline, feeding `sink` until it asks to stop.
    func run<S: TokenSink>(
        _ text: String, specialTokens: SpecialTokenPolicy, addingSpecialTokens: Bool, into sink: inout S
    ) {
        if addingSpecialTokens {
            for id in postProcessor.prefix where !sink.append(id.rawValue) { return }
        }
        var text = text
        let finished = model.withEncoder { encoder in
            text.withUTF8 { raw in
                addedTokens.forEachSegment(in: raw, policy: specialTokens) { segment in
                    switch segment {
                    case .token(let id):
                        return sink.append(id)
                    case .text(let range):
                        return encodeSegment(raw, range, encoder: &encoder, into: &sink)
                    }
                }
            }
        }
        if finished && addingSpecialTokens {
            for id in postProcessor.suffix where !sink.append(id.rawValue) { return }
        }
    }

    /// Normalises one stretch of raw text between added tokens, splits it and encodes the pieces.
    private func encodeSegment<S: TokenSink>(
        _ raw: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, encoder: inout PieceEncoder, into sink: inout S
    ) -> Bool {
        if !normalizer.isIdentity {
            let original = String(decoding: UnsafeBufferPointer(rebasing: raw[range]), as: UTF8.self)
            var normalized = normalizer.apply(to: original).text
            return normalized.withUTF8 { buffer in
                encodePieces(buffer, 0..<buffer.count, encoder: &encoder, into: &sink)
            }
        }
        return encodePieces(raw, range, encoder: &encoder, into: &sink)
    }

    @inline(__always)
    private func encodePieces<S: TokenSink>(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, encoder: inout PieceEncoder, into sink: inout S
    ) -> Bool {
        let raw = UnsafeRawBufferPointer(buffer)
        return preTokenizer.forEachPiece(in: buffer, range: range) { piece in
            encoder.encode(UnsafeRawBufferPointer(rebasing: raw[piece]), into: &sink)
        }
    }
}
