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
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    /// A 64-bit hash of the bytes: eight-byte words folded with a multiply-xorshift mix.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        let count = key.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
        guard let base = key.baseAddress else { return mix(h) }
        var i = 0
        while i + 8 <= count {
            h = mix(h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = mix(h ^ tail)
        }
        return h
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
