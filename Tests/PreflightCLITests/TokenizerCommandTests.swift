import Foundation
import PreflightTestSupport
import Testing

/// `preflight tokenizers`, `tokenize` and `count`, run as a pipeline would run them.
struct TokenizerCommandTests {
    @Test func tokenizersListsTheContractNamesAsJSON() throws {
        let result = try PreflightProcess.run(["tokenizers", "--format", "json"])
        #expect(result.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        let names = Set(list.compactMap { $0["name"] as? String })
        for name in ["o200k_base", "cl100k_base", "llama3", "llama4", "llama2", "mistral-v1", "tekken", "qwen2",
                     "gemma3", "bert-base-uncased"] {
            #expect(names.contains(name), "missing \(name)")
        }
        #expect(list.allSatisfy { $0["kind"] is String && $0["vocab_size"] is Int })
    }

    @Test func tokenizeWholeInputIncludingTrailingNewline() throws {
        // tiktoken cl100k_base: encode("hello world\n") == [15339, 1917, 198].
        let result = try PreflightProcess.run(["tokenize", "--tokenizer", "cl100k_base"], input: Array("hello world\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "[15339,1917,198]\n")
    }

    @Test func tokenizeJSONLinesOneOutputLinePerInputLine() throws {
        let input = "\"hello world\"\n\"\"\n\"a<|endoftext|>b\"\n"
        let plain = try PreflightProcess.run(["tokenize", "--tokenizer", "cl100k_base", "--jsonl"], input: Array(input.utf8))
        #expect(plain.status == 0)
        #expect(plain.stdout == "[15339,1917]\n[]\n[64,27,91,8862,728,428,91,29,65]\n")
        let special = try PreflightProcess.run(
            ["tokenize", "--tokenizer", "cl100k_base", "--jsonl", "--allow-special"], input: Array(input.utf8))
        #expect(special.stdout == "[15339,1917]\n[]\n[64,100257,65]\n")
        let bos = try PreflightProcess.run(["tokenize", "--tokenizer", "llama3", "--add-special"], input: Array("Hi".utf8))
        #expect(bos.stdout == "[128000,13347]\n")
    }

    @Test func countAsJSON() throws {
        let result = try PreflightProcess.run(
            ["count", "--tokenizer", "o200k_base", "--format", "json"], input: Array("hello world".utf8))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["tokens"] as? Int == 2)
        #expect(object?["tokenizer"] as? String == "o200k_base")
        let text = try PreflightProcess.run(["count", "--tokenizer", "o200k_base"], input: Array("hello world".utf8))
        #expect(text.stdout == "2\n")
    }

    @Test func invalidUTF8ExitsTwoWithOffset() throws {
        let result = try PreflightProcess.run(["count", "--tokenizer", "llama3"], input: [0x61, 0x62, 0xFF, 0x63])
        #expect(result.status == 2)
        #expect(result.stderr.contains("byte offset 2"))
        #expect(result.stdout.isEmpty)
    }

    @Test func malformedJSONLineNamesTheLine() throws {
        let result = try PreflightProcess.run(
            ["tokenize", "--tokenizer", "llama3", "--jsonl"], input: Array("\"ok\"\nnot json\n".utf8))
        #expect(result.status == 2)
        #expect(result.stderr.contains(":2:"))
    }

    @Test func unknownTokenizerExitsTwoListingNames() throws {
        let result = try PreflightProcess.run(["count", "--tokenizer", "llama-3"], input: Array("x".utf8))
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown tokenizer 'llama-3'"))
        #expect(result.stderr.contains("llama3"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func tokenizerAndModelAreExclusive() throws {
        let neither = try PreflightProcess.run(["count"], input: Array("x".utf8))
        #expect(neither.status == 2)
        let both = try PreflightProcess.run(["count", "--tokenizer", "llama3", "--model", "x"], input: Array("x".utf8))
        #expect(both.status == 2)
    }
}
