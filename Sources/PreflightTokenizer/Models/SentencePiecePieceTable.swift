/// An immutable hash table from piece bytes to piece id, built once when a model loads.
///
/// Keys live in one contiguous byte buffer; the table is open-addressed with linear probing
/// over a power-of-two slot array at most half full, so a lookup hashes the probe bytes once
/// and compares a handful of candidates with `memcmp`-style loops. No `String` is involved.
struct SentencePiecePieceTable: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [UInt32] = [0]
    private var values: [UInt32] = []
    /// Entry index + 1 for each slot, 0 for an empty slot.
    private var slots: [UInt32]
    private var mask: Int

    /// Builds a table sized for `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of keys.
    var count: Int { values.count }

    /// Inserts `key` → `value`; returns false (and leaves the table unchanged) when the key is present.
    /// - Complexity: O(key length) expected.
    mutating func insert(_ key: [UInt8], value: UInt32) -> Bool {
        if (values.count + 1) * 2 > slots.count { grow() }
        let found = key.withUnsafeBufferPointer { lookupSlot($0) }
        guard slots[found.slot] == 0 else { return false }
        keyBytes.append(contentsOf: key)
        keyStarts.append(UInt32(keyBytes.count))
        values.append(value)
        slots[found.slot] = UInt32(values.count)
        return true
    }

    /// Doubles the slot array and re-inserts every entry, keeping the table at most half full.
    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for entry in values.indices {
            let range = Int(keyStarts[entry])..<Int(keyStarts[entry + 1])
            let slot = keyBytes.withUnsafeBufferPointer { lookupSlot(UnsafeBufferPointer(rebasing: $0[range])) }.slot
            slots[slot] = UInt32(entry + 1)
        }
    }

    /// The id stored for the bytes in `key`, if any.
    /// - Complexity: O(key length) expected.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let found = lookupSlot(key)
        let entry = slots[found.slot]
        return entry == 0 ? nil : values[Int(entry) - 1]
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func lookupSlot(_ key: UnsafeBufferPointer<UInt8>) -> (slot: Int, hash: UInt64) {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return (slot, hash) }
                let start = Int(keyStarts[entry - 1])
                let end = Int(keyStarts[entry])
                if end - start == key.count {
                    var equal = true
                    var index = 0
                    // Invariant: start + key.count == end <= stored.count.
                    while index < key.count {
                        if stored[start + index] != key[index] { equal = false; break }
                        index += 1
                    }
                    if equal { return (slot, hash) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a over the key bytes, with a final avalanche so the low bits index well.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
