import Foundation
import PreflightTokenizer
import Testing

/// The Tekken and tokenizer.json readers on small hand-written files, and decoding edge cases.
struct ReaderTests {
    /// The 256 one-byte tokens, base64-encoded, as Tekken's `vocab` lists them.
    static func tekkenVocabulary(extra: [String]) -> [[String: Any]] {
        var items: [[String: Any]] = (0..<256).map { ["rank": $0, "token_bytes": Data([UInt8($0)]).base64EncodedString()] }
        for (index, token) in extra.enumerated() {
            items.append(["rank": 256 + index, "token_bytes": Data(token.utf8).base64EncodedString()])
        }
        return items
    }

    @Test func tekkenOffsetsIdsAndDropsInactiveRanks() throws {
        let json: [String: Any] = [
            "config": [
                "pattern": SplitPattern.tekken.publishedRegexes[0], "default_vocab_size": 3 + 257,
                "default_num_special_tokens": 3, "version": "v3",
            ],
            // "abc" has rank 257, past the 257 active ranks, so it never applies.
            "vocab": Self.tekkenVocabulary(extra: ["ab", "abc"]),
            "special_tokens": [
                ["rank": 0, "token_str": "<unk>", "is_control": true], ["rank": 1, "token_str": "<s>", "is_control": true],
                ["rank": 2, "token_str": "</s>", "is_control": true],
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: json)
        let tokenizer = try TekkenReader.tokenizer(from: data, file: "tekken.json")
        #expect(tokenizer.encode("abc") == [TokenID(256 + 3), TokenID(99 + 3)])
        #expect(tokenizer.id(ofSpecialToken: "<s>") == 1)
        #expect(tokenizer.encode("<s>", specialTokens: .honored) == [1])
        #expect(tokenizer.decode([1, 259, 102]) == "<s>abc")
    }

    @Test func tokenizerJSONWithSequencesTemplateAndPairMerges() throws {
        // A Llama 3 style file: NFC, Split + ByteLevel(use_regex: false), merges as pairs, and a
        // template adding <bos> … <eos>. Vocabulary: the 256 byte-level characters, then "ab".
        var vocab: [String: Int] = [:]
        for (byte, scalar) in ByteLevelAlphabet.scalars.enumerated() { vocab[String(Character(scalar))] = byte }
        vocab["ab"] = 256
        let json: [String: Any] = [
            "added_tokens": [
                ["id": 257, "content": "<bos>", "special": true], ["id": 258, "content": "<eos>", "special": true],
            ],
            "normalizer": ["type": "Sequence", "normalizers": [["type": "NFC"]]],
            "pre_tokenizer": [
                "type": "Sequence",
                "pretokenizers": [
                    ["type": "Split", "pattern": ["Regex": SplitPattern.llama3.publishedRegexes[0]], "behavior": "Isolated",
                     "invert": false],
                    ["type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false],
                ],
            ],
            "post_processor": [
                "type": "TemplateProcessing",
                "single": [["SpecialToken": ["id": "<bos>", "type_id": 0]], ["Sequence": ["id": "A", "type_id": 0]],
                           ["SpecialToken": ["id": "<eos>", "type_id": 0]]],
                "special_tokens": ["<bos>": ["id": "<bos>", "ids": [257], "tokens": ["<bos>"]],
                                   "<eos>": ["id": "<eos>", "ids": [258], "tokens": ["<eos>"]]],
            ],
            "decoder": ["type": "ByteLevel"],
            "model": ["type": "BPE", "vocab": vocab, "merges": [["a", "b"]], "ignore_merges": true],
        ]
        let data = try JSONSerialization.data(withJSONObject: json)
        let tokenizer = try HuggingFaceTokenizerReader.tokenizer(from: data, file: "tokenizer.json")
        #expect(tokenizer.encode("ab ab") == [256, 32, 256])
        #expect(tokenizer.encode("ab", addingSpecialTokens: true) == [257, 256, 258])
        #expect(tokenizer.encode("<bos>", specialTokens: .honored) == [257])
        // NFC first: "e" + U+0301 becomes U+00E9, bytes C3 A9.
        #expect(tokenizer.encode("e\u{301}") == [0xC3, 0xA9])
    }

    @Test func unsupportedPreTokenizerNamesItsPointer() throws {
        let json: [String: Any] = [
            "pre_tokenizer": ["type": "Sequence", "pretokenizers": [["type": "Whitespace"]]],
            "model": ["type": "BPE", "vocab": [String: Int](), "merges": [String]()],
        ]
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: VocabularyError.unsupportedComponent(file: "t.json", pointer: "/pre_tokenizer/pretokenizers/0/type",
                                                             type: "Whitespace")) {
            try HuggingFaceTokenizerReader.tokenizer(from: data, file: "t.json")
        }
    }

    @Test func decodingSplitCharactersIsLossyOrAnError() throws {
        let tokens: [[UInt8]?] = (0..<256).map { [UInt8($0)] }
        let model = try BytePairModel(vocabulary: try Vocabulary(tokens: tokens))
        let tokenizer = Tokenizer(preTokenizer: .split(.o200k), model: .bytePair(model))
        #expect(tokenizer.encode("é") == [0xC3, 0xA9])
        #expect(tokenizer.decode([0xC3]) == "\u{FFFD}")
        #expect(throws: DetokenizationError.invalidUTF8(byteOffset: 0)) { try tokenizer.decodeValidating([0xC3]) }
        #expect(throws: DetokenizationError.unknownID(TokenID(999), index: 1)) { try tokenizer.decodeBytes([97, 999]) }
        #expect(tokenizer.decode([97, 999, 98]) == "ab")
    }
}

/// Added-token matching on its own.
struct AddedTokensTests {
    @Test func longestMatchWinsAndNonSpecialAlwaysMatches() throws {
        let tokens: [[UInt8]?] = (0..<256).map { [UInt8($0)] }
        let model = try BytePairModel(vocabulary: try Vocabulary(tokens: tokens))
        let added = try AddedTokens([
            AddedTokens.Entry(content: "<a>", id: 300), AddedTokens.Entry(content: "<a>b", id: 301),
            AddedTokens.Entry(content: "<think>", id: 302, isSpecial: false),
        ])
        let tokenizer = Tokenizer(preTokenizer: .split(.llama3), model: .bytePair(model), addedTokens: added)
        #expect(tokenizer.encode("x<a>by", specialTokens: .honored) == [120, 301, 121])
        #expect(tokenizer.encode("<a>", specialTokens: .plainText) == [60, 97, 62])
        // Non-special added tokens are cut out even as plain text, as Hugging Face does.
        #expect(tokenizer.encode("<think>", specialTokens: .plainText) == [302])
        #expect(tokenizer.count(of: "<a><a>", specialTokens: .honored) == 2)
        #expect(throws: VocabularyError.self) {
            try AddedTokens([AddedTokens.Entry(content: "<a>", id: 1), AddedTokens.Entry(content: "<a>", id: 2)])
        }
    }
}
