import Foundation
import PreflightCatalog
import PreflightTokenizer
import Testing

/// The Swift snippets of Docs/catalog-examples.md, compiled and run as written.
@Suite struct DocsExamplesTests {
    struct Message { let role: String; let content: String }

    func render(_ chat: [Message]) -> String {
        chat.map { "<|\($0.role)|>\n\($0.content)\n" }.joined()
    }

    @Test func librarySnippets() throws {
        let prompt = "Explain in two sentences why the sky is blue."
        let longText = String(repeating: "The chain skipped on the smallest cog again. ", count: 2000)
        let document = String(repeating: "Embedding models read at most 512 tokens. ", count: 300)
        let messages = [Message(role: "system", content: "Be brief.")]
            + (0..<1000).map { Message(role: $0 % 2 == 0 ? "user" : "assistant", content: "Turn \($0): tell me more about bicycles.") }

        let catalog = try Catalog.bundled()                                  // decoded once, shared
        let model = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct")  // also "llama-3.1-8b-instruct"
        let check = try model.check(prompt, maxTokens: 256)
        if check.fits == false {
            print("cut \(check.overflowTokens) tokens")                      // "how much to cut"
        }
        let price = model.pricing?.item(for: .inputTokensPerMillion)?.usd   // Decimal("0.282"), never a Double
        let embedders = catalog.models(for: .textEmbeddings)

        let tokenizer = try BundledTokenizers.tokenizer(named: "llama3")
        let fitted = longText.truncated(toTokens: check.promptBudgetTokens ?? 0, using: tokenizer)
        let chunks = try document.chunked(maxTokens: 512, overlapTokens: 32, using: tokenizer)   // BGE-sized
        let kept = try messages.trimmedChat(toFit: 7_712,
                                            isSystem: { $0.role == "system" },
                                            startsTurn: { $0.role == "user" },
                                            counting: { chat, limit in tokenizer.count(of: render(chat), upTo: limit) })

        #expect(check.fits == true && check.promptBudgetTokens == 7712)
        #expect(price == Decimal(string: "0.282"))
        #expect(embedders.count == 8)
        #expect(tokenizer.count(of: fitted) <= 7712 && tokenizer.count(of: longText) > 7712)
        #expect(chunks.allSatisfy { $0.tokenCount <= 512 } && chunks.count > 1)
        #expect(kept.first?.role == "system" && kept.count < messages.count && kept.dropFirst().first?.role == "user")
        #expect(tokenizer.count(of: render(kept)) <= 7712)
        #expect(kept.last?.content == messages.last?.content)
    }
}
