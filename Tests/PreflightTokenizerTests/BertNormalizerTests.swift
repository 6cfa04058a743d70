@testable import PreflightTokenizer
import Testing

/// BERT's normaliser and pre-tokenizer, against Hugging Face `tokenizers` 0.23.3 outputs.
struct BertNormalizerTests {
    @Test(arguments: [
        ("Naïve Café", "naive cafe"),
        ("你好", " 你  好 "),
        ("a\u{0}b\u{FFFD}c\u{200B}d\te\u{85}f\u{0B}g\u{3000}h", "abcd efg h"),
        ("İstanbul ǅ ΣΑΣ", "istanbul ǆ σασ"),
        ("Ａｎｇｓｔｒöm Å", "ａｎｇｓｔｒom a"),
        ("plain ascii", "plain ascii"),
    ])
    func normalisesLikeHuggingFace(_ input: String, _ expected: String) {
        let result = Normalizer.bert(BertNormalizer(lowercase: true, stripAccents: nil)).apply(to: input)
        #expect(Array(result.text.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func accentsStayWithoutLowercasing() {
        let result = Normalizer.bert(BertNormalizer(lowercase: false, stripAccents: nil)).apply(to: "Café")
        #expect(Array(result.text.unicodeScalars) == Array("Café".unicodeScalars))
    }

    @Test func preTokenizerIsolatesPunctuation() {
        #expect(PreTokenizer.bert.pieces(of: "Hello, world! $5+3 don't「引用」")
            == ["Hello", ",", "world", "!", "$", "5", "+", "3", "don", "'", "t", "「", "引用", "」"])
    }
}
