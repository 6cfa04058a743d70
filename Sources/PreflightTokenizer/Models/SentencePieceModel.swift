/// A SentencePiece BPE model (Llama 2, Mistral v1, Gemma 3): pieces with scores and types, as
/// the `sentencepiece` library's `bpe_model.cc` uses them.
///
/// Built once from a parsed ``SentencePieceModelProto``; afterwards it is immutable and shared.
/// Encoding works on normalised UTF-8 bytes (see ``SentencePieceNormalizer``) and produces ids;
/// see `SentencePieceModel+Encoding.swift` for the merge algorithm.
public struct SentencePieceModel: Sendable {
    /// Merge priority per id (higher merges first).
    let scores: [Float]
    /// Role per id.
    let kinds: [SentencePieceModelProto.PieceKind]
    /// NORMAL, USER_DEFINED and UNUSED pieces at their ids, the others holes: the pieces merges
    /// may produce (`pieces_` upstream).
    let mergeable: Vocabulary
    /// CONTROL, UNKNOWN and BYTE pieces at their ids (`reserved_id_map_` upstream): looked up
    /// only for output, never merged into.
    let reserved: Vocabulary
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
        var mergeableTexts: [[UInt8]?] = []
        var reservedTexts: [[UInt8]?] = []
        var userDefinedTexts: [[UInt8]] = []
        var unknownID: UInt32?
        var innerSpace = Set<UInt32>()
        for (index, piece) in proto.pieces.enumerated() {
            let isMergeable = piece.kind == .normal || piece.kind == .userDefined || piece.kind == .unused
            mergeableTexts.append(isMergeable ? piece.text : nil)
            reservedTexts.append(isMergeable ? nil : piece.text)
            if isMergeable { Self.collectScalarsBeforeInnerSpace(piece.text, into: &innerSpace) }
            if piece.kind == .userDefined { userDefinedTexts.append(piece.text) }
            if piece.kind == .unknown { unknownID = UInt32(index) }
        }
        let mergeable = try Self.vocabulary(mergeableTexts, proto)
        let reserved = try Self.vocabulary(reservedTexts, proto)
        // sentencepiece 0.2 refuses a text defined twice even across the two tables; so a text
        // is in at most one table and output lookups may try them in either order.
        for (index, piece) in proto.pieces.enumerated() where mergeableTexts[index] != nil {
            if reserved.id(of: piece.text) != nil {
                throw .duplicatePiece(pieceIndex: index, piece: String(decoding: piece.text, as: UTF8.self))
            }
        }
        guard unknownID != nil || proto.byteFallback else {
            throw .missingUnknownPiece(unknownID: proto.unknownID)
        }
        if proto.byteFallback {
            var ids = [UInt32](repeating: 0, count: 256)
            for byte in 0...255 {
                let id = reserved.id(of: Array(Self.bytePieceText(UInt8(byte)).utf8))
                guard let id, proto.pieces[Int(id)].kind == .byte else { throw .missingBytePiece(byte: UInt8(byte)) }
                ids[byte] = id
            }
            byteIDs = ids
        } else {
            byteIDs = nil
        }
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

    /// A vocabulary of some pieces (the others holes), with SentencePiece's load errors.
    private static func vocabulary(
        _ texts: [[UInt8]?], _ proto: SentencePieceModelProto
    ) throws(SentencePieceModelError) -> Vocabulary {
        do {
            return try Vocabulary(tokens: texts)
        } catch {
            switch error {
            case .duplicateToken(_, _, let second):
                throw .duplicatePiece(pieceIndex: second, piece: String(decoding: proto.pieces[second].text, as: UTF8.self))
            case .emptyToken(_, let id):
                throw .emptyPiece(pieceIndex: id)
            default:
                throw .noPieces
            }
        }
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
    /// - Complexity: O(piece length).
    public func pieceText(_ id: UInt32) -> [UInt8]? {
        mergeable.bytes(of: id) ?? reserved.bytes(of: id)
    }

    /// The token text the decoder sees for `id`: the piece text, or nothing for a CONTROL piece
    /// (SentencePiece decodes `<s>` and `</s>` to no text); nil for an id out of range.
    /// - Complexity: O(piece length).
    public func tokenText(of id: UInt32) -> [UInt8]? {
        guard let kind = kind(of: id) else { return nil }
        return kind == .control ? [] : pieceText(id)
    }

    /// The role of piece `id`, or nil for an id out of range.
    public func kind(of id: UInt32) -> SentencePieceModelProto.PieceKind? {
        Int(id) < kinds.count ? kinds[Int(id)] : nil
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
