import Foundation
import PreflightCatalog
import PreflightClient
import PreflightSchema
import Testing

@Suite("Pre-flight through the bundled catalog")
struct CatalogPreflightTests {
    static func assess(_ id: String, _ input: RunInput, maxTokens: Int?, raw: Bool = false) throws -> PreflightAssessment {
        let model = try Catalog.bundled().model(id: id)
        let parameters: JSONObject = raw ? (["raw": true] as JSONValue).objectValue ?? JSONObject() : JSONObject()
        return try Preflight.catalog(model).assess(
            RunRequest(model: id, input: input, maxTokens: maxTokens, parameters: parameters))
    }

    @Test("llama 3.1 8B, raw 'hello' with 32 output tokens: 1 prompt token, and the estimate worked by hand")
    func textEstimate() throws {
        let assessment = try Self.assess("@cf/meta/llama-3.1-8b-instruct", .prompt("hello"), maxTokens: 32, raw: true)
        #expect(assessment.promptTokens == 1)
        #expect(assessment.maxTokens == 32)
        #expect(assessment.contextWindow == 7968)
        #expect(assessment.fits)
        // 1 × 25,608 / 1M + 32 × 75,147 / 1M = 2.430312 neurons; × $0.011 / 1000 = $0.000026733432.
        #expect(assessment.estimate?.neurons == Neurons(Decimal(string: "2.430312")!))
        #expect(assessment.estimate?.dollars == Dollars(Decimal(string: "0.000026733432")!))
        #expect(assessment.warnings.contains { $0.contains("deprecat") || $0.contains("retire") })
    }

    @Test("a reply reservation one token too large overflows by exactly one")
    func overflowByOne() throws {
        let assessment = try Self.assess("@cf/meta/llama-3.1-8b-instruct", .prompt("hello"), maxTokens: 7968, raw: true)
        #expect(!assessment.fits)
        #expect(assessment.overflowTokens == 1)
    }

    @Test("embedding inputs are checked one by one; the estimate bills them all")
    func embeddingsPerText() throws {
        let assessment = try Self.assess("@cf/qwen/qwen3-embedding-0.6b", .texts(["hello", "hello world"]), maxTokens: nil)
        #expect(assessment.promptTokens == 2)  // the longer text: "hello world" is 2 Qwen2 tokens
        #expect(assessment.contextWindow == nil)  // no source states this model's window: not refused, and said so
        #expect(assessment.fits)
        #expect(assessment.warnings.contains { $0.contains("not checked") })
        // 3 tokens in all × 1,075 / 1M = 0.003225 neurons.
        #expect(assessment.estimate?.neurons == Neurons(Decimal(string: "0.003225")!))
        #expect(assessment.estimate?.outputTokens == 0)
    }
}

extension CatalogPreflightTests {
    @Test("a chat is counted through the model's chat template, special tokens and preamble included")
    func chatThroughTemplate() throws {
        let chat = Chat(messages: [ChatMessage(role: .system, content: "Be brief."), ChatMessage(role: .user, content: "hello")])
        let assessment = try Self.assess("@cf/meta/llama-3.1-8b-instruct", .chat(chat), maxTokens: 32)
        let expected = try BundledTokenizers.tokenizer(named: "llama3").count(of: chat, template: .llama3_1)
        #expect(assessment.promptTokens == expected)
        #expect(expected > 20)  // the Llama 3.1 preamble ("Cutting Knowledge Date: …") alone is longer than the two texts
        #expect(!assessment.warnings.contains { $0.contains("chat template is not reproduced") })
    }
}

extension CatalogPreflightTests {
    @Test("a plain prompt is counted as Workers AI sends it: one user message through the chat template")
    func promptThroughTemplate() throws {
        let assessment = try Self.assess("@cf/meta/llama-3.1-8b-instruct", .prompt("hello"), maxTokens: 32)
        let chat = Chat(messages: [ChatMessage(role: .user, content: "hello")])
        let expected = try BundledTokenizers.tokenizer(named: "llama3").count(of: chat, template: .llama3_1)
        #expect(assessment.promptTokens == expected)
        #expect(expected == 36)  // header tokens and the dated system preamble around the one "hello" token
        // 36 × 25,608 / 1M + 32 × 75,147 / 1M = 0.921888 + 2.404704 = 3.326592 neurons.
        #expect(assessment.estimate?.neurons == Neurons(Decimal(string: "3.326592")!))
    }
}
