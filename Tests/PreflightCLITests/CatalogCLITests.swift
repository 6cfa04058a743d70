import Foundation
import PreflightTestSupport
import Testing

/// End-to-end runs of the built `preflight` for `models` and `check` (cli-contract.md).
@Suite struct CatalogCLITests {
    /// The package root, from this file's path (for the committed examples).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) -> String { root.appendingPathComponent("Examples/\(name)").path }

    func preflight(_ arguments: [String], stdin: Data = Data()) throws -> PreflightProcess.Result {
        try PreflightProcess.run(arguments, input: [UInt8](stdin))
    }

    func json(_ run: PreflightProcess.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    // MARK: models

    @Test func modelsJSONListsTheWholeCatalog() throws {
        let run = try preflight(["models", "--format", "json"])
        #expect(run.status == 0)
        let models = try #require(try json(run) as? [[String: Any]])
        #expect(models.count == 114)
        for model in models {
            for key in ["id", "task", "tokenizer", "context_window", "prices", "tokenizer_exactness", "flags"] {
                #expect(model.keys.contains(key), "\(model["id"] ?? "?") lacks \(key)")
            }
        }
        let llama = try #require(models.first { $0["id"] as? String == "@cf/meta/llama-3.1-8b-instruct" })
        #expect(llama["tokenizer"] as? String == "llama3")
        #expect(llama["context_window"] as? Int == 7968)
        let prices = try #require(llama["prices"] as? [[String: Any]])
        #expect(prices.contains { $0["unit"] as? String == "input_tokens_per_million" && $0["usd"] as? String == "0.282" })
        let whisper = try #require(models.first { $0["id"] as? String == "@cf/openai/whisper" })
        #expect(whisper["tokenizer"] is NSNull && whisper["context_window"] is NSNull)
    }

    @Test func modelsFilteredByTaskAsCSV() throws {
        let run = try preflight(["models", "--task", "text-embeddings", "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,task,tokenizer,") == true)
        #expect(lines.count == 9)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[1] == "text-embeddings" })
    }

    @Test func modelsTable() throws {
        let run = try preflight(["models", "--task", "text-to-image"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("@cf/black-forest-labs/flux-1-schnell"))
        #expect(run.stdout.contains("11 models."))
    }

    @Test func modelsRejectsAnUnknownTask() throws {
        let run = try preflight(["models", "--task", "telepathy"])
        #expect(run.status == 2)
    }

    // MARK: check

    @Test func readmeCommandFits() throws {
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "--max-tokens", "256", Self.example("prompt.txt")])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("fits: @cf/meta/llama-3.1-8b-instruct"))
        #expect(run.stdout.contains("prompt tokens    125 (llama3, exact)"))  // tiktoken oracle: 125
    }

    @Test func readmeMainCommandCountsChecksAndCosts() throws {
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.3-70b-instruct-fp8-fast", "--max-tokens", "256",
                                 "--format", "json", Self.example("prompt.txt")])
        #expect(run.status == 0)
        let report = try #require(try json(run) as? [String: Any])
        #expect(report["prompt_tokens"] as? Int == 125)  // tiktoken oracle on the llama3 ranks: 125
        #expect(report["context_window"] as? Int == 24000)
        // By hand from the pricing page: 26,668 neurons per M input, 204,805 per M output tokens.
        // 125 × 26668 / 1e6 = 3.3335; 256 × 204805 / 1e6 = 52.43008; sum 55.76358 neurons;
        // × $0.011 / 1000 = $0.00061339938.
        #expect((report["estimated_neurons"] as? NSNumber)?.decimalValue == Decimal(string: "55.76358"))
        #expect((report["estimated_usd"] as? NSNumber)?.decimalValue == Decimal(string: "0.00061339938"))
    }

    @Test func checkJSONHasTheContractFields() throws {
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "--format", "json", Self.example("prompt.txt")])
        #expect(run.status == 0)
        let report = try #require(try json(run) as? [String: Any])
        #expect(report["fits"] as? Bool == true)
        #expect(report["prompt_tokens"] as? Int == 125)
        #expect(report["max_tokens"] as? Int == 256)
        #expect(report["max_tokens_is_default"] as? Bool == true)
        #expect(report["context_window"] as? Int == 7968)
        #expect(report["overflow_tokens"] as? Int == 0)
        #expect(report["legacy_character_limit_exceeded"] as? Bool == false)
        #expect(report["exact"] as? Bool == true)
        #expect(report["model"] as? String == "@cf/meta/llama-3.1-8b-instruct")
        #expect(report["tokenizer"] as? String == "llama3")
        #expect((report["warnings"] as? [String])?.contains { $0.contains("platform default of 256") } == true)
    }

    @Test func oversizedPromptIsRefusedAndTheTrimFits() throws {
        let trimmed = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-trimmed-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: trimmed) }
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "--max-tokens", "512",
                                 "--format", "json", "--trimmed-output", trimmed.path, Self.example("oversized.txt")])
        #expect(run.status == 1)
        let report = try #require(try json(run) as? [String: Any])
        #expect(report["fits"] as? Bool == false)
        #expect(report["prompt_tokens"] as? Int == 16435)  // tiktoken oracle
        #expect(report["overflow_tokens"] as? Int == 16435 + 512 - 7968)
        #expect(report["legacy_character_limit_exceeded"] as? Bool == true)
        let again = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "--max-tokens", "512", "--format", "json", trimmed.path])
        #expect(again.status == 0)
        let fitted = try #require(try json(again) as? [String: Any])
        #expect(fitted["prompt_tokens"] as? Int == 7968 - 512)
    }

    @Test func readsStandardInput() throws {
        let run = try preflight(["check", "--model", "gpt-oss-20b", "--max-tokens", "10", "-"], stdin: Data("hello world".utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("prompt tokens    2 (o200k_harmony, exact)"))
    }

    @Test func unknownModelSuggestsAndExitsTwo() throws {
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instrct", Self.example("prompt.txt")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean @cf/meta/llama-3.1-8b-instruct"))
        #expect(run.stdout.isEmpty)
    }

    @Test func invalidUTF8GivesItsOffset() throws {
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "-"], stdin: Data([0x61, 0x62, 0xFF, 0x63]))
        #expect(run.status == 2)
        #expect(run.stderr.contains("invalid UTF-8 at byte offset 2"))
    }

    @Test func unreadableFileExitsTwo() throws {
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "no/such/file.txt"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no/such/file.txt"))
    }

    @Test func undecidableChecksExitTwoWithAReport() throws {
        let audio = try preflight(["check", "--model", "@cf/openai/whisper", "--format", "json", "-"], stdin: Data("hi".utf8))
        #expect(audio.status == 2)
        let report = try #require(try json(audio) as? [String: Any])
        #expect(report["fits"] is NSNull && report["verdict"] as? String == "not-a-token-model")
        let unknown = try preflight(["check", "--model", "@cf/qwen/qwen3-embedding-0.6b", "-"], stdin: Data("hi".utf8))
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no source states its context window"))
    }

    @Test func imageModelsCheckTheirPromptLength() throws {
        let long = try preflight(["check", "--model", "@cf/black-forest-labs/flux-1-schnell", "-"], stdin: Data(String(repeating: "x", count: 2049).utf8))
        #expect(long.status == 1)
        let short = try preflight(["check", "--model", "@cf/black-forest-labs/flux-1-schnell", "-"], stdin: Data("a cat".utf8))
        #expect(short.status == 0)
    }

    @Test func countAcceptsAModelID() throws {
        let run = try preflight(["count", "--model", "@cf/meta/llama-3.1-8b-instruct", Self.example("prompt.txt")])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "125")
    }

    @Test func messagesFlagIsParsed() throws {
        let run = try preflight(["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "--messages", "-"], stdin: Data("not a chat".utf8))
        #expect(run.status == 2)
        #expect(!run.stderr.contains("Unknown option"))
    }
}
