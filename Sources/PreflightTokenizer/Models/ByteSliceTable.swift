/// An open-addressing hash table from byte strings to `UInt32` values, for the vocabulary and
/// the special-token matcher.
///
/// Keys are not stored: each slot holds a 32-bit hash fragment and the value, and the caller
/// supplies the key bytes of a value (`keyOf`) to confirm a match. Linear probing, load factor at
/// most 1/2, so a miss costs about two probes. The hash reads eight bytes at a time.
struct ByteSliceTable: Sendable {
    /// `hash32 << 32 | value`; `empty` marks a free slot.
    private var slots: [UInt64]
    private var mask: Int
    private static let empty = UInt64.max

    /// A table sized for `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
    }

    /// Inserts `value` under `key`. Returns the value already stored under an equal key instead,
    /// if there is one (the table is unchanged then).
    /// - Complexity: O(k) expected, k = key length.
    mutating func insert(
        _ key: UnsafeRawBufferPointer, value: UInt32, keyOf: (UInt32) -> UnsafeRawBufferPointer
    ) -> UInt32? {
        let hash = Self.hash(key)
        var index = Int(truncatingIfNeeded: hash) & mask
        let fragment = hash >> 32
        while true {
            let slot = slots[index]
            if slot == Self.empty {
                slots[index] = fragment << 32 | UInt64(value)
                return nil
            }
            if slot >> 32 == fragment {
                let existing = UInt32(truncatingIfNeeded: slot)
                if Self.equal(keyOf(existing), key) { return existing }
            }
            index = (index + 1) & mask
        }
    }

    /// The value stored under `key`, if any.
    /// - Complexity: O(k) expected, k = key length.
    @inline(__always)
    func find(_ key: UnsafeRawBufferPointer, keyOf: (UInt32) -> UnsafeRawBufferPointer) -> UInt32? {
        let hash = Self.hash(key)
        let fragment = hash >> 32
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                // Invariant: index is masked to slots.count - 1, a power of two minus one.
                let slot = slots[index]
                if slot == Self.empty { return nil }
                if slot >> 32 == fragment {
                    let candidate = UInt32(truncatingIfNeeded: slot)
                    if Self.equal(keyOf(candidate), key) { return candidate }
                }
                index = (index + 1) & mask
            }
        }
    }

    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        // Short keys (almost all tokens) compare a word at a time without calling memcmp.
        if count <= 16 {
            if count >= 8 {
                return pa.loadUnaligned(as: UInt64.self) == pb.loadUnaligned(as: UInt64.self)
                    && pa.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                        == pb.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            }
            if count >= 4 {
                return pa.loadUnaligned(as: UInt32.self) == pb.loadUnaligned(as: UInt32.self)
                    && pa.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                        == pb.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            }
            var i = 0
            while i < count {
                if pa.load(fromByteOffset: i, as: UInt8.self) != pb.load(fromByteOffset: i, as: UInt8.self) { return false }
                i += 1
            }
            return true
        }
        return memcmp(pa, pb, count) == 0
    }

    /// A 64-bit hash of the bytes: eight-byte words (the last one overlapping) folded with a
    /// multiply-xorshift mix; keys under eight bytes are read with at most two loads.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        let count = key.count
        let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
        guard let base = key.baseAddress, count > 0 else { return mix(seed) }
        if count >= 8 {
            var h = seed
            var i = 0
            while i + 8 <= count {
                h = mix(h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            if i < count { h = mix(h ^ base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
            return h
        }
        let word: UInt64
        if count >= 4 {
            word = UInt64(base.loadUnaligned(as: UInt32.self))
                | UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
        } else {
            word = UInt64(base.load(as: UInt8.self))
                | UInt64(base.load(fromByteOffset: count / 2, as: UInt8.self)) << 8
                | UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self)) << 16
        }
        return mix(seed ^ word)
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
