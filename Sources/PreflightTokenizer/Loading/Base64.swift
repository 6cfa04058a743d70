/// Standard base64 (RFC 4648, with `=` padding) as the rank files use it.
enum Base64 {
    /// 6-bit value of each ASCII byte, or 0xFF for bytes outside the alphabet.
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    /// Decodes `input[range]` into `output` starting at `position`, advancing it. `output` must
    /// have room for `range.count * 3 / 4` more bytes.
    /// - Returns: `nil` on success, else the offset (in `input`) of the first bad character.
    /// - Complexity: O(n).
    @inline(__always)
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: UnsafeMutableBufferPointer<UInt8>,
        at position: inout Int, table: UnsafeBufferPointer<UInt8>
    ) -> Int? {
        let count = range.count
        guard count > 0, count % 4 == 0 else { return range.lowerBound + (count / 4) * 4 }
        var padding = 0
        // Invariant: count >= 4, so both indices are inside range.
        if input[range.upperBound - 1] == UInt8(ascii: "=") { padding += 1 }
        if input[range.upperBound - 2] == UInt8(ascii: "=") { padding += 1 }
        var i = range.lowerBound
        var out = position
        while i < range.upperBound {
            let isLast = i + 4 == range.upperBound
            let digits = isLast ? 4 - padding : 4
            var group: UInt32 = 0
            for k in 0..<4 {
                var value: UInt8 = 0
                if k < digits {
                    // Invariant: i + k < range.upperBound; the table has 256 entries.
                    value = table[Int(input[i + k])]
                    if value == 0xFF { return i + k }
                }
                group = group << 6 | UInt32(value)
            }
            // Invariant: the caller sized output for the whole decoded input.
            output[out] = UInt8(truncatingIfNeeded: group >> 16)
            out += 1
            if digits > 2 { output[out] = UInt8(truncatingIfNeeded: group >> 8); out += 1 }
            if digits > 3 { output[out] = UInt8(truncatingIfNeeded: group); out += 1 }
            i += 4
        }
        position = out
        return nil
    }

    /// Decodes `input[range]` and appends the bytes to `output`: the buffer form above, into
    /// room reserved at the end of `output`.
    /// - Returns: `nil` on success, else the offset (in `input`) of the first bad character.
    /// - Complexity: O(n).
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, appendingTo output: inout [UInt8]
    ) -> Int? {
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: range.count / 4 * 3))
        var end = start
        let failure = output.withUnsafeMutableBufferPointer { buffer in
            values.withUnsafeBufferPointer { table in
                decode(input, range, into: buffer, at: &end, table: table)
            }
        }
        output.removeSubrange((failure == nil ? end : start)..<output.count)
        return failure
    }
}
