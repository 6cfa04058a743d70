import PreflightTestSupport
import PreflightTokenizer
import Testing

/// The split scanners, stage alone, against the pieces Python's `regex` module finds with each
/// published pattern (values computed with `regex.findall(pattern, text)`).
struct PreTokenizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pattern: SplitPattern
        var text: String
        var pieces: [String]
        var testDescription: String { "\(pattern) \(text.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(pattern: .llama3, text: "I'm 123abc", pieces: ["I", "'m", " ", "123", "abc"]),
        Case(pattern: .llama3, text: "HELLO'S world'LL  \n\n  x",
             pieces: ["HELLO", "'S", " world", "'LL", "  \n\n", " ", " x"]),
        Case(pattern: .llama3, text: "  12345 ok!!\n\n", pieces: [" ", " ", "123", "45", " ok", "!!\n\n"]),
        Case(pattern: .cl100k, text: "I'm 123abc", pieces: ["I", "'m", " ", "123", "abc"]),
        Case(pattern: .cl100k, text: "trailing   ", pieces: ["trailing", "   "]),
        Case(pattern: .cl100k, text: "a \n  \n b", pieces: ["a", " \n  \n", " b"]),
        Case(pattern: .cl100k, text: "'\u{17F} and 'Ll", pieces: ["'\u{17F}", " and", " '", "Ll"]),
        Case(pattern: .qwen2, text: "abc 12345", pieces: ["abc", " ", "1", "2", "3", "4", "5"]),
        Case(pattern: .o200k, text: "Don't STOP'll CamelCase", pieces: ["Don't", " STOP'll", " Camel", "Case"]),
        Case(pattern: .o200k, text: "\u{301}A x", pieces: ["\u{301}", "A", " x"]),
        Case(pattern: .o200k, text: "path/to\n/x !\n/", pieces: ["path", "/to", "\n", "/x", " !\n/"]),
        Case(pattern: .tekken, text: "Don't 2024", pieces: ["Don", "'t", " ", "2", "0", "2", "4"]),
        Case(pattern: .gpt2, text: "Hello's  world 42 ?!", pieces: ["Hello", "'s", " ", " world", " 42", " ?!"]),
        Case(pattern: .gpt2, text: "I'M  ", pieces: ["I", "'", "M", "  "]),
    ]

    @Test(arguments: cases)
    func splitsLikeTheRegex(_ example: Case) {
        #expect(PreTokenizer.split(example.pattern).pieces(of: example.text) == example.pieces)
    }

    @Test func piecesCoverTheTextExactly() {
        var generator = SeededGenerator(seed: 42)
        for pattern in SplitPattern.allCases {
            for _ in 0..<200 {
                let text = randomText(length: 30, using: &generator)
                let pieces = PatternSplitter(pattern).pieces(of: text)
                #expect(Array(pieces.joined().utf8) == Array(text.utf8), "\(pattern) \(text.debugDescription)")
                #expect(!pieces.contains(""))
            }
        }
    }

    @Test func recognisesPublishedRegexesVerbatim() throws {
        for pattern in SplitPattern.allCases {
            for regex in pattern.publishedRegexes {
                #expect(try SplitPattern(regex: regex) == pattern)
            }
        }
        #expect(throws: PreTokenizerError.unknownPattern(#"\w+"#)) { try SplitPattern(regex: #"\w+"#) }
    }

    @Test func digitsAndSequences() {
        #expect(PreTokenizer.digits(individual: true).pieces(of: "a12b3") == ["a", "1", "2", "b", "3"])
        #expect(PreTokenizer.digits(individual: false).pieces(of: "a12b3") == ["a", "12", "b", "3"])
        let sequence = PreTokenizer.sequence([.split(.llama3), .digits(individual: true)])
        #expect(sequence.pieces(of: "x 123") == ["x", " ", "1", "2", "3"])
    }
}
