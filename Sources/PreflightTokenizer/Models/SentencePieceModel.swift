/// A SentencePiece BPE model (Llama 2, Mistral v1, Gemma 3): pieces with scores and types, as
/// the `sentencepiece` library's `bpe_model.cc` uses them.
///
/// Built once from a parsed ``SentencePieceModelProto``; afterwards it is immutable and shared.
/// Encoding works on normalised UTF-8 bytes (see ``SentencePieceNormalizer``) and produces ids;
/// see `SentencePieceModel+Encoding.swift` for the merge algorithm.
public struct SentencePieceModel: Sendable {
    /// Piece texts in id order: one byte buffer plus offsets.
    let pieceBytes: [UInt8]
    let pieceStarts: [UInt32]
    /// Merge priority per id (higher merges first).
    let scores: [Float]
    /// Role per id.
    let kinds: [SentencePieceModelProto.PieceKind]
    /// NORMAL, USER_DEFINED and UNUSED pieces: the ones merges may produce (`pieces_` upstream).
    let mergeable: SentencePiecePieceTable
    /// CONTROL, UNKNOWN and BYTE pieces (`reserved_id_map_` upstream): looked up only for output.
    let reserved: SentencePiecePieceTable
    /// USER_DEFINED pieces, matched greedily in the text before merging.
    let userDefined: SentencePiecePrefixMatcher
    /// Id of `<0xNN>` for each byte, when byte fallback is on.
    let byteIDs: [UInt32]?
    /// The UNKNOWN piece's id; nil when the model has none (Gemma 3 as rebuilt from GGUF, where
    /// `<unk>` is a CONTROL piece): then, as in sentencepiece 0.2, unknown text must byte-fall-back.
    let unknownID: UInt32?
    /// Whether any piece is UNUSED (then merged UNUSED pieces are re-split on output).
    let hasUnusedPieces: Bool
    /// Scalars `c` such that some mergeable piece contains `c▁` with `c` ≠ `▁` (Gemma 3 has
    /// `>▁</`). A chunk boundary before `▁` is safe only when the preceding scalar is not here.
    let scalarsBeforeInnerSpace: Set<UInt32>

    /// The normaliser the model file asks for.
    public let normalizer: SentencePieceNormalizer
    /// The begin-of-sentence id (`<s>`, `<bos>`), if the model has one.
    public let bosID: UInt32?
    /// The end-of-sentence id (`</s>`, `<eos>`), if the model has one.
    public let eosID: UInt32?

    /// The number of pieces.
    public var vocabularySize: Int { scores.count }

    /// Builds the lookup tables for `proto`.
    ///
    /// Throws when the model is not BPE, its normaliser is not the identity, a piece is defined
    /// twice, the UNKNOWN piece is missing without byte fallback to replace it, or byte fallback is on without all 256 byte pieces.
    /// - Complexity: O(total piece bytes).
    public init(_ proto: SentencePieceModelProto) throws(SentencePieceModelError) {
        guard proto.modelType == 2 else { throw .modelTypeNotBPE(found: proto.modelType) }
        guard !proto.pieces.isEmpty else { throw .noPieces }
        guard !proto.normalizer.hasPrecompiledCharsmap else {
            throw .unsupportedNormalizer(name: proto.normalizer.name)
        }
        var bytes: [UInt8] = []
        var starts: [UInt32] = [0]
        var mergeable = SentencePiecePieceTable(capacity: proto.pieces.count)
        var reserved = SentencePiecePieceTable(capacity: 64)
        var userDefinedTexts: [[UInt8]] = []
        var unknownID: UInt32?
        var innerSpace = Set<UInt32>()
        for (index, piece) in proto.pieces.enumerated() {
            bytes.append(contentsOf: piece.text)
            starts.append(UInt32(bytes.count))
            let isMergeable = piece.kind == .normal || piece.kind == .userDefined || piece.kind == .unused
            var inserted = false
            if isMergeable {
                inserted = mergeable.insert(piece.text, value: UInt32(index))
                Self.collectScalarsBeforeInnerSpace(piece.text, into: &innerSpace)
            } else {
                inserted = reserved.insert(piece.text, value: UInt32(index))
            }
            guard inserted else {
                throw .duplicatePiece(pieceIndex: index, piece: String(decoding: piece.text, as: UTF8.self))
            }
            if piece.kind == .userDefined { userDefinedTexts.append(piece.text) }
            if piece.kind == .unknown { unknownID = UInt32(index) }
        }
        guard unknownID != nil || proto.byteFallback else {
            throw .missingUnknownPiece(unknownID: proto.unknownID)
        }
        if proto.byteFallback {
            var ids = [UInt32](repeating: 0, count: 256)
            for byte in 0...255 {
                let text = Array(Self.bytePieceText(UInt8(byte)).utf8)
                let id = text.withUnsafeBufferPointer { reserved.value(for: $0) }
                guard let id, proto.pieces[Int(id)].kind == .byte else { throw .missingBytePiece(byte: UInt8(byte)) }
                ids[byte] = id
            }
            byteIDs = ids
        } else {
            byteIDs = nil
        }
        self.pieceBytes = bytes
        self.pieceStarts = starts
        self.scores = proto.pieces.map(\.score)
        self.kinds = proto.pieces.map(\.kind)
        self.mergeable = mergeable
        self.reserved = reserved
        self.userDefined = SentencePiecePrefixMatcher(pieces: userDefinedTexts)
        self.unknownID = unknownID
        self.hasUnusedPieces = proto.pieces.contains { $0.kind == .unused }
        self.scalarsBeforeInnerSpace = innerSpace
        self.normalizer = SentencePieceNormalizer(
            addsDummyPrefix: proto.normalizer.addDummyPrefix,
            removesExtraWhitespaces: proto.normalizer.removeExtraWhitespaces,
            escapesWhitespaces: proto.normalizer.escapeWhitespaces,
            treatsWhitespaceAsSuffix: proto.treatWhitespaceAsSuffix)
        let validID = { (id: Int) -> UInt32? in id >= 0 && id < proto.pieces.count ? UInt32(id) : nil }
        self.bosID = validID(proto.bosID)
        self.eosID = validID(proto.eosID)
    }

    /// The text of byte piece `<0xNN>` (upper-case hex, as SentencePiece writes it).
    static func bytePieceText(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return "<0x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self) + ">"
    }

    private static func collectScalarsBeforeInnerSpace(_ text: [UInt8], into set: inout Set<UInt32>) {
        var previous: UInt32?
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            if scalar.value == 0x2581, let previous, previous != 0x2581 { set.insert(previous) }
            previous = scalar.value
        }
    }

    // MARK: Piece access

    /// The UTF-8 text of piece `id` (with `▁` for spaces), or nil for an id out of range.
    public func pieceText(_ id: UInt32) -> ArraySlice<UInt8>? {
        guard Int(id) < scores.count else { return nil }
        return pieceBytes[Int(pieceStarts[Int(id)])..<Int(pieceStarts[Int(id) + 1])]
    }

    /// The role of piece `id`, or nil for an id out of range.
    public func kind(of id: UInt32) -> SentencePieceModelProto.PieceKind? {
        Int(id) < kinds.count ? kinds[Int(id)] : nil
    }

    /// The byte a `<0xNN>` piece stands for, or nil when `id` is not a byte piece.
    public func byteValue(of id: UInt32) -> UInt8? {
        guard kind(of: id) == .byte, let text = pieceText(id), text.count == 6 else { return nil }
        var value: UInt8 = 0
        for digit in text.dropFirst(3).prefix(2) {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | (digit - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | (digit - UInt8(ascii: "A") + 10)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | (digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }

    /// The ids of all CONTROL pieces with their texts: the special tokens a caller may split out
    /// of text before encoding (SentencePiece itself never matches them in text).
    /// - Complexity: O(vocabulary size).
    public var controlPieces: [(text: String, id: UInt32)] {
        kinds.indices.compactMap { index in
            guard kinds[index] == .control, let text = pieceText(UInt32(index)) else { return nil }
            return (String(decoding: text, as: UTF8.self), UInt32(index))
        }
    }
}
