import Foundation
import PreflightTestSupport
import Testing

/// `--messages` on `count` and `check`: the chat is counted after the model's chat template.
/// Expected counts are the reference ids' lengths in PreflightCatalogTests/Fixtures/chat
/// (llama3.1.templates.jsonl line 2: 48 ids; qwen3.templates.jsonl lines 1–2: 10 and 26 ids).
struct ChatMessagesCLITests {
    static let chat = #"[{"role": "system", "content": "You are a concise assistant."}, {"role": "user", "content": "What is the capital of France?"}]"#

    @Test func countMessagesUsesTheModelsTemplate() throws {
        let result = try PreflightProcess.run(
            ["count", "--model", "@cf/meta/llama-3.1-8b-instruct", "--messages", "--format", "json"], input: Array(Self.chat.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["tokens"] as? Int == 48)
        #expect(object?["template"] as? String == "llama3.1")
    }

    @Test func countMessagesJSONLinesWithAnExplicitTemplate() throws {
        let input = #"[{"role": "user", "content": "Hello!"}]"# + "\n" + #"{"messages": "# + Self.chat + "}\n"
        let result = try PreflightProcess.run(
            ["count", "--tokenizer", "qwen2", "--template", "qwen3", "--messages", "--jsonl"], input: Array(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "10\n26\n")
    }

    @Test func checkMessagesFitsOrOverflowsByTheTemplatedCount() throws {
        let fits = try PreflightProcess.run(
            ["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "--messages", "--max-tokens", "7920", "--format", "json"],
            input: Array(Self.chat.utf8))
        #expect(fits.status == 0, "\(fits.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(fits.stdout.utf8)) as? [String: Any]
        #expect(object?["prompt_tokens"] as? Int == 48)
        #expect(object?["fits"] as? Bool == true)
        let overflows = try PreflightProcess.run(
            ["check", "--model", "@cf/meta/llama-3.1-8b-instruct", "--messages", "--max-tokens", "7921"],
            input: Array(Self.chat.utf8))
        #expect(overflows.status == 1)
    }

    @Test func badChatsExitTwoNamingThePlace() throws {
        let role = try PreflightProcess.run(
            ["count", "--tokenizer", "llama3", "--template", "llama3.1", "--messages"],
            input: Array(#"[{"role": "narrator", "content": "x"}]"#.utf8))
        #expect(role.status == 2)
        #expect(role.stderr.contains("/0/role: role 'narrator' is not allowed by the llama3.1 template"))
        let json = try PreflightProcess.run(["count", "--tokenizer", "llama3", "--messages"], input: Array("[{\"role\": ".utf8))
        #expect(json.status == 2)
        #expect(json.stderr.contains("<stdin>: chat JSON (byte 10)"))
        let guardModel = try PreflightProcess.run(
            ["count", "--model", "@cf/meta/llama-guard-3-8b", "--messages"], input: Array(Self.chat.utf8))
        #expect(guardModel.status == 2)
        #expect(guardModel.stderr.contains("no exact chat template is known"))
    }
}
