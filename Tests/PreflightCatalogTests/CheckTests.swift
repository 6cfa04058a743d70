import Foundation
import PreflightCatalog
import PreflightTokenizer
import Synchronization
import Testing

@Suite struct CheckTests {
    let catalog: Catalog

    init() throws { catalog = try Catalog.bundled() }

    func words(_ n: Int) -> TokenCountSource {
        TokenCountSource(text: WordCounter.words(n), counting: WordCounter.count)
    }

    // @cf/meta/llama-3.1-8b-instruct: window 7,968 (Cloudflare page), max_tokens default 256.

    @Test func promptThatFits() throws {
        let check = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").check(words(100), maxTokens: 256)
        #expect(check.verdict == .fits && check.fits == true)
        #expect(check.promptTokens == 100 && !check.promptTokensIsLowerBound)
        #expect(check.maxTokens == 256 && !check.maxTokensIsDefault)
        #expect(check.contextWindow == 7968 && check.promptBudgetTokens == 7712)
        #expect(check.overflowTokens == 0)
        #expect(check.exact && check.reason == nil)
        #expect(!check.warnings.contains { $0.contains("max_tokens not given") })
    }

    @Test func exactlyFullWindowFits() throws {
        let check = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").check(words(7712), maxTokens: 256)
        #expect(check.fits == true && check.promptTokens == 7712)
        let over = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").check(words(7713), maxTokens: 256)
        #expect(over.fits == false && over.overflowTokens == 1)
    }

    @Test func defaultMaxTokensIsReservedWithAWarning() throws {
        let check = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").check(words(10))
        #expect(check.maxTokens == 256 && check.maxTokensIsDefault)
        #expect(check.warnings.contains { $0.contains("platform default of 256") })
    }

    @Test func overflowSaysHowMuchToCut() throws {
        let check = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").check(words(8000), maxTokens: 256)
        #expect(check.verdict == .overflows && check.fits == false)
        #expect(check.promptTokens == 8000 && !check.promptTokensIsLowerBound)
        #expect(check.overflowTokens == 8000 + 256 - 7968)
    }

    @Test func hugePromptStopsCountingEarly() throws {
        let limits = Mutex<[Int]>([])
        let source = TokenCountSource(characterCount: 50_000_000) { limit in
            limits.withLock { $0.append(limit) }
            return .exceeds(limit)
        }
        let check = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").check(source, maxTokens: 256)
        #expect(check.fits == false && check.promptTokensIsLowerBound)
        #expect(check.promptTokens == 4 * 7968 + 1)
        #expect(check.overflowTokens == 4 * 7968 + 1 + 256 - 7968)
        #expect(limits.withLock { $0 } == [7712, 4 * 7968])
        #expect(check.legacyCharacterLimitExceeded)
    }

    @Test func legacyCharacterRuleIsReportedNotEnforced() throws {
        let model = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct")
        let text = String(repeating: "a", count: 6145)
        let check = model.check(TokenCountSource(text: text, counting: WordCounter.count), maxTokens: 10)
        #expect(check.fits == true && check.legacyCharacterLimitExceeded && check.characterCount == 6145)
        let short = model.check(TokenCountSource(text: String(repeating: "a", count: 6144), counting: WordCounter.count), maxTokens: 10)
        #expect(!short.legacyCharacterLimitExceeded)
    }

    @Test func embeddingsIgnoreMaxTokens() throws {
        let check = try catalog.model(id: "@cf/baai/bge-base-en-v1.5").check(words(600), maxTokens: 100)
        #expect(check.maxTokens == 0 && check.contextWindow == 512)
        #expect(check.overflowTokens == 88)
        #expect(check.warnings.contains { $0.contains("ignored") })
    }

    @Test func approximateTokenizerSaysWhy() throws {
        let check = try catalog.model(id: "@cf/ibm-granite/granite-4.0-h-micro").check(words(10), maxTokens: 10)
        #expect(!check.exact)
        #expect(check.reason?.contains("cl100k_base") == true)
        #expect(check.tokenizer == "cl100k_base")
    }

    @Test func thirdPartyWindowIsFlagged() throws {
        let model = try catalog.model(id: "@cf/meta/llama-3.2-3b-instruct")
        #expect(model.contextWindow.provenance == .thirdParty)
        let check = model.check(words(10), maxTokens: 10)
        #expect(check.fits == true && check.contextWindowProvenance == .thirdParty)
        #expect(check.warnings.contains { $0.contains("third-party") })
    }

    @Test func undecidableCases() throws {
        let unknownWindow = try catalog.model(id: "@cf/qwen/qwen3-embedding-0.6b").check(words(10))
        #expect(unknownWindow.verdict == .unknownContextWindow && unknownWindow.fits == nil)
        #expect(unknownWindow.promptTokens == 10)
        let noTokenizer = try catalog.model(id: "@cf/zai-org/glm-5.3").check(words(10))
        #expect(noTokenizer.verdict == .noTokenizer && noTokenizer.fits == nil && noTokenizer.promptTokens == nil)
        let audio = try catalog.model(id: "@cf/openai/whisper").check(words(10))
        #expect(audio.verdict == .notATokenModel && audio.fits == nil)
    }

    @Test func noDocumentedDefaultReservesNothingAndSaysSo() throws {
        let check = try catalog.model(id: "@cf/google/gemma-4-26b-a4b-it").check(words(10))
        #expect(check.maxTokens == 0 && check.maxTokensIsDefault)
        #expect(check.warnings.contains { $0.contains("no default is documented") })
    }

    @Test func imagePromptBounds() throws {
        let flux = try catalog.model(id: "@cf/black-forest-labs/flux-1-schnell")
        let ok = try #require(flux.checkImagePrompt("a cyberpunk lizard", steps: 8))
        #expect(ok.fits && ok.maxCharacters == 2048 && ok.maxSteps == 8)
        #expect(flux.checkImagePrompt(String(repeating: "x", count: 2049))?.fits == false)
        #expect(flux.checkImagePrompt("cat", steps: 9)?.fits == false)
        #expect(flux.checkImagePrompt("cat")?.steps == 4)
        #expect(try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").checkImagePrompt("x") == nil)
    }

    @Test func realTokenizerMatchesTheOracle() throws {
        // tiktoken with the bundled llama3 ranks counts 125 tokens in Examples/prompt.txt.
        let prompt = """
            You are a support assistant for a bicycle repair shop. Answer in three short paragraphs.

            A customer writes: "My rear derailleur skips when I pedal hard in the three smallest cogs, but only
            after the bike has been sitting in the cold garage overnight. The chain is about 2,000 km old and I
            cleaned and oiled it last week. What should I check first, and can I fix it myself before my commute
            tomorrow?"

            Explain the likely causes in order of probability, what the customer can check with basic tools,
            and when it is worth bringing the bike into the shop.

            """
        let check = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct").check(prompt, maxTokens: 256)
        #expect(check.promptTokens == 125 && check.fits == true && check.tokenizer == "llama3")
    }
}
