@testable import PreflightTokenizer
import Testing

/// The hand-written ModelProto reader: fields and defaults, typed errors with byte offsets, and
/// no crash on truncated or random bytes.
struct SentencePieceModelReaderTests {
    @Test func readsPiecesAndSpecs() throws {
        let proto = try SentencePieceModelReader.parse(SentencePieceTestModel.tiny.bytes)
        #expect(proto.pieces.count == 11)
        #expect(proto.pieces[6].text == Array("ab".utf8))
        #expect(proto.pieces[6].score == -1)
        #expect(proto.pieces[0].kind == .unknown)
        #expect(proto.pieces[1].kind == .control)
        #expect(proto.pieces[9].kind == .userDefined)
        #expect(proto.modelType == 2)
        #expect(!proto.byteFallback)
        #expect(proto.normalizer.name == "identity")
        #expect(proto.normalizer.addDummyPrefix)
        #expect(!proto.normalizer.removeExtraWhitespaces)
        #expect(proto.normalizer.escapeWhitespaces)  // absent field: the schema's default
    }

    @Test func wrongWireTypeNamesFieldAndOffset() {
        // Field 1 (pieces) sent as a varint.
        #expect(throws: SentencePieceModelError.wrongWireType(field: 1, expected: 2, found: 0, byteOffset: 0)) {
            try SentencePieceModelReader.parse([0x08, 0x01])
        }
    }

    @Test func groupWireTypeIsRefused() {
        #expect(throws: SentencePieceModelError.unsupportedWireType(wireType: 3, field: 1, byteOffset: 0)) {
            try SentencePieceModelReader.parse([0x0B])
        }
    }

    @Test func truncatedVarintAndLength() {
        #expect(throws: SentencePieceModelError.truncatedVarint(byteOffset: 0)) {
            try SentencePieceModelReader.parse([0x80])
        }
        #expect(throws: SentencePieceModelError.lengthOutOfBounds(field: 1, length: 5, byteOffset: 1)) {
            try SentencePieceModelReader.parse([0x0A, 0x05, 0x00])
        }
    }

    @Test func everyTruncationFailsCleanlyOrParsesAPrefix() {
        let bytes = SentencePieceTestModel.tiny.bytes
        var failures = 0
        for cut in 0..<bytes.count {
            do { _ = try SentencePieceModelReader.parse(Array(bytes[..<cut])) } catch { failures += 1 }
        }
        // Cuts inside a piece or spec message always fail; cuts between top-level fields parse.
        #expect(failures > bytes.count / 2)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 2581)
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<64, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if let proto = try? SentencePieceModelReader.parse(bytes) {
                _ = try? SentencePieceModel(proto)
            }
        }
    }

    @Test func unigramModelIsRefused() throws {
        var model = SentencePieceTestModel.tiny
        model.modelType = 1
        let proto = try SentencePieceModelReader.parse(model.bytes)
        #expect(throws: SentencePieceModelError.modelTypeNotBPE(found: 1)) { try SentencePieceModel(proto) }
    }

    @Test func duplicatePieceIsRefused() throws {
        var model = SentencePieceTestModel.tiny
        model.pieces.append(("ab", -5, 1))
        let proto = try SentencePieceModelReader.parse(model.bytes)
        #expect(throws: SentencePieceModelError.duplicatePiece(pieceIndex: 11, piece: "ab")) { try SentencePieceModel(proto) }
    }

    @Test func textDefinedAsControlAndNormalIsRefused() throws {
        // sentencepiece 0.2.3 refuses this model too ("<s> is already defined").
        var model = SentencePieceTestModel.tiny
        model.pieces.append(("<s>", -1, 1))
        let proto = try SentencePieceModelReader.parse(model.bytes)
        #expect(throws: SentencePieceModelError.duplicatePiece(pieceIndex: 11, piece: "<s>")) { try SentencePieceModel(proto) }
    }

    @Test func byteFallbackNeedsAllBytePieces() throws {
        var model = SentencePieceTestModel.tiny
        model.byteFallback = true
        let proto = try SentencePieceModelReader.parse(model.bytes)
        #expect(throws: SentencePieceModelError.missingBytePiece(byte: 0)) { try SentencePieceModel(proto) }
    }

    @Test func errorMessagesSayWhere() {
        let message = SentencePieceModelError.lengthOutOfBounds(field: 1, length: 5, byteOffset: 1).description
        #expect(message.contains("byte 1") && message.contains("field 1"))
    }
}
