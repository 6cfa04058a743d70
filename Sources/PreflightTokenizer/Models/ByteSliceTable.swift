/// An open-addressing hash table from byte strings to `UInt32` values, for the vocabulary and
/// the special-token matcher.
///
/// Each slot is two words. Keys of at most eight bytes (almost every BPE look-up) are stored
/// inline, packed into the first word, so a hit or a miss touches one cache line and no token
/// bytes. Longer keys store their hash in the first word, and a candidate is confirmed against
/// the key bytes the caller supplies (`keyOf`). The second word holds the key length, a hash
/// fragment and the value. Linear probing, load factor at most 1/2.
struct ByteSliceTable: Sendable {
    /// Two words per slot: `[key-or-hash, length << 56 | fragment << 32 | value]`; a second word
    /// of `empty` marks a free slot.
    private var slots: [UInt64]
    private var mask: Int
    private static let empty = UInt64.max

    /// A table sized for `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: Self.empty, count: size * 2)
        mask = size - 1
    }

    /// Inserts `value` under `key`. Returns the value already stored under an equal key instead,
    /// if there is one (the table is unchanged then).
    /// - Complexity: O(k) expected, k = key length.
    mutating func insert(
        _ key: UnsafeRawBufferPointer, value: UInt32, keyOf: (UInt32) -> UnsafeRawBufferPointer
    ) -> UInt32? {
        if let existing = find(key, keyOf: keyOf) { return existing }
        let (word, hash) = Self.wordAndHash(key)
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[2 * index + 1] != Self.empty { index = (index + 1) & mask }
        slots[2 * index] = word
        slots[2 * index + 1] = Self.tag(length: key.count, hash: hash) | UInt64(value)
        return nil
    }

    /// The value stored under `key`, if any.
    /// - Complexity: O(k) expected, k = key length.
    func find(_ key: UnsafeRawBufferPointer, keyOf: (UInt32) -> UnsafeRawBufferPointer) -> UInt32? {
        withView { $0.find(key, keyOf: keyOf) }
    }

    /// Runs `body` with a pointer view of the table, for hot loops.
    func withView<R>(_ body: (View) -> R) -> R {
        slots.withUnsafeBufferPointer { body(View(slots: $0, mask: mask)) }
    }

    /// Pointer access to the slots; a plain value, so hot loops copy it without reference counting.
    struct View {
        let slots: UnsafeBufferPointer<UInt64>
        let mask: Int

        /// The value stored under `key`, if any.
        @inline(__always)
        func find(_ key: UnsafeRawBufferPointer, keyOf: (UInt32) -> UnsafeRawBufferPointer) -> UInt32? {
            let (word, hash) = ByteSliceTable.wordAndHash(key)
            let tag = ByteSliceTable.tag(length: key.count, hash: hash)
            let inline = key.count <= 8
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                // Invariant: index <= mask, and slots holds 2 * (mask + 1) words.
                let meta = slots[2 * index + 1]
                if meta == ByteSliceTable.empty { return nil }
                if meta & 0xFFFF_FFFF_0000_0000 == tag && slots[2 * index] == word {
                    let value = UInt32(truncatingIfNeeded: meta)
                    // Inline keys are equal when their packed words and lengths are.
                    if inline || ByteSliceTable.equal(keyOf(value), key) { return value }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// The length and a hash fragment, in the high half of a slot's second word.
    @inline(__always)
    static func tag(length: Int, hash: UInt64) -> UInt64 {
        UInt64(min(length, 255)) << 56 | (hash >> 40) << 32
    }

    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, count) == 0
    }

    /// The key's first word (its bytes, zero-padded, for keys up to eight bytes; else its hash)
    /// and its 64-bit hash. Longer keys fold eight-byte words (the last one overlapping) with a
    /// multiply-xorshift mix.
    @inline(__always)
    static func wordAndHash(_ key: UnsafeRawBufferPointer) -> (word: UInt64, hash: UInt64) {
        let count = key.count
        let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
        guard let base = key.baseAddress, count > 0 else { return (0, mix(seed)) }
        if count > 8 {
            var h = seed
            var i = 0
            while i + 8 <= count {
                h = mix(h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            if i < count { h = mix(h ^ base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
            return (h, h)
        }
        let word: UInt64
        if count == 8 {
            word = base.loadUnaligned(as: UInt64.self)
        } else if count >= 4 {
            // Bytes 0..<4, then bytes 4..<count taken from the top of an overlapping load.
            let low = UInt64(base.loadUnaligned(as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) >> (8 * (8 - count))
            word = low | high << 32
        } else {
            var packed: UInt64 = 0
            for i in 0..<count { packed |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << (8 * i) }
            word = packed
        }
        return (word, mix(seed ^ word))
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
