/// A tokenizer's tokens as bytes: one contiguous byte buffer plus offsets, and a hash table from
/// byte strings back to ids.
///
/// Index `i` is the token with id (or rank) `i`. Vocabularies may have holes (a rank file that
/// skips numbers); a hole has no bytes and is never found. Immutable once built, and a value
/// type whose storage is shared between copies.
public struct Vocabulary: Sendable {
    /// Every token's bytes, back to back.
    let storage: [UInt8]
    /// Token `i` is `storage[offsets[i]..<offsets[i + 1]]`; `offsets.count == count + 1`.
    let offsets: [UInt32]
    let table: ByteSliceTable
    /// The id of each one-byte token, or `UInt32.max` when a byte has none.
    let singleBytes: [UInt32]
    /// The longest token, in bytes: longer pieces skip the whole-piece lookup.
    let maxTokenLength: Int
    /// The id of each two-byte token, indexed by `first << 8 | second`, or `UInt32.max`:
    /// the first round of BPE merges looks every adjacent byte pair up here.
    let bytePairs: [UInt32]

    /// The number of id slots (the largest id plus one), holes included.
    /// - Complexity: O(1).
    public var count: Int { offsets.count - 1 }

    /// The number of tokens, holes excluded.
    /// - Complexity: O(n).
    public var tokenCount: Int {
        var n = 0
        for i in 0..<count where offsets[i + 1] > offsets[i] { n += 1 }
        return n
    }

    /// Builds a vocabulary from each id's bytes, `nil` for a hole.
    /// - Throws: `VocabularyError.duplicateToken` when two ids have the same bytes, and
    ///   `.emptyToken` for a present token with no bytes.
    /// - Complexity: O(total bytes).
    public init(tokens: [[UInt8]?], file: String = "<memory>") throws(VocabularyError) {
        var builder = Builder()
        for token in tokens {
            if let token {
                if token.isEmpty { throw .emptyToken(file: file, id: builder.count) }
                builder.append(token)
            } else {
                builder.appendHole()
            }
        }
        try self.init(builder: builder, file: file)
    }

    /// Accumulates tokens into one buffer without per-token allocation (used by the loaders).
    struct Builder {
        var storage: [UInt8] = []
        var offsets: [UInt32] = [0]
        var count: Int { offsets.count - 1 }

        /// Appends the next id's bytes.
        mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
            storage.append(contentsOf: bytes)
            offsets.append(UInt32(storage.count))
        }

        /// Appends an id with no token.
        mutating func appendHole() { offsets.append(UInt32(storage.count)) }
    }

    /// Finishes a builder. A duplicate is reported with the ids of both copies; loaders map the
    /// later id to its line.
    init(builder: Builder, file: String) throws(VocabularyError) {
        let storage = builder.storage
        let offsets = builder.offsets
        var table = ByteSliceTable(capacity: builder.count)
        var singles = [UInt32](repeating: UInt32.max, count: 256)
        var pairs = [UInt32](repeating: UInt32.max, count: 1 << 16)
        var longest = 0
        let duplicate: (Int, Int)? = storage.withUnsafeBytes { bytes in
            offsets.withUnsafeBufferPointer { offsets in
                let keyOf = { (id: UInt32) -> UnsafeRawBufferPointer in
                    let start = Int(offsets[Int(id)])
                    return UnsafeRawBufferPointer(rebasing: bytes[start..<Int(offsets[Int(id) + 1])])
                }
                for id in 0..<(offsets.count - 1) {
                    let key = keyOf(UInt32(id))
                    if key.isEmpty { continue }
                    longest = max(longest, key.count)
                    if key.count == 1 { singles[Int(key[0])] = UInt32(id) }
                    if key.count == 2 { pairs[Int(key[0]) << 8 | Int(key[1])] = UInt32(id) }
                    if let existing = table.insert(key, value: UInt32(id), keyOf: keyOf) {
                        return (Int(existing), id)
                    }
                }
                return nil
            }
        }
        if let (first, second) = duplicate {
            throw .duplicateToken(file: file, firstID: first, secondID: second)
        }
        self.storage = storage
        self.offsets = offsets
        self.table = table
        self.singleBytes = singles
        self.bytePairs = pairs
        self.maxTokenLength = longest
    }

    /// The bytes of token `id`, or `nil` for an unknown id or a hole.
    /// - Complexity: O(k), k = the token's length.
    public func bytes(of id: UInt32) -> [UInt8]? {
        guard Int(id) < count else { return nil }
        let start = Int(offsets[Int(id)])
        let end = Int(offsets[Int(id) + 1])
        return end > start ? Array(storage[start..<end]) : nil
    }

    /// The id of the token whose bytes are exactly `bytes`, if any.
    /// - Complexity: O(k) expected, k = `bytes.count`.
    public func id(of bytes: [UInt8]) -> UInt32? {
        bytes.withUnsafeBytes { key in withView { $0.find(key) } }
    }

    /// Runs `body` with a pointer view of the vocabulary for hot loops.
    func withView<R>(_ body: (VocabularyView) -> R) -> R {
        storage.withUnsafeBytes { bytes in
            offsets.withUnsafeBufferPointer { offsets in
                singleBytes.withUnsafeBufferPointer { singles in
                    bytePairs.withUnsafeBufferPointer { pairs in
                        table.withView { table in
                            body(VocabularyView(bytes: bytes, offsets: offsets, singleBytes: singles, bytePairs: pairs,
                                                table: table, maxTokenLength: maxTokenLength))
                        }
                    }
                }
            }
        }
    }
}

/// Pointer access to a `Vocabulary`, valid only inside `Vocabulary.withView`. Pointers and
/// integers only, so the hot loops copy it freely without reference counting.
struct VocabularyView {
    let bytes: UnsafeRawBufferPointer
    let offsets: UnsafeBufferPointer<UInt32>
    let singleBytes: UnsafeBufferPointer<UInt32>
    let bytePairs: UnsafeBufferPointer<UInt32>
    let table: ByteSliceTable.View
    let maxTokenLength: Int

    /// The bytes of token `id`. Requires `id < offsets.count - 1`.
    @inline(__always)
    func key(_ id: UInt32) -> UnsafeRawBufferPointer {
        // Invariant: ids stored in the table are < offsets.count - 1, and offsets are within bytes.
        let start = Int(offsets[Int(id)])
        return UnsafeRawBufferPointer(rebasing: bytes[start..<Int(offsets[Int(id) + 1])])
    }

    /// The id of the token spelled exactly by `key`, if any.
    @inline(__always)
    func find(_ key: UnsafeRawBufferPointer) -> UInt32? {
        if key.count > maxTokenLength { return nil }
        return table.find(key, keyOf: self.key)
    }
}
