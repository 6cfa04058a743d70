/// Why a vocabulary or tokenizer file could not be loaded: what is wrong and where (file, line,
/// byte offset, or JSON Pointer), with a `description` a person can act on.
public enum VocabularyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file holds no tokens.
    case empty(file: String)
    /// A rank-file line is not `<base64> <rank>`.
    case malformedLine(file: String, line: Int, byteOffset: Int, reason: String)
    /// A rank-file line's rank is not a decimal integer.
    case malformedRank(file: String, line: Int, byteOffset: Int, rank: String)
    /// A rank-file line's token is not valid base64 (the offset is that of the bad character).
    case invalidBase64(file: String, line: Int, byteOffset: Int)
    /// A rank is larger than the engine accepts (ids are dense arrays).
    case rankTooLarge(file: String, line: Int, byteOffset: Int, rank: Int, limit: Int)
    /// The same rank appears twice.
    case duplicateRank(file: String, line: Int, byteOffset: Int, rank: Int)
    /// A rank-file line's token has the same bytes as an earlier rank's.
    case duplicateTokenBytes(file: String, line: Int, byteOffset: Int, rank: Int, sameAsRank: Int)
    /// Two ids have the same bytes, so text could not map back to one id.
    case duplicateToken(file: String, firstID: Int, secondID: Int)
    /// A token has no bytes.
    case emptyToken(file: String, id: Int)
    /// A byte-level BPE vocabulary lacks the one-byte token for `byte`, so some text could not be encoded.
    case missingByteToken(file: String, byte: UInt8)
    /// The JSON is malformed, or a value has the wrong type (the pointer says where).
    case invalidJSON(file: String, pointer: String, reason: String)
    /// A tokenizer.json component the engine does not implement (the pointer says where).
    case unsupportedComponent(file: String, pointer: String, type: String)
    /// A token named by a merge, a special token or a template is not in the vocabulary.
    case unknownToken(file: String, pointer: String, token: String)

    /// What went wrong, where, and what to do about it.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file (\(reason))"
        case .empty(let file):
            return "\(file): no tokens; is this the right file?"
        case .malformedLine(let file, let line, let offset, let reason):
            return "\(file):\(line) (byte \(offset)): \(reason); expected '<base64 token> <rank>'"
        case .malformedRank(let file, let line, let offset, let rank):
            return "\(file):\(line) (byte \(offset)): rank '\(rank)' is not an integer"
        case .invalidBase64(let file, let line, let offset):
            return "\(file):\(line) (byte \(offset)): token is not valid base64"
        case .rankTooLarge(let file, let line, let offset, let rank, let limit):
            return "\(file):\(line) (byte \(offset)): rank \(rank) is larger than the supported \(limit)"
        case .duplicateRank(let file, let line, let offset, let rank):
            return "\(file):\(line) (byte \(offset)): rank \(rank) appears twice"
        case .duplicateTokenBytes(let file, let line, let offset, let rank, let other):
            return "\(file):\(line) (byte \(offset)): rank \(rank) has the same bytes as rank \(other); each token must be unique"
        case .duplicateToken(let file, let first, let second):
            return "\(file): ids \(first) and \(second) have the same bytes; each token must be unique"
        case .emptyToken(let file, let id):
            return "\(file): token \(id) has no bytes"
        case .missingByteToken(let file, let byte):
            return "\(file): no one-byte token for byte 0x\(String(byte, radix: 16, uppercase: true)); "
                + "byte-level BPE needs all 256"
        case .invalidJSON(let file, let pointer, let reason):
            return "\(file) at '\(pointer)': \(reason)"
        case .unsupportedComponent(let file, let pointer, let type):
            return "\(file) at '\(pointer)': component '\(type)' is not supported by this engine"
        case .unknownToken(let file, let pointer, let token):
            return "\(file) at '\(pointer)': token '\(token)' is not in the vocabulary"
        }
    }
}
