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
        // Assigned after Unicode 8.0, so unknown to Hugging Face's tables: kept as they are.
        ("a\u{11074}b", "a\u{11074}b"),  // Mn since 14.0
        ("x\u{13435}y", "x\u{13435}y"),  // Cf since 15.0
        ("e\u{301}\u{1AC2}", "e\u{1AC2}"),  // U+0301 (1.1) stripped, U+1AC2 (14.0) kept
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
        // U+2E43 is punctuation only since Unicode 10.0; U+2E3B since 6.3.
        #expect(PreTokenizer.bert.pieces(of: "a\u{2E43}b\u{2E3B}c") == ["a\u{2E43}b", "\u{2E3B}", "c"])
    }
}
