import Foundation
import PreflightCatalog
import PreflightTokenizer
import Testing

@Suite struct TruncationTests {
    @Test func keepsTheLongestPrefixThatFits() {
        #expect("alpha beta gamma delta".truncated(toTokens: 2, counting: WordCounter.count) == "alpha beta ")
        #expect("alpha beta".truncated(toTokens: 5, counting: WordCounter.count) == "alpha beta")
        #expect("alpha beta".truncated(toTokens: 0, counting: WordCounter.count) == "")
    }

    @Test func longInputsStillCutExactly() {
        let text = WordCounter.words(5000)
        let cut = text.truncated(toTokens: 1234, counting: WordCounter.count)
        #expect(WordCounter.count(cut, .max) == .exact(1234))
        #expect(cut.hasSuffix("w1233 "))
    }

    @Test func neverSplitsACharacter() {
        // One token per scalar: "a", "e", U+0301 would allow "ae" for 2 tokens, but that splits é.
        let perScalar: (String, Int) -> TokenCount = { text, limit in
            let n = text.unicodeScalars.count
            return n <= limit ? .exact(n) : .exceeds(limit)
        }
        #expect("ae\u{301}b".truncated(toTokens: 2, counting: perScalar) == "a")
        #expect("ae\u{301}b".truncated(toTokens: 3, counting: perScalar) == "ae\u{301}")
    }

    @Test func realTokenizerRecountsWithinTheLimit() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "llama3")
        let text = String(repeating: "Le vélo électrique 🚲 roule vite, n'est-ce pas? 123456 ", count: 200)
        for limit in [1, 7, 100, 513] {
            let cut = text.truncated(toTokens: limit, using: tokenizer)
            #expect(tokenizer.count(of: cut) <= limit)
            // One more scalar would not fit (the cut is the longest on a character boundary).
            let longer = String(text.prefix(cut.count + 1))
            #expect(tokenizer.count(of: longer) > limit || longer.count == cut.count)
        }
    }
}

@Suite struct ChunkingTests {
    @Test func chunksOverlapByTheRequestedTokens() throws {
        let chunks = try WordCounter.words(10).chunked(maxTokens: 4, overlapTokens: 1, counting: WordCounter.count)
        #expect(chunks.map(\.text) == ["w0 w1 w2 w3 ", " w3 w4 w5 w6 ", " w6 w7 w8 w9"])
        #expect(chunks.map(\.scalarOffset) == [0, 8, 17])
        #expect(chunks.map(\.tokenCount) == [4, 4, 4])
    }

    @Test func chunksWithoutOverlapCoverTheText() throws {
        let text = WordCounter.words(1000)
        let chunks = try text.chunked(maxTokens: 64, counting: WordCounter.count)
        #expect(chunks.map(\.text).joined() == text)
        #expect(chunks.allSatisfy { $0.tokenCount <= 64 })
    }

    @Test func bgeChunksRecountWithinFiveHundredTwelve() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "bert-base-uncased")
        let text = String(repeating: "Embedding models such as BGE read at most 512 tokens; longer documents are split. ", count: 150)
        let chunks = try text.chunked(maxTokens: 512, overlapTokens: 32, using: tokenizer)
        #expect(chunks.count > 1)
        for chunk in chunks {
            #expect(tokenizer.count(of: chunk.text) == chunk.tokenCount)
            #expect(chunk.tokenCount <= 512)
        }
        #expect(chunks.first.map { text.hasPrefix($0.text) } == true)
        #expect(chunks.last.map { text.hasSuffix($0.text) } == true)
    }

    @Test func rejectsBadLimits() {
        #expect(throws: TrimmingError.invalidLimit(0)) { try "x".chunked(maxTokens: 0, counting: WordCounter.count) }
        #expect(throws: TrimmingError.overlapTooLarge(overlap: 4, maxTokens: 4)) {
            try "x".chunked(maxTokens: 4, overlapTokens: 4, counting: WordCounter.count)
        }
    }
}

@Suite struct ChatTrimmingTests {
    struct Message: Equatable {
        let role: String
        let content: String
    }

    /// Words of every message, plus 3 tokens of template per message.
    static func count(_ messages: [Message], _ limit: Int) -> TokenCount {
        let total = messages.reduce(0) { sum, message in
            guard case .exact(let n) = WordCounter.count(message.content, .max) else { return sum }
            return sum + n + 3
        }
        return total <= limit ? .exact(total) : .exceeds(limit)
    }

    let chat = [
        Message(role: "system", content: WordCounter.words(5)),
        Message(role: "user", content: WordCounter.words(10)), Message(role: "assistant", content: WordCounter.words(10)),
        Message(role: "user", content: WordCounter.words(10)), Message(role: "assistant", content: WordCounter.words(10)),
        Message(role: "user", content: WordCounter.words(10)),
    ]

    func trimmed(_ budget: Int) throws(TrimmingError) -> [String] {
        try chat.trimmedChat(toFit: budget, isSystem: { $0.role == "system" }, startsTurn: { $0.role == "user" },
                             counting: Self.count).map(\.role)
    }

    @Test func keepsSystemAndNewestTurns() throws {
        #expect(try trimmed(73) == ["system", "user", "assistant", "user", "assistant", "user"])  // 55 words + 18
        #expect(try trimmed(50) == ["system", "user", "assistant", "user"])  // 35 + 12 = 47
        #expect(try trimmed(30) == ["system", "user"])  // 15 + 6 = 21
    }

    @Test func failsWhenTheNewestTurnAloneIsTooBig() {
        #expect(throws: TrimmingError.cannotFit(minimumTokens: 21, budget: 20)) { try trimmed(20) }
    }
}
