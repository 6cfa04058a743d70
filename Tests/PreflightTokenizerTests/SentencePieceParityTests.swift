import Foundation
import PreflightCatalog
import PreflightTokenizer
import Testing

/// The three kinds of committed fixture (see Fixtures/README.md): the raw encoding, specials
/// honoured, and BOS/CLS-SEP added.
enum FixtureVariant: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case raw = ""
    case special = ".special"
    case bos = ".bos"

    var testDescription: String { self == .raw ? "raw" : String(rawValue.dropFirst()) }
    var policy: SpecialTokenPolicy { self == .special ? .honored : .plainText }
    var addsSpecialTokens: Bool { self == .bos }
}

/// Compares every fixture line of `name` + `variant` with the tokenizer, counting and encoding;
/// records the first mismatching index of each failing line with its text.
func expectFixtureParity(_ name: String, _ variant: FixtureVariant) throws {
    let lines = try Fixtures.lines("\(name)\(variant.rawValue).jsonl")
    #expect(!lines.isEmpty, "no fixture lines for \(name)\(variant.rawValue)")
    let tokenizer = try BundledTokenizers.tokenizer(named: name)
    var matched = 0
    for (number, line) in lines.enumerated() {
        let got = tokenizer.encode(line.text, specialTokens: variant.policy, addingSpecialTokens: variant.addsSpecialTokens)
            .map(\.rawValue)
        if got == line.ids {
            matched += 1
            if !variant.addsSpecialTokens {
                #expect(tokenizer.count(of: line.text, specialTokens: variant.policy) == got.count)
            }
            continue
        }
        let index = zip(got, line.ids).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(got.count, line.ids.count)
        let want = index < line.ids.count ? String(line.ids[index]) : "end"
        let have = index < got.count ? String(got[index]) : "end"
        Issue.record("\(name)\(variant.rawValue) line \(number + 1) \(line.text.prefix(80).debugDescription): first mismatch at index \(index): want \(want), got \(have)")
    }
    #expect(matched == lines.count, "\(name)\(variant.rawValue): \(matched)/\(lines.count)")
}

/// SentencePiece BPE families against sentencepiece 0.2.3's ids for every committed fixture.
struct SentencePieceParityTests {
    static let families = ["llama2", "mistral-v1", "gemma3"]

    @Test(arguments: families, FixtureVariant.allCases)
    func matchesSentencePiece(_ name: String, _ variant: FixtureVariant) throws {
        try expectFixtureParity(name, variant)
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
