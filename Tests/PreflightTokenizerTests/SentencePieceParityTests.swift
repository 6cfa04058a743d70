import Foundation
import PreflightCatalog
import PreflightTokenizer
import Testing

extension ParityTests {
    /// Runs the shared fixture comparison (raw, special or BOS) for one bundled tokenizer.
    static func expectFixtureParity(_ fixture: Fixture) throws {
        let lines = try Fixtures.lines(fixture.file)
        #expect(!lines.isEmpty, "no fixture lines in \(fixture.file)")
        let tokenizer = try BundledTokenizers.tokenizer(named: fixture.name)
        try ParityTests().expectParity(tokenizer, lines, name: fixture.file, variant: fixture.variant)
    }

    /// The raw, special and BOS fixtures of `names`.
    static func allVariants(of names: [String]) -> [Fixture] {
        names.flatMap { name in Variant.allCases.map { Fixture(name: name, variant: $0) } }
    }
}

/// SentencePiece BPE families against sentencepiece 0.2.3's ids for every committed fixture.
struct SentencePieceParityTests {
    static let families = ["llama2", "mistral-v1", "gemma3"]

    @Test(arguments: ParityTests.allVariants(of: families))
    func matchesSentencePiece(_ fixture: ParityTests.Fixture) throws {
        try ParityTests.expectFixtureParity(fixture)
    }

    /// R3: `[INST]` is plain text for the Mistral v1 model (add_dummy_prefix on).
    @Test func mistralInstructionMarkerIsPlainText() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "mistral-v1")
        #expect(tokenizer.encode("[INST]").map(\.rawValue) == [733, 16289, 28793])
    }

    /// R7: Gemma 3 has no dummy prefix, and its chat markers are CONTROL pieces split out when honoured.
    @Test func gemmaChatMarkersAreSpecialWhenHonoured() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "gemma3")
        #expect(tokenizer.encode("Hello world!").map(\.rawValue) == [9259, 1902, 236888])
        let chat = "<bos><start_of_turn>user\nHello<end_of_turn>\n<start_of_turn>model\n"
        #expect(tokenizer.encode(chat, specialTokens: .honored).map(\.rawValue) == [2, 105, 2364, 107, 9259, 106, 107, 105, 4368, 107])
        #expect(!tokenizer.encode(chat).contains(105))
    }

    /// count(of:upTo:) agrees with the full count and stops at the limit.
    @Test(arguments: families)
    func limitedCountAgrees(_ name: String) throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 200)
        let total = tokenizer.count(of: text)
        #expect(total == tokenizer.encode(text).count)
        #expect(tokenizer.count(of: text, upTo: total) == .exact(total))
        #expect(tokenizer.count(of: text, upTo: 100) == .exceeds(100))
    }
}

/// The manifest's special tokens for a SentencePiece tokenizer are its model's CONTROL pieces,
/// at the same ids (so `--allow-special` can match every one of them).
@Test(arguments: SentencePieceParityTests.families)
func controlPiecesAreManifestSpecialTokens(_ name: String) throws {
    let tokenizer = try BundledTokenizers.tokenizer(named: name)
    guard case .sentencePiece(let model) = tokenizer.model else {
        Issue.record("\(name) is not a SentencePiece tokenizer")
        return
    }
    let controls = model.controlPieces
    #expect(!controls.isEmpty)
    for (text, id) in controls {
        #expect(tokenizer.id(ofSpecialToken: text)?.rawValue == id, "\(name): \(text)")
    }
}
