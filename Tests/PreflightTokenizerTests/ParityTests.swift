import Foundation
import PreflightCatalog
import PreflightTokenizer
import Testing

/// Every id of every committed oracle fixture, per bundled byte-level tokenizer.
struct ParityTests {
    static let byteLevelFamilies = [
        "o200k_base", "o200k_harmony", "cl100k_base", "llama3", "llama4", "qwen2", "tekken",
    ]

    /// How a fixture file's ids were made (Fixtures/README.md).
    enum Variant: String, Sendable, CaseIterable {
        /// `<name>.jsonl`: raw encoding.
        case raw = ""
        /// `<name>.special.jsonl`: special tokens honoured.
        case special = ".special"
        /// `<name>.bos.jsonl`: the model's BOS/EOS added.
        case bos = ".bos"
    }

    struct Fixture: CustomTestStringConvertible, Sendable {
        var name: String
        var variant: Variant
        var file: String { "\(name)\(variant.rawValue).jsonl" }
        var testDescription: String { file }
    }

    /// Every byte-level fixture: raw and special for all, BOS for the families that add one.
    static let fixtures: [Fixture] = byteLevelFamilies.flatMap { name in
        [Variant.raw, .special].map { Fixture(name: name, variant: $0) }
            + (["llama3", "llama4", "tekken"].contains(name) ? [Fixture(name: name, variant: .bos)] : [])
    }

    @Test(arguments: fixtures)
    func matchesOracleFixture(_ fixture: Fixture) throws {
        let lines = try Fixtures.lines(fixture.file)
        #expect(!lines.isEmpty, "no fixture lines in \(fixture.file)")
        let tokenizer = try BundledTokenizers.tokenizer(named: fixture.name)
        try expectParity(tokenizer, lines, name: fixture.file, variant: fixture.variant)
    }

    @Test func gpt2TokenizerJSONMatchesLlamaCppVectors() throws {
        let tokenizer = try HuggingFaceTokenizerReader.tokenizer(contentsOf: Fixtures.url("gpt2-tokenizer.json"))
        let lines = try Fixtures.lines("gpt2-hf.jsonl")
        #expect(lines.count == 46)
        try expectParity(tokenizer, lines, name: "gpt2 tokenizer.json", variant: .raw)
        #expect(tokenizer.id(ofSpecialToken: "<|endoftext|>") == 50256)
    }

    /// Compares every line; on a mismatch, reports the text, the first differing index, and both ids.
    func expectParity(_ tokenizer: Tokenizer, _ lines: [FixtureLine], name: String, variant: Variant) throws {
        var matched = 0
        let policy: SpecialTokenPolicy = variant == .special ? .honored : .plainText
        for (number, line) in lines.enumerated() {
            let got = tokenizer.encode(line.text, specialTokens: policy, addingSpecialTokens: variant == .bos)
                .map(\.rawValue)
            if got == line.ids {
                matched += 1
                if variant != .bos { #expect(tokenizer.count(of: line.text, specialTokens: policy) == got.count) }
                continue
            }
            let index = zip(got, line.ids).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, line.ids.count)
            let want = index < line.ids.count ? String(line.ids[index]) : "end"
            let have = index < got.count ? String(got[index]) : "end"
            Issue.record(
                "\(name) line \(number + 1) \(line.text.prefix(80).debugDescription): first mismatch at index \(index): want \(want), got \(have)"
            )
        }
        #expect(matched == lines.count, "\(name): \(matched)/\(lines.count)")
    }
}
