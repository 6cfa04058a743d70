@testable import PreflightTokenizer

/// Builds SentencePiece `ModelProto` bytes by hand (protobuf wire format), so stage tests run
/// on tiny models whose every merge can be worked out on paper.
struct SentencePieceTestModel {
    var pieces: [(text: String, score: Float, type: Int)]
    var modelType = 2
    var byteFallback = false
    var addDummyPrefix = true

    /// Ten pieces: `<unk>`, `<s>`, `</s>`, `▁`, `a`, `b`, `ab` (-1), `▁a` (-2), `▁ab` (-3),
    /// the user-defined `<x>`, and `aa` (-1, ties with `ab`).
    static let tiny = SentencePieceTestModel(pieces: [
        ("<unk>", 0, 2), ("<s>", 0, 3), ("</s>", 0, 3), ("\u{2581}", 0, 1), ("a", 0, 1), ("b", 0, 1),
        ("ab", -1, 1), ("\u{2581}a", -2, 1), ("\u{2581}ab", -3, 1), ("<x>", 0, 4), ("aa", -1, 1),
    ])

    /// `tiny` plus the 256 `<0xNN>` byte pieces (ids 11…266) and byte fallback on.
    static var tinyWithBytes: SentencePieceTestModel {
        var model = tiny
        model.byteFallback = true
        for byte in 0...255 {
            model.pieces.append((SentencePieceModel.bytePieceText(UInt8(byte)), 0, 6))
        }
        return model
    }

    var bytes: [UInt8] {
        var output: [UInt8] = []
        for piece in pieces {
            var message: [UInt8] = []
            Self.appendBytes(field: 1, Array(piece.text.utf8), to: &message)
            Self.appendTag(field: 2, wireType: 5, to: &message)
            withUnsafeBytes(of: piece.score.bitPattern.littleEndian) { message.append(contentsOf: $0) }
            Self.appendTag(field: 3, wireType: 0, to: &message)
            Self.appendVarint(UInt64(piece.type), to: &message)
            Self.appendBytes(field: 1, message, to: &output)
        }
        var trainer: [UInt8] = []
        Self.appendTag(field: 3, wireType: 0, to: &trainer)
        Self.appendVarint(UInt64(modelType), to: &trainer)
        Self.appendTag(field: 35, wireType: 0, to: &trainer)
        Self.appendVarint(byteFallback ? 1 : 0, to: &trainer)
        Self.appendBytes(field: 2, trainer, to: &output)
        var normalizer: [UInt8] = []
        Self.appendBytes(field: 1, Array("identity".utf8), to: &normalizer)
        Self.appendTag(field: 3, wireType: 0, to: &normalizer)
        Self.appendVarint(addDummyPrefix ? 1 : 0, to: &normalizer)
        Self.appendTag(field: 4, wireType: 0, to: &normalizer)
        Self.appendVarint(0, to: &normalizer)
        Self.appendBytes(field: 3, normalizer, to: &output)
        return output
    }

    func tokenizer() throws -> Tokenizer {
        let model = try SentencePieceModel(try SentencePieceModelReader.parse(bytes))
        return try Tokenizer.sentencePiece(model, specialTokens: [("<s>", 1), ("</s>", 2)], prefix: ["<s>"])
    }

    static func appendVarint(_ value: UInt64, to output: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            output.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        output.append(UInt8(value))
    }

    static func appendTag(field: Int, wireType: Int, to output: inout [UInt8]) {
        appendVarint(UInt64(field << 3 | wireType), to: &output)
    }

    static func appendBytes(field: Int, _ bytes: [UInt8], to output: inout [UInt8]) {
        appendTag(field: field, wireType: 2, to: &output)
        appendVarint(UInt64(bytes.count), to: &output)
        output.append(contentsOf: bytes)
    }
}
