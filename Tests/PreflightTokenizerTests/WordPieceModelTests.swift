@testable import PreflightTokenizer
import Testing

/// WordPiece on a 20-token vocabulary (ids checked against Hugging Face `tokenizers` 0.23.3
/// with the same vocabulary), and the vocab.txt reader's errors.
struct WordPieceModelTests {
    static let vocabulary = "[PAD] [UNK] [CLS] [SEP] un ##aff ##able aff ##ord able play ##ing ##s runn ##er the a ##a ##b ,"
        .split(separator: " ").map(String.init)

    func tokenizer() throws -> Tokenizer {
        let model = try WordPieceModel(tokens: Self.vocabulary)
        return Tokenizer(normalizer: .bert(BertNormalizer()), preTokenizer: .bert, model: .wordPiece(model),
                         decoder: .wordPiece(prefix: "##", cleansUp: true))
    }

    @Test(arguments: [
        ("unaffable playing, plays", [4, 5, 6, 10, 11, 19, 10, 12] as [UInt32]),
        ("affordable runner", [7, 8, 6, 13, 14]),
        ("abab xyz playx", [16, 18, 17, 18, 1, 1]),
        ("The runner", [15, 13, 14]),
        (String(repeating: "a", count: 101), [1]),
    ])
    func greedyLongestMatchFirst(_ text: String, _ expected: [UInt32]) throws {
        #expect(try tokenizer().encode(text).map(\.rawValue) == expected)
    }

    @Test func hundredCharacterWordsStillSplit() throws {
        let ids = try tokenizer().encode(String(repeating: "a", count: 100)).map(\.rawValue)
        #expect(ids == [16] + Array(repeating: 17, count: 99))
    }

    @Test func decoderJoinsContinuations() throws {
        let tokenizer = try tokenizer()
        #expect(tokenizer.decode(tokenizer.encode("Unaffable playing, plays")) == "unaffable playing, plays")
    }

    @Test func readerNumbersLinesAndTrimsTrailingSpace() throws {
        let tokens = try WordPieceVocabularyReader.tokens(parsing: Array("[UNK]\r\nhello \n##lo\n".utf8))
        #expect(tokens == ["[UNK]", "hello", "##lo"])
    }

    @Test func readerErrorsSayWhere() {
        #expect(throws: WordPieceVocabularyError.emptyLine(file: "vocab.txt", line: 2, byteOffset: 2)) {
            try WordPieceVocabularyReader.tokens(parsing: Array("a\n\nb\n".utf8))
        }
        #expect(throws: WordPieceVocabularyError.invalidUTF8(file: "vocab.txt", line: 2, byteOffset: 2)) {
            try WordPieceVocabularyReader.tokens(parsing: [0x61, 0x0A, 0xFF, 0x0A])
        }
        #expect(throws: WordPieceVocabularyError.empty(file: "vocab.txt")) {
            try WordPieceVocabularyReader.tokens(parsing: [])
        }
        #expect(throws: WordPieceVocabularyError.duplicateToken(file: "<memory>", line: 3, token: "a", firstLine: 1)) {
            try WordPieceModel(tokens: ["a", "[UNK]", "a"])
        }
        #expect(throws: WordPieceVocabularyError.missingUnknownToken(file: "<memory>", token: "[UNK]")) {
            try WordPieceModel(tokens: ["a", "b"])
        }
    }

    @Test func readsTokenizerJSONSection() throws {
        let json = ###"{"model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 50, "vocab": {"[UNK]": 0, "play": 1, "##ing": 2}}}"###
        let (tokens, settings) = try WordPieceVocabularyReader.tokens(fromTokenizerJSON: Data(json.utf8))
        #expect(tokens == ["[UNK]", "play", "##ing"])
        #expect(settings.maxInputCharactersPerWord == 50)
    }
}

import Foundation

/// `Tokenizer.wordPiece(tokenizerJSON:)` on a tokenizer.json shaped like BGE's, over the
/// 20-token vocabulary (ids as Hugging Face gives for the same file).
struct WordPieceTokenizerJSONTests {
    static func json(normalizer: String = "BertNormalizer") -> Data {
        let vocab = WordPieceModelTests.vocabulary.enumerated()
            .map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ", ")
        return Data(("""
        {"added_tokens": [{"id": 1, "content": "[UNK]", "special": true}, {"id": 2, "content": "[CLS]", "special": true},
                          {"id": 3, "content": "[SEP]", "special": true}],
         "normalizer": {"type": "\(normalizer)", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
         "pre_tokenizer": {"type": "BertPreTokenizer"},
         "post_processor": {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                            {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}]},
         "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
         "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                   "max_input_chars_per_word": 100, "vocab": {\(vocab)}}}
        """).utf8)
    }

    @Test func encodesLikeTheVocabularyFile() throws {
        let tokenizer = try Tokenizer.wordPiece(tokenizerJSON: Self.json(), file: "tokenizer.json")
        #expect(tokenizer.encode("Unaffable playing, plays", addingSpecialTokens: true).map(\.rawValue)
            == [2, 4, 5, 6, 10, 11, 19, 10, 12, 3])
        #expect(tokenizer.encode("play[SEP]", specialTokens: .honored).map(\.rawValue) == [10, 3])
    }

    @Test func otherNormalisersAreRefusedWithTheirPointer() {
        #expect(throws: TokenizerLoadingError.wordPieceVocabulary(.invalidJSON(
            file: "tokenizer.json", pointer: "/normalizer/type",
            reason: "unsupported normalizer NFKC; expected BertNormalizer"))) {
            try Tokenizer.wordPiece(tokenizerJSON: Self.json(normalizer: "NFKC"), file: "tokenizer.json")
        }
    }
}
