import PreflightCatalog
@testable import PreflightTokenizer
import Testing

/// SentencePiece BPE on a hand-made model (merges worked out by hand in the comments), the
/// identity normaliser, the decoder, and round trips on the bundled models.
/// Expected ids of the tiny model were checked with sentencepiece 0.2.3 on the same ModelProto.
struct SentencePieceEncodingTests {
    @Test func highestScoreMergesFirst() throws {
        // ▁ab▁ab: `ab` (-1) merges twice, then `▁ab` (-3); the `▁a` (-2) pairs went stale.
        let tokenizer = try SentencePieceTestModel.tiny.tokenizer()
        #expect(tokenizer.encode("ab ab").map(\.rawValue) == [8, 8])
    }

    @Test func equalScoresMergeLeftmostFirst() throws {
        // ▁aaa: the two `aa` pairs tie at -1; the left one wins, leaving ▁ aa a.
        let tokenizer = try SentencePieceTestModel.tiny.tokenizer()
        #expect(tokenizer.encode("aaa").map(\.rawValue) == [3, 10, 4])
    }

    @Test func userDefinedPiecesStayWhole() throws {
        // ▁a<x>b: `<x>` is matched before merging and never merges with its neighbours.
        let tokenizer = try SentencePieceTestModel.tiny.tokenizer()
        #expect(tokenizer.encode("a<x>b").map(\.rawValue) == [7, 9, 5])
    }

    @Test func controlPiecesAreTextUnlessHonoured() throws {
        let plain = try SentencePieceTestModel.tiny.tokenizer()
        // `<`, `s`, `>` are not pieces and there is no byte fallback: the run becomes one <unk>
        // (sentencepiece 0.2.3 gives [3, 0] and [3, 0, 6]).
        #expect(plain.encode("<s>").map(\.rawValue) == [3, 0])
        #expect(plain.encode("<s>ab").map(\.rawValue) == [3, 0, 6])
        #expect(plain.encode("<s>ab", specialTokens: .honored).map(\.rawValue) == [1, 8])
        #expect(plain.encode("ab", addingSpecialTokens: true).map(\.rawValue) == [1, 8])
    }

    @Test func unknownCharactersFallBackToBytes() throws {
        let tokenizer = try SentencePieceTestModel.tinyWithBytes.tokenizer()
        // é = C3 A9 → <0xC3> <0xA9> (ids 11 + byte).
        #expect(tokenizer.encode("é").map(\.rawValue) == [3, 11 + 0xC3, 11 + 0xA9])
        #expect(tokenizer.decode(tokenizer.encode("é")) == "é")
    }

    @Test func invalidByteRunsDecodeToOneReplacementPerByte() throws {
        let tokenizer = try SentencePieceTestModel.tinyWithBytes.tokenizer()
        // <0xC3> alone is not UTF-8: Hugging Face's ByteFallback gives one U+FFFD per byte of the run.
        #expect(tokenizer.decode([4, TokenID(11 + 0xC3), TokenID(11 + 0xA9), TokenID(11 + 0xC3)]) == "a\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func noDummyPrefixWhenTheModelSaysSo() throws {
        var model = SentencePieceTestModel.tiny
        model.addDummyPrefix = false
        let tokenizer = try model.tokenizer()
        #expect(tokenizer.encode("ab").map(\.rawValue) == [6])
        #expect(tokenizer.encode(" ab").map(\.rawValue) == [8])
        #expect(tokenizer.decode([8]) == " ab")
    }

    @Test func normaliserEscapesSpacesOnly() {
        let normalizer = SentencePieceNormalizer(addsDummyPrefix: true)
        #expect(String(decoding: normalizer.normalize(Array("a b\tc\n".utf8)), as: UTF8.self) == "▁a▁b\tc\n")
        #expect(normalizer.normalize(Array("".utf8)).isEmpty)
        let collapsing = SentencePieceNormalizer(addsDummyPrefix: true, removesExtraWhitespaces: true)
        #expect(String(decoding: collapsing.normalize(Array("  a   b  ".utf8)), as: UTF8.self) == "▁a▁b")
        #expect(collapsing.normalize(Array("   ".utf8)).isEmpty)
    }

    /// decode(encode(x)) == x on random valid UTF-8. Exception: a literal `▁` (U+2581) in the
    /// text decodes as a space, since SentencePiece uses it for spaces; the generator avoids it.
    @Test(arguments: SentencePieceParityTests.families)
    func decodingInvertsEncoding(_ name: String) throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        var generator = SeededGenerator(seed: 7)
        for length in 0..<150 {
            let text = String(String.UnicodeScalarView(
                randomText(length: length % 40, using: &generator).unicodeScalars.filter { $0 != "\u{2581}" }))
            let ids = tokenizer.encode(text)
            #expect(tokenizer.decode(ids) == text, "\(name): \(text.debugDescription)")
            #expect(tokenizer.count(of: text) == ids.count)
        }
    }
}
