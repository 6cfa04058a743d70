import Foundation
import PreflightCatalog
import PreflightTokenizer
import Testing

/// Every id of every committed oracle fixture, per bundled byte-level tokenizer.
struct ParityTests {
    static let byteLevelFamilies = [
        "o200k_base", "o200k_harmony", "cl100k_base", "llama3", "llama4", "qwen2", "tekken",
    ]

    @Test(arguments: byteLevelFamilies)
    func matchesOracleFixture(_ name: String) throws {
        let lines = try Fixtures.lines("\(name).jsonl")
        #expect(!lines.isEmpty, "no fixture lines for \(name)")
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        try expectParity(tokenizer, lines, name: name)
    }

    @Test func gpt2TokenizerJSONMatchesLlamaCppVectors() throws {
        let tokenizer = try HuggingFaceTokenizerReader.tokenizer(contentsOf: Fixtures.url("gpt2-tokenizer.json"))
        let lines = try Fixtures.lines("gpt2-hf.jsonl")
        #expect(lines.count == 46)
        try expectParity(tokenizer, lines, name: "gpt2 tokenizer.json")
        #expect(tokenizer.id(ofSpecialToken: "<|endoftext|>") == 50256)
    }

    /// Compares every line; on a mismatch, reports the text, the first differing index, and both ids.
    func expectParity(_ tokenizer: Tokenizer, _ lines: [FixtureLine], name: String) throws {
        var matched = 0
        for (number, line) in lines.enumerated() {
            let policy: SpecialTokenPolicy = line.allowSpecial == true ? .honored : .plainText
            let got = tokenizer.encode(line.text, specialTokens: policy).map(\.rawValue)
            if got == line.ids {
                matched += 1
                #expect(tokenizer.count(of: line.text, specialTokens: policy) == got.count)
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
