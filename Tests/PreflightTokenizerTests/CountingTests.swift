import PreflightTestSupport
import PreflightCatalog
import PreflightTokenizer
import Testing

/// Counting, limits, special tokens, round trips and the batch API on the bundled tokenizers.
struct CountingTests {
    @Test(arguments: ParityTests.byteLevelFamilies)
    func countEqualsEncodeCountAndDecodeRoundTrips(_ name: String) throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        var generator = SeededGenerator(seed: 99)
        for length in [0, 1, 3, 10, 50, 200] {
            for _ in 0..<10 {
                let text = randomText(length: length, using: &generator)
                let ids = tokenizer.encode(text)
                #expect(tokenizer.count(of: text) == ids.count)
                let decoded = try tokenizer.decodeValidating(ids)
                if name == "qwen2" {
                    // Qwen normalises to NFC first, so the round trip gives the NFC form.
                    #expect(Array(decoded.utf8) == Array(Normalizer.nfc.apply(to: text).text.utf8))
                } else {
                    #expect(Array(decoded.utf8) == Array(text.utf8), "\(name) \(text.debugDescription)")
                }
            }
        }
    }

    @Test func limitedCountStopsEarly() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "o200k_base")
        let huge = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 100_000)
        #expect(tokenizer.count(of: huge, upTo: 8192) == .exceeds(8192))
        #expect(tokenizer.count(of: "Hello world", upTo: 2) == .exact(2))
        #expect(tokenizer.count(of: "Hello world", upTo: 1) == .exceeds(1))
        #expect(tokenizer.count(of: "", upTo: 0) == .exact(0))
    }

    @Test func specialTokensArePlainTextUnlessHonored() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "cl100k_base")
        let text = "a<|endoftext|>b"
        // tiktoken: encode(text, disallowed_special=()) and encode(text, allowed_special="all").
        #expect(tokenizer.encode(text).map(\.rawValue) == [64, 27, 91, 8862, 728, 428, 91, 29, 65])
        #expect(tokenizer.encode(text, specialTokens: .honored).map(\.rawValue) == [64, 100257, 65])
        #expect(tokenizer.id(ofSpecialToken: "<|endoftext|>") == 100257)
        #expect(tokenizer.decode([64, 100257, 65]) == "a<|endoftext|>b")
    }

    @Test func addingSpecialTokensUsesTheManifestTemplate() throws {
        let llama3 = try BundledTokenizers.tokenizer(named: "llama3")
        #expect(llama3.encode("Hi", addingSpecialTokens: true).first == 128000)
        let tekken = try BundledTokenizers.tokenizer(named: "tekken")
        #expect(tekken.encode("Hi", addingSpecialTokens: true).first == 1)
        #expect(tekken.encode("Hi").allSatisfy { $0.rawValue >= 1000 })
    }

    @Test func batchEqualsOneByOne() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "llama3")
        var generator = SeededGenerator(seed: 5)
        let texts = (0..<200).map { _ in randomText(length: 20, using: &generator) }
        #expect(tokenizer.encode(batch: texts) == texts.map { tokenizer.encode($0) })
        #expect(tokenizer.counts(of: texts) == texts.map { tokenizer.count(of: $0) })
    }

    @Test func concurrentLoadingSharesOneTokenizer() async throws {
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try BundledTokenizers.tokenizer(named: "cl100k_base").count(of: "hello world") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2, count: 8))
    }

    @Test func unknownNameListsKnownOnesWithSuggestion() {
        #expect {
            try BundledTokenizers.tokenizer(named: "llama-3")
        } throws: { error in
            guard case .unknownName(let name, let known, let suggestion) = error as? BundledTokenizerError else { return false }
            return name == "llama-3" && known.contains("llama3") && suggestion == "llama3"
        }
    }
}
