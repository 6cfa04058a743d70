/// Ids back to text: a strict form that reports unknown ids and invalid UTF-8, and a lossy
/// form for display.
extension Tokenizer {
    /// The bytes the ids stand for. Added and special tokens decode to their content.
    /// - Throws: `DetokenizationError.unknownID` for an id that is neither a model nor an added token.
    /// - Complexity: O(total bytes + a), a = the number of added tokens.
    public func decodeBytes(_ ids: [TokenID]) throws(DetokenizationError) -> [UInt8] {
        var output: [UInt8] = []
        var pending: [[UInt8]] = []
        let added = Dictionary(addedTokens.entries.map { ($0.id, $0.content) }, uniquingKeysWith: { first, _ in first })
        for (index, id) in ids.enumerated() {
            if let content = added[id] {
                decoder.decode(pending, into: &output)
                pending.removeAll(keepingCapacity: true)
                output.append(contentsOf: content.utf8)
            } else if let bytes = model.tokenBytes(of: id) {
                pending.append(bytes)
            } else {
                throw .unknownID(id, index: index)
            }
        }
        decoder.decode(pending, into: &output)
        return output
    }

    /// The text the ids stand for, or an error when an id is unknown or the bytes are not UTF-8
    /// (for example when a character's bytes are split across two separately decoded id lists).
    public func decodeValidating(_ ids: [TokenID]) throws(DetokenizationError) -> String {
        let bytes = try decodeBytes(ids)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var iterator = bytes.makeIterator()
        var utf8 = Unicode.UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = utf8.decode(&iterator) { offset += UTF8.width(scalar) }
        throw .invalidUTF8(byteOffset: offset)
    }

    /// The text the ids stand for, for display: unknown ids are skipped, and invalid UTF-8
    /// becomes U+FFFD (one per maximal invalid subsequence, as Rust's `from_utf8_lossy` and
    /// Hugging Face's byte-level decoder do).
    /// - Complexity: O(total bytes).
    public func decode(_ ids: [TokenID]) -> String {
        let known = ids.filter { model.tokenBytes(of: $0) != nil || addedTokens.content(of: $0) != nil }
        let bytes = (try? decodeBytes(known)) ?? []
        return String(decoding: bytes, as: UTF8.self)
    }
}
