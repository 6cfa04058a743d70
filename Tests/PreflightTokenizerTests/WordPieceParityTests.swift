import PreflightCatalog
import PreflightTokenizer
import Testing

/// BERT uncased WordPiece against Hugging Face tokenizers' `BertWordPieceTokenizer` ids.
struct WordPieceParityTests {
    @Test(arguments: FixtureVariant.allCases)
    func matchesHuggingFace(_ variant: FixtureVariant) throws {
        try expectFixtureParity("bert-base-uncased", variant)
    }

    @Test func addsClassifierAndSeparator() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "bert-base-uncased")
        let ids = tokenizer.encode("Hello, World!", addingSpecialTokens: true).map(\.rawValue)
        #expect(ids.first == 101 && ids.last == 102)
        #expect(tokenizer.decode(tokenizer.encode("Hello, World!")) == "hello, world!")
    }
}
