#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a SentencePiece `.model` file (a protobuf `ModelProto`) with a hand-written wire-format
/// reader, so the package needs no protobuf dependency.
///
/// The reader keeps only the fields encoding needs and skips the rest. It never traps on bad
/// input: truncated, corrupt or random bytes produce a ``SentencePieceModelError`` with the byte
/// offset of the problem.
public enum SentencePieceModelReader {
    /// Reads and parses the model file at `url`.
    /// - Complexity: O(*n*) in the file size.
    public static func read(contentsOf url: URL) throws(SentencePieceModelError) -> SentencePieceModelProto {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(path: url.path, reason: "\(error)")
        }
        return try parse([UInt8](data))
    }

    /// Parses the bytes of a serialised `ModelProto`.
    /// - Complexity: O(*n*) in the number of bytes.
    public static func parse(_ bytes: [UInt8]) throws(SentencePieceModelError) -> SentencePieceModelProto {
        var model = SentencePieceModelProto()
        var reader = SentencePieceWireReader(bytes: bytes, range: 0..<bytes.count)
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.field {
            case 1:
                let range = try reader.readRange(tag)
                model.pieces.append(try parsePiece(bytes, range, index: model.pieces.count))
            case 2:
                try parseTrainerSpec(bytes, try reader.readRange(tag), into: &model)
            case 3:
                model.normalizer = try parseNormalizerSpec(bytes, try reader.readRange(tag))
            default:
                try reader.skip(tag)
            }
        }
        return model
    }

    private static func parsePiece(
        _ bytes: [UInt8], _ range: Range<Int>, index: Int
    ) throws(SentencePieceModelError) -> SentencePieceModelProto.Piece {
        var piece = SentencePieceModelProto.Piece(text: [], score: 0, kind: .normal)
        var reader = SentencePieceWireReader(bytes: bytes, range: range)
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.field {
            case 1:
                let text = try reader.readRange(tag)
                piece.text = Array(bytes[text])
                guard String(validating: piece.text, as: UTF8.self) != nil else {
                    throw .invalidPieceText(pieceIndex: index, byteOffset: text.lowerBound)
                }
            case 2:
                try reader.expect(tag, .fixed32)
                piece.score = Float(bitPattern: try reader.readFixed32(field: tag.field))
            case 3:
                try reader.expect(tag, .varint)
                let offset = reader.position
                let raw = try reader.readVarint()
                guard raw <= 6, let kind = SentencePieceModelProto.PieceKind(rawValue: UInt8(raw)) else {
                    throw .unknownPieceType(pieceIndex: index, type: raw, byteOffset: offset)
                }
                piece.kind = kind
            default:
                try reader.skip(tag)
            }
        }
        return piece
    }

    private static func parseTrainerSpec(
        _ bytes: [UInt8], _ range: Range<Int>, into model: inout SentencePieceModelProto
    ) throws(SentencePieceModelError) {
        var reader = SentencePieceWireReader(bytes: bytes, range: range)
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.field {
            case 3: model.modelType = try reader.readInt32(tag)
            case 24: model.treatWhitespaceAsSuffix = try reader.readBool(tag)
            case 25: model.splitDigits = try reader.readBool(tag)
            case 35: model.byteFallback = try reader.readBool(tag)
            case 40: model.unknownID = try reader.readInt32(tag)
            case 41: model.bosID = try reader.readInt32(tag)
            case 42: model.eosID = try reader.readInt32(tag)
            case 43: model.padID = try reader.readInt32(tag)
            default: try reader.skip(tag)
            }
        }
    }

    private static func parseNormalizerSpec(
        _ bytes: [UInt8], _ range: Range<Int>
    ) throws(SentencePieceModelError) -> SentencePieceModelProto.NormalizerSpec {
        var spec = SentencePieceModelProto.NormalizerSpec()
        var reader = SentencePieceWireReader(bytes: bytes, range: range)
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.field {
            case 1: spec.name = String(decoding: bytes[try reader.readRange(tag)], as: UTF8.self)
            case 2: spec.hasPrecompiledCharsmap = !(try reader.readRange(tag)).isEmpty
            case 3: spec.addDummyPrefix = try reader.readBool(tag)
            case 4: spec.removeExtraWhitespaces = try reader.readBool(tag)
            case 5: spec.escapeWhitespaces = try reader.readBool(tag)
            default: try reader.skip(tag)
            }
        }
        return spec
    }
}
