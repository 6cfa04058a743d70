/// WordPiece (BERT, BGE embeddings), as Hugging Face's `WordPiece` model encodes a word: take the
/// longest vocabulary token that starts the word, then repeatedly the longest continuation token
/// (`##…`) that starts the rest; if some rest has no match, or the word is longer than
/// `maxInputCharactersPerWord` characters, the whole word is the unknown token.
public struct WordPieceModel: Sendable {
    /// Every token, at its id.
    let tokens: Vocabulary
    /// Continuation tokens with their prefix removed (`##ing` is stored as `ing`), at their ids.
    let continuations: Vocabulary
    /// The unknown token's id (`[UNK]`).
    public let unknownID: UInt32
    /// Words longer than this many characters become the unknown token.
    public let maxInputCharactersPerWord: Int
    /// The continuation prefix (`##`).
    public let continuingSubwordPrefix: String

    /// The number of ids.
    public var vocabularySize: Int { tokens.count }

    /// A model over `tokens` (index = id).
    /// - Throws: `WordPieceVocabularyError.missingUnknownToken` when `unknownToken` is not a token,
    ///   `.duplicateToken` or `.emptyLine` for a malformed token list.
    /// - Complexity: O(total bytes).
    public init(
        tokens: [String], unknownToken: String = "[UNK]", continuingSubwordPrefix: String = "##",
        maxInputCharactersPerWord: Int = 100, file: String = "<memory>"
    ) throws(WordPieceVocabularyError) {
        let prefix = Array(continuingSubwordPrefix.utf8)
        let bytes = tokens.map { Array($0.utf8) }
        do {
            self.tokens = try Vocabulary(tokens: bytes, file: file)
        } catch {
            switch error {
            case let .duplicateToken(_, first, second):
                throw .duplicateToken(file: file, line: second + 1, token: tokens[second], firstLine: first + 1)
            case let .emptyToken(_, id):
                throw .emptyLine(file: file, line: id + 1, byteOffset: 0)
            default:
                throw .empty(file: file)
            }
        }
        let stripped: [[UInt8]?] = bytes.map { token in
            guard !prefix.isEmpty, token.count > prefix.count, token.starts(with: prefix) else { return nil }
            return Array(token.dropFirst(prefix.count))
        }
        // Invariant: distinct tokens with a common prefix stay distinct once it is removed.
        guard let continuations = try? Vocabulary(tokens: stripped, file: file) else { throw .empty(file: file) }
        self.continuations = continuations
        guard let unknown = self.tokens.id(of: Array(unknownToken.utf8)) else {
            throw .missingUnknownToken(file: file, token: unknownToken)
        }
        self.unknownID = unknown
        self.maxInputCharactersPerWord = maxInputCharactersPerWord
        self.continuingSubwordPrefix = continuingSubwordPrefix
    }

    /// The text of token `id` as written in the vocabulary (`##ing` keeps its prefix), or nil.
    public func tokenText(of id: UInt32) -> [UInt8]? { tokens.bytes(of: id) }

    /// Pointer views of the two tables, valid inside ``withTables(_:)``.
    struct Tables {
        let tokens: VocabularyView
        let continuations: VocabularyView
    }

    /// Runs `body` with pointer views of the token tables.
    func withTables<R>(_ body: (Tables) -> R) -> R {
        tokens.withView { tokens in continuations.withView { body(Tables(tokens: tokens, continuations: $0)) } }
    }

    /// Feeds `sink` the ids of one word (a piece from ``BertPreTokenizer``).
    /// - Returns: false when the sink asked to stop.
    /// - Complexity: O(*k*²) for a word of *k* ≤ `maxInputCharactersPerWord` characters.
    func encode<S: TokenSink>(_ word: UnsafeRawBufferPointer, tables: Tables, into sink: inout S) -> Bool {
        var characters = 0
        for byte in word where byte & 0xC0 != 0x80 { characters += 1 }
        guard characters > 0 else { return true }
        guard characters <= maxInputCharactersPerWord else { return sink.append(unknownID) }
        // At most one token per character; found ids wait here because a later miss makes the
        // whole word `[UNK]`.
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: characters) { found in
            var count = 0
            var start = 0
            while start < word.count {
                var end = word.count
                var match: UInt32?
                let table = start == 0 || continuingSubwordPrefix.isEmpty ? tables.tokens : tables.continuations
                while start < end {
                    if let id = table.find(UnsafeRawBufferPointer(rebasing: word[start..<end])) {
                        match = id
                        break
                    }
                    // Step back one character.
                    end -= 1
                    while end > start && word[end] & 0xC0 == 0x80 { end -= 1 }
                }
                guard let match else { return sink.append(unknownID) }
                found[count] = match
                count += 1
                start = end
            }
            for index in 0..<count where !sink.append(found[index]) { return false }
            return true
        }
    }
}
