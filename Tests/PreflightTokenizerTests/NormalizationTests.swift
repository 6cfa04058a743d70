import PreflightTokenizer
import Testing

/// The normaliser stage alone, through ICU.
struct NormalizationTests {
    @Test func composesAndDecomposes() {
        let decomposed = "A\u{30A}"  // A + combining ring
        #expect(Array(Normalizer.nfc.apply(to: decomposed).text.unicodeScalars) == ["\u{C5}"])
        #expect(Array(Normalizer.nfd.apply(to: "\u{C5}").text.unicodeScalars) == ["A", "\u{30A}"])
        #expect(Array(Normalizer.nfkc.apply(to: "\u{FB01}").text.unicodeScalars) == ["f", "i"])
        #expect(Normalizer.nfc.apply(to: "\u{FB01}").isChanged == false)
    }

    @Test func asciiAndNormalizedTextAreUnchanged() {
        #expect(Normalizer.nfc.apply(to: "plain ascii").isChanged == false)
        #expect(Normalizer.nfc.apply(to: "d\u{E9}j\u{E0} vu").isChanged == false)
        #expect(Normalizer.nfc.apply(to: "de\u{301}ja\u{300}").isChanged == true)
    }

    @Test func longTextNeedsTheRetryBuffer() {
        // U+FB2C decomposes into three scalars and is a composition exclusion, so NFC triples
        // its length, past the first buffer (twice the input).
        let text = String(repeating: "\u{FB2C}", count: 5000)
        let result = Normalizer.nfc.apply(to: text).text
        #expect(result.unicodeScalars.count == 15000)
        #expect(Array(result.unicodeScalars.prefix(3)) == ["\u{5E9}", "\u{5BC}", "\u{5C1}"])
    }

    @Test func lowercaseAndSequence() {
        #expect(Array(Normalizer.lowercase.apply(to: "\u{C0}B\u{130}").text.unicodeScalars) == ["\u{E0}", "b", "i", "\u{307}"])
        let both = Normalizer.sequence([.nfd, .lowercase])
        #expect(Array(both.apply(to: "\u{C9}").text.unicodeScalars) == ["e", "\u{301}"])
    }
}
