import PreflightCatalog
import PreflightTokenizer
import Testing

/// The model stage alone: hand-made vocabularies, and the fast merge loops against a naive
/// reference merger.
struct BytePairModelTests {
    /// 256 one-byte tokens (id = byte), then the given multi-byte tokens from id 256.
    static func handVocabulary(_ extra: [String]) throws -> Vocabulary {
        var tokens: [[UInt8]?] = (0..<256).map { [UInt8($0)] }
        tokens += extra.map { Array($0.utf8) }
        return try Vocabulary(tokens: tokens)
    }

    @Test func mergesByRankLikeTiktoken() throws {
        // "ab" (256) ranks before "bc" (257): "abc" → ab + c. With "abc" (258) present and the
        // whole-piece look-up off, the merges still reach it: ab, then ab+c.
        let without = try BytePairModel(vocabulary: try Self.handVocabulary(["ab", "bc"]), looksUpWholePieces: false)
        #expect(without.encode(piece: Array("abc".utf8)) == [256, 99])
        let with = try BytePairModel(vocabulary: try Self.handVocabulary(["ab", "bc", "abc"]), looksUpWholePieces: false)
        #expect(with.encode(piece: Array("abc".utf8)) == [258])
        // Ties go to the leftmost pair: "aaa" → aa + a.
        let aa = try BytePairModel(vocabulary: try Self.handVocabulary(["aa"]))
        #expect(aa.encode(piece: Array("aaa".utf8)) == [256, 97])
        #expect(aa.encode(piece: Array("aaaa".utf8)) == [256, 256])
    }

    @Test func mergesByListPriorityNotId() throws {
        // The list puts b+c before a+b although "ab" has the lower id: "abc" → a + bc.
        let vocabulary = try Self.handVocabulary(["ab", "bc"])
        let table = MergeTable([(98, 99, 257), (97, 98, 256)])
        let model = try BytePairModel(vocabulary: vocabulary, mergeRule: .list(table), looksUpWholePieces: false)
        #expect(model.encode(piece: Array("abc".utf8)) == [97, 257])
        // Not listed, so never merged even though "ab"+"c" would spell nothing and "ab" is a token.
        let only = try BytePairModel(vocabulary: vocabulary, mergeRule: .list(MergeTable([])), looksUpWholePieces: false)
        #expect(only.encode(piece: Array("ab".utf8)) == [97, 98])
    }

    @Test func wholePieceLookUpComesFirst() throws {
        // tiktoken emits a piece that is itself a token without merging, even when the merges
        // would not reach it ("abc" cannot be formed: neither "ab" nor "bc" exists).
        let model = try BytePairModel(vocabulary: try Self.handVocabulary(["abc"]))
        #expect(model.encode(piece: Array("abc".utf8)) == [256])
    }

    @Test func rejectsVocabularyWithoutAllBytes() throws {
        let tokens: [[UInt8]?] = (0..<255).map { [UInt8($0)] }
        #expect(throws: VocabularyError.missingByteToken(file: "<memory>", byte: 255)) {
            try BytePairModel(vocabulary: try Vocabulary(tokens: tokens))
        }
    }

    /// tiktoken's merge rule spelled out as plainly as possible: parts as byte arrays, merge
    /// the adjacent pair whose concatenation has the lowest rank, leftmost on ties.
    static func referenceMerge(_ piece: [UInt8], vocabulary: Vocabulary) -> [TokenID] {
        if let whole = vocabulary.id(of: piece) { return [TokenID(whole)] }
        var parts = piece.map { [$0] }
        while parts.count > 1 {
            var best: (rank: UInt32, index: Int)? = nil
            for i in 0..<(parts.count - 1) {
                if let rank = vocabulary.id(of: parts[i] + parts[i + 1]), rank < (best?.rank ?? UInt32.max) {
                    best = (rank, i)
                }
            }
            guard let (_, i) = best else { break }
            parts[i] += parts[i + 1]
            parts.remove(at: i + 1)
        }
        return parts.map { TokenID(vocabulary.id(of: $0) ?? UInt32.max) }
    }

    @Test(arguments: ["o200k_base", "cl100k_base"])
    func fastMergeEqualsReferenceMerge(_ name: String) throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        guard case .bytePair(let model) = tokenizer.model else {
            Issue.record("\(name) is not a BPE model")
            return
        }
        var generator = SeededGenerator(seed: 7)
        let alphabets: [[UInt8]] = [
            Array("ab".utf8), Array("abcdefghijklmnopqrstuvwxyz".utf8), Array("etaoin shrdlu".utf8),
            Array("0123456789".utf8), Array("日本語".utf8), (0...255).map { UInt8($0) },
        ]
        for round in 0..<300 {
            let alphabet = alphabets[round % alphabets.count]
            // Lengths on both sides of the cut between the rescan and the heap (BytePairModel.rescanLimit).
            let length = [1, 2, 5, 17, 23, 24, 25, 63, 64, 65, 130, 400][round % 12]
            let piece = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let expected = Self.referenceMerge(piece, vocabulary: model.vocabulary)
            #expect(model.encode(piece: piece) == expected, "\(name) round \(round) length \(length)")
        }
    }
}
