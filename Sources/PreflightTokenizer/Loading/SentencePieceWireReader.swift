/// A cursor over protobuf wire-format bytes: just enough of the format to read a SentencePiece
/// `ModelProto` without a protobuf dependency.
///
/// Every read is bounds-checked against `end` (the end of the enclosing message), and every
/// failure is a ``SentencePieceModelError`` carrying the absolute byte offset.
struct SentencePieceWireReader {
    /// Protobuf wire types used by `ModelProto`.
    enum WireType: Int {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    /// One field tag as read from the stream.
    struct Tag {
        var field: Int
        var wireType: WireType
        /// Offset of the tag's first byte, for error messages.
        var offset: Int
    }

    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { position >= end }

    /// Reads a base-128 varint.
    mutating func readVarint() throws(SentencePieceModelError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw .truncatedVarint(byteOffset: start) }
            guard shift < 70 else { throw .overlongVarint(byteOffset: start) }
            let byte = bytes[position]
            position += 1
            if shift < 64 { result |= UInt64(byte & 0x7F) << shift }
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads the next field tag.
    mutating func readTag() throws(SentencePieceModelError) -> Tag {
        let offset = position
        let key = try readVarint()
        let field = key >> 3
        guard field != 0, field <= UInt64(Int32.max) else { throw .invalidFieldNumber(byteOffset: offset) }
        guard let wireType = WireType(rawValue: Int(key & 7)) else {
            throw .unsupportedWireType(wireType: Int(key & 7), field: Int(field), byteOffset: offset)
        }
        return Tag(field: Int(field), wireType: wireType, offset: offset)
    }

    /// Checks that `tag` has the wire type the schema gives its field.
    func expect(_ tag: Tag, _ wireType: WireType) throws(SentencePieceModelError) {
        guard tag.wireType == wireType else {
            throw .wrongWireType(field: tag.field, expected: wireType.rawValue, found: tag.wireType.rawValue, byteOffset: tag.offset)
        }
    }

    /// Reads a length prefix and returns the byte range it covers, advancing past it.
    mutating func readLengthDelimited(field: Int) throws(SentencePieceModelError) -> Range<Int> {
        let offset = position
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw .lengthOutOfBounds(field: field, length: length, byteOffset: offset)
        }
        let range = position..<(position + Int(length))
        position = range.upperBound
        return range
    }

    /// Reads a little-endian 32-bit value (protobuf `float`, `fixed32`).
    mutating func readFixed32(field: Int) throws(SentencePieceModelError) -> UInt32 {
        guard end - position >= 4 else { throw .truncatedFixedWidth(field: field, byteOffset: position) }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[position + index]) << (8 * UInt32(index)) }
        position += 4
        return value
    }

    /// Skips a field this reader does not need.
    mutating func skip(_ tag: Tag) throws(SentencePieceModelError) {
        switch tag.wireType {
        case .varint:
            _ = try readVarint()
        case .fixed64:
            guard end - position >= 8 else { throw .truncatedFixedWidth(field: tag.field, byteOffset: position) }
            position += 8
        case .fixed32:
            _ = try readFixed32(field: tag.field)
        case .lengthDelimited:
            _ = try readLengthDelimited(field: tag.field)
        }
    }

    /// Reads a `bool` field's value.
    mutating func readBool(_ tag: Tag) throws(SentencePieceModelError) -> Bool {
        try expect(tag, .varint)
        return try readVarint() != 0
    }

    /// Reads an `int32`/enum field's value (negative values arrive sign-extended to 64 bits).
    mutating func readInt32(_ tag: Tag) throws(SentencePieceModelError) -> Int {
        try expect(tag, .varint)
        return Int(Int32(truncatingIfNeeded: try readVarint()))
    }

    /// Reads a `string`/`bytes`/message field's byte range.
    mutating func readRange(_ tag: Tag) throws(SentencePieceModelError) -> Range<Int> {
        try expect(tag, .lengthDelimited)
        return try readLengthDelimited(field: tag.field)
    }
}
