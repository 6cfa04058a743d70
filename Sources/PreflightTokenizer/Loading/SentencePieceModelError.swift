/// Why a SentencePiece `.model` file (a serialised `ModelProto`) could not be loaded.
///
/// Every case says where the problem is (a byte offset into the file, or a piece index), so the
/// message points at the broken spot instead of just saying "invalid model".
public enum SentencePieceModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadableFile(path: String, reason: String)
    /// A varint ran past the end of its enclosing message.
    case truncatedVarint(byteOffset: Int)
    /// A varint had more than ten bytes, which no valid protobuf encoder writes.
    case overlongVarint(byteOffset: Int)
    /// A fixed-width field (4 or 8 bytes) ran past the end of its enclosing message.
    case truncatedFixedWidth(field: Int, byteOffset: Int)
    /// A length-delimited field claimed more bytes than its enclosing message holds.
    case lengthOutOfBounds(field: Int, length: UInt64, byteOffset: Int)
    /// A field tag used wire type 3, 4, 6 or 7 (groups or reserved values), which this format never uses.
    case unsupportedWireType(wireType: Int, field: Int, byteOffset: Int)
    /// A known field arrived with a wire type other than the one the schema gives it.
    case wrongWireType(field: Int, expected: Int, found: Int, byteOffset: Int)
    /// A field tag had field number 0, which protobuf forbids.
    case invalidFieldNumber(byteOffset: Int)
    /// A piece's text is not valid UTF-8.
    case invalidPieceText(pieceIndex: Int, byteOffset: Int)
    /// A piece carried a type number outside SentencePiece's `Type` enum.
    case unknownPieceType(pieceIndex: Int, type: UInt64, byteOffset: Int)
    /// The model holds no pieces.
    case noPieces
    /// The trainer spec names a model type other than BPE (1 = unigram, 3 = word, 4 = char).
    case modelTypeNotBPE(found: Int)
    /// Two pieces of the same class share one text, which SentencePiece itself refuses to load.
    case duplicatePiece(pieceIndex: Int, piece: String)
    /// A piece has empty text, which SentencePiece itself refuses to load.
    case emptyPiece(pieceIndex: Int)
    /// Byte fallback is on but the `<0xNN>` piece for a byte is missing.
    case missingBytePiece(byte: UInt8)
    /// The normaliser rules are not the identity (a precompiled character map is present).
    case unsupportedNormalizer(name: String)
    /// No piece has type UNKNOWN, or `unk_id` does not name it.
    case missingUnknownPiece(unknownID: Int)

    /// A sentence saying what is wrong and where.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the SentencePiece model (\(reason))"
        case let .truncatedVarint(offset):
            return "SentencePiece model byte \(offset): a varint runs past the end of its message; the file is truncated or not a .model file"
        case let .overlongVarint(offset):
            return "SentencePiece model byte \(offset): a varint is longer than 10 bytes; the file is not a protobuf ModelProto"
        case let .truncatedFixedWidth(field, offset):
            return "SentencePiece model byte \(offset): fixed-width field \(field) runs past the end of its message; the file is truncated"
        case let .lengthOutOfBounds(field, length, offset):
            return "SentencePiece model byte \(offset): field \(field) claims \(length) bytes, more than its message holds; the file is truncated or corrupt"
        case let .unsupportedWireType(wireType, field, offset):
            return "SentencePiece model byte \(offset): field \(field) uses wire type \(wireType), which a ModelProto never contains"
        case let .wrongWireType(field, expected, found, offset):
            return "SentencePiece model byte \(offset): field \(field) has wire type \(found) but the ModelProto schema says \(expected)"
        case let .invalidFieldNumber(offset):
            return "SentencePiece model byte \(offset): a field tag has field number 0; the file is not a protobuf ModelProto"
        case let .invalidPieceText(index, offset):
            return "SentencePiece model byte \(offset): piece \(index) is not valid UTF-8"
        case let .unknownPieceType(index, type, offset):
            return "SentencePiece model byte \(offset): piece \(index) has type \(type); known types are 1 (normal) to 6 (byte)"
        case .noPieces:
            return "SentencePiece model holds no pieces; is this a ModelProto file?"
        case let .modelTypeNotBPE(found):
            let name = [1: "unigram", 3: "word", 4: "char"][found] ?? "type \(found)"
            return "SentencePiece model is a \(name) model; only BPE models are supported"
        case let .duplicatePiece(index, piece):
            return "SentencePiece model piece \(index) (\"\(piece)\") is already defined earlier"
        case let .emptyPiece(index):
            return "SentencePiece model piece \(index) is empty; every piece needs at least one byte"
        case let .missingBytePiece(byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "SentencePiece model enables byte fallback but has no piece <0x\(byte < 16 ? "0" : "")\(hex)>"
        case let .unsupportedNormalizer(name):
            return "SentencePiece model uses the \"\(name)\" normaliser with a precompiled character map; only identity normalisation is supported"
        case let .missingUnknownPiece(unknownID):
            return "SentencePiece model has no UNKNOWN piece at unk_id \(unknownID); SentencePiece requires exactly one"
        }
    }
}
