import Foundation
import PreflightCatalog
import PreflightSchema
import PreflightTokenizer
import Testing

/// The README's "Library at a glance" block, compiled and run here, and checked to be the README's
/// block verbatim (so the README cannot drift from code that builds).
@Suite struct ReadmeTourTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theTourRunsAndSaysWhatTheReadmeSays() throws {
        let prompt = "Summarise this support ticket in one sentence: the headlamp stopped charging."
        let hugeDocument = String(repeating: "All work and no play makes Jack a dull boy. ", count: 100_000)
        let reply = """
            Sure! Here it is:
            ```json
            {"name": "headlamp", "score": 1.5}
            ```
            """
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // readme-tour:begin
        // Count exactly, as the model's own tokenizer does.
        let llama3 = try BundledTokenizers.tokenizer(named: "llama3")
        let ids = llama3.encode("Hello, Workers AI!")
        let tokens = llama3.count(of: prompt)                        // never builds the id array
        let early = llama3.count(of: hugeDocument, upTo: 8_192)      // .exceeds(8192), having read only the start

        // Check a prompt against a model's context window, with the reply it asks for.
        let model = try Catalog.bundled().model(id: "@cf/meta/llama-3.3-70b-instruct-fp8-fast")
        let check = try model.check(prompt, maxTokens: 512)
        if check.fits == false { print("cut \(check.overflowTokens) tokens") }

        // Count a chat as the model receives it: its chat template applied.
        let chat = try Chat(jsonText: #"[{"role": "user", "content": "Hi!"}]"#)
        let chatCheck = try model.check(chat, maxTokens: 512)

        // Cost it in neurons and dollars (exact decimals).
        let estimate = model.rateCard.estimate(BillableUsage(inputTokens: tokens, outputTokens: 512))
        print(estimate.neurons, estimate.dollars)

        // Ask for JSON (Workers AI JSON mode), then validate what comes back.
        let schema = JSONSchema.object(
            ["name": .string(minLength: 1), "score": .number(minimum: 0, maximum: 1)], required: ["name"])
        let responseFormat = schema.responseFormat
        let validator = try schema.compiled()
        if case .found(let json) = ReplyExtraction.extract(from: reply) {
            for violation in validator.validate(json.value).violations { print(violation) }
        }
        // readme-tour:end

        // Oracle: tiktoken with Meta's llama3 ranks gives these ids for "Hello, Workers AI!".
        #expect(ids == [9906, 11, 36798, 15592, 0])
        #expect(tokens == llama3.encode(prompt).count)
        #expect(early == .exceeds(8_192))
        #expect(check.fits == true && check.promptTokens == tokens && check.contextWindow == 24_000)
        // Llama 3.1 template with its default system header: more than the bare text, and exact.
        #expect(chatCheck.fits == true && (chatCheck.promptTokens ?? 0) > llama3.count(of: "Hi!"))
        // By hand: tokens × 26,668 / 1e6 + 512 × 204,805 / 1e6 neurons.
        let expected = Decimal(tokens) * 26_668 / 1_000_000 + Decimal(512) * 204_805 / 1_000_000
        #expect(estimate.neurons == Neurons(expected))
        #expect(responseFormat["type"] == "json_schema")
        #expect(printed.count == 2)
        #expect(printed.last?.contains("/score") == true && printed.last?.contains("1.5") == true)
    }

    @Test func theReadmeShowsExactlyThisCode() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func block(_ text: String, indent: String) -> [String] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let begin = lines.firstIndex(where: { $0.contains("readme-tour:begin") }),
                  let end = lines.firstIndex(where: { $0.contains("readme-tour:end") }) else { return [] }
            return lines[(begin + 1)..<end].map { $0.hasPrefix(indent) ? String($0.dropFirst(indent.count)) : $0 }
        }
        let inTest = block(source, indent: "        ")
        #expect(!inTest.isEmpty)
        #expect(block(readme, indent: "") == inTest, "README.md's tour block differs from ReadmeTourTests.swift")
    }
}
