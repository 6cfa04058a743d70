import Foundation

/// Reads WordPiece vocabularies: BERT's `vocab.txt` (one token per line, id = line number − 1)
/// and the `model` section of a Hugging Face `tokenizer.json` whose model type is `WordPiece`.
public enum WordPieceVocabularyReader {
    /// The WordPiece settings a `tokenizer.json` carries besides its tokens.
    public struct Settings: Sendable, Equatable {
        /// The unknown token (`[UNK]`).
        public var unknownToken = "[UNK]"
        /// The continuation prefix (`##`).
        public var continuingSubwordPrefix = "##"
        /// Longer words become the unknown token.
        public var maxInputCharactersPerWord = 100

        /// BERT's settings: `[UNK]`, `##`, 100 characters.
        public init() {}
    }

    /// The tokens of the `vocab.txt` at `url`, in id order.
    /// - Complexity: O(file size).
    public static func tokens(contentsOf url: URL) throws(WordPieceVocabularyError) -> [String] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(path: url.path, reason: "\(error.localizedDescription)")
        }
        return try tokens(parsing: [UInt8](data), file: url.lastPathComponent)
    }

    /// The tokens of `vocab.txt` bytes: each line, with trailing white space (and `\r`) removed,
    /// as Hugging Face's `WordPiece::read_file` does.
    /// - Complexity: O(*n*).
    public static func tokens(parsing bytes: [UInt8], file: String = "vocab.txt") throws(WordPieceVocabularyError) -> [String] {
        var result: [String] = []
        var lineStart = 0
        var lineNumber = 1
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            guard let line = String(validating: bytes[lineStart..<lineEnd], as: UTF8.self) else {
                throw .invalidUTF8(file: file, line: lineNumber, byteOffset: lineStart)
            }
            var scalars = line.unicodeScalars[...]
            while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
            guard !scalars.isEmpty else { throw .emptyLine(file: file, line: lineNumber, byteOffset: lineStart) }
            result.append(String(String.UnicodeScalarView(scalars)))
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        guard !result.isEmpty else { throw .empty(file: file) }
        return result
    }

    /// The tokens (in id order) and settings of a `tokenizer.json` with a WordPiece model.
    /// - Complexity: O(file size).
    public static func tokens(
        fromTokenizerJSON data: Data, file: String = "tokenizer.json"
    ) throws(WordPieceVocabularyError) -> (tokens: [String], settings: Settings) {
        struct Root: Decodable { var model: Model }
        struct Model: Decodable {
            var type: String?
            var vocab: [String: Int]
            var unk_token: String?
            var continuing_subword_prefix: String?
            var max_input_chars_per_word: Int?
        }
        let model: Model
        do { model = try JSONDecoder().decode(Root.self, from: data).model } catch {
            throw .invalidJSON(file: file, pointer: "/model", reason: "\(error)")
        }
        guard model.type == nil || model.type == "WordPiece" else {
            throw .invalidJSON(file: file, pointer: "/model/type", reason: "model type is \(model.type ?? ""), not WordPiece")
        }
        var tokens = [String?](repeating: nil, count: model.vocab.count)
        for (token, id) in model.vocab {
            guard id >= 0, id < tokens.count, tokens[id] == nil else {
                throw .invalidJSON(file: file, pointer: "/model/vocab/\(token)", reason: "id \(id) is out of 0..<\(tokens.count) or used twice")
            }
            tokens[id] = token
        }
        guard !tokens.isEmpty else { throw .empty(file: file) }
        var settings = Settings()
        if let unknown = model.unk_token { settings.unknownToken = unknown }
        if let prefix = model.continuing_subword_prefix { settings.continuingSubwordPrefix = prefix }
        if let limit = model.max_input_chars_per_word { settings.maxInputCharactersPerWord = limit }
        // Invariant: every slot was filled (ids are distinct and in range, and there are count of them).
        return (tokens.map { $0 ?? "" }, settings)
    }
}
