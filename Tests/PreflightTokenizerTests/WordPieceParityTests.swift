import PreflightCatalog
import PreflightTokenizer
import Testing

/// BERT uncased WordPiece against Hugging Face tokenizers' `BertWordPieceTokenizer` ids.
struct WordPieceParityTests {
    @Test(arguments: ParityTests.allVariants(of: ["bert-base-uncased"]))
    func matchesHuggingFace(_ fixture: ParityTests.Fixture) throws {
        try ParityTests.expectFixtureParity(fixture)
    }

    @Test func addsClassifierAndSeparator() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "bert-base-uncased")
        let ids = tokenizer.encode("Hello, World!", addingSpecialTokens: true).map(\.rawValue)
        #expect(ids.first == 101 && ids.last == 102)
        #expect(tokenizer.decode(tokenizer.encode("Hello, World!")) == "hello, world!")
    }
}
