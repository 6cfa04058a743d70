/// Why a WordPiece vocabulary (BERT's `vocab.txt`, or the WordPiece model of a `tokenizer.json`)
/// could not be loaded.
public enum WordPieceVocabularyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The file holds no tokens.
    case empty(file: String)
    /// A line is not valid UTF-8.
    case invalidUTF8(file: String, line: Int, byteOffset: Int)
    /// A line is empty, so it names no token (ids are line numbers, so it cannot be skipped).
    case emptyLine(file: String, line: Int, byteOffset: Int)
    /// A token appears on two lines.
    case duplicateToken(file: String, line: Int, token: String, firstLine: Int)
    /// The unknown token (`[UNK]`) is not in the vocabulary.
    case missingUnknownToken(file: String, token: String)
    /// A JSON vocabulary (tokenizer.json `model.vocab`) is malformed at this JSON Pointer.
    case invalidJSON(file: String, pointer: String, reason: String)

    /// What is wrong, and where.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the WordPiece vocabulary (\(reason))"
        case let .empty(file):
            return "\(file): the WordPiece vocabulary holds no tokens"
        case let .invalidUTF8(file, line, offset):
            return "\(file):\(line) (byte \(offset)): the line is not valid UTF-8"
        case let .emptyLine(file, line, offset):
            return "\(file):\(line) (byte \(offset)): empty line; every line of vocab.txt is one token, its id the line number"
        case let .duplicateToken(file, line, token, firstLine):
            return "\(file):\(line): token \"\(token)\" already appears on line \(firstLine)"
        case let .missingUnknownToken(file, token):
            return "\(file): the unknown token \"\(token)\" is not in the vocabulary; pass the right unknown_token"
        case let .invalidJSON(file, pointer, reason):
            return "\(file) at \(pointer): \(reason)"
        }
    }
}
