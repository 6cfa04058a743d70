import Foundation
import PreflightTokenizer
import Testing

/// Loaders reject bad files with errors that say what and where.
struct LoaderErrorTests {
    func read(_ text: String) throws(VocabularyError) -> Vocabulary {
        try TiktokenRanksReader.vocabulary(from: Array(text.utf8), file: "test.tiktoken")
    }

    @Test func readsWellFormedRanks() throws {
        let vocabulary = try read("YQ== 0\nYg== 1\r\n\nYWI= 3\n")
        #expect(vocabulary.count == 4)
        #expect(vocabulary.bytes(of: 3) == Array("ab".utf8))
        #expect(vocabulary.bytes(of: 2) == nil)  // a gap is a hole
        #expect(vocabulary.id(of: Array("b".utf8)) == 1)
    }

    @Test func malformedRankNamesLineAndOffset() {
        #expect(throws: VocabularyError.malformedRank(file: "test.tiktoken", line: 2, byteOffset: 12, rank: "12x")) {
            try read("YQ== 0\nYg== 12x\n")
        }
        let error = VocabularyError.malformedRank(file: "cl100k_base.tiktoken", line: 812, byteOffset: 40211, rank: "12x")
        #expect(error.description == "cl100k_base.tiktoken:812 (byte 40211): rank '12x' is not an integer")
    }

    @Test func badBase64NamesTheCharacter() {
        #expect(throws: VocabularyError.invalidBase64(file: "test.tiktoken", line: 2, byteOffset: 8)) {
            try read("YQ== 0\nY*== 1\n")
        }
    }

    @Test func truncatedFileIsMalformed() {
        // Cut in the middle of line 2's token: no rank, and a token of odd length.
        #expect(throws: VocabularyError.malformedLine(file: "test.tiktoken", line: 2, byteOffset: 7,
                                                      reason: "no space before the rank")) {
            try read("YQ== 0\nYg")
        }
        #expect(throws: VocabularyError.invalidBase64(file: "test.tiktoken", line: 2, byteOffset: 7)) {
            try read("YQ== 0\nYg= 1")
        }
        #expect(throws: VocabularyError.empty(file: "test.tiktoken")) { try read("") }
    }

    @Test func duplicatesAreErrors() {
        #expect(throws: VocabularyError.duplicateRank(file: "test.tiktoken", line: 2, byteOffset: 12, rank: 0)) {
            try read("YQ== 0\nYg== 0\n")
        }
        #expect(throws: VocabularyError.duplicateTokenBytes(file: "test.tiktoken", line: 2, byteOffset: 7, rank: 1,
                                                            sameAsRank: 0)) {
            try read("YQ== 0\nYQ== 1\n")
        }
        #expect(throws: VocabularyError.rankTooLarge(file: "test.tiktoken", line: 1, byteOffset: 5, rank: 99_999_999,
                                                     limit: TiktokenRanksReader.maximumRank)) {
            try read("YQ== 99999999\n")
        }
    }

    @Test func tokenizerJSONErrorsNameTheirPointer() throws {
        let unsupported = #"{"model": {"type": "Unigram", "vocab": []}}"#
        #expect(throws: VocabularyError.unsupportedComponent(file: "t.json", pointer: "/model/type", type: "Unigram")) {
            try HuggingFaceTokenizerReader.tokenizer(from: Data(unsupported.utf8), file: "t.json")
        }
        let badMerge = #"{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["a zz"]}}"#
        #expect(throws: VocabularyError.unknownToken(file: "t.json", pointer: "/model/merges/0", token: "zz")) {
            try HuggingFaceTokenizerReader.tokenizer(from: Data(badMerge.utf8), file: "t.json")
        }
        #expect(throws: VocabularyError.self) {
            try HuggingFaceTokenizerReader.tokenizer(from: Data("{".utf8), file: "t.json")
        }
    }
}
