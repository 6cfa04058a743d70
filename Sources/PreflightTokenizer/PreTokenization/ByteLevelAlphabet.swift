/// GPT-2's byte-level alphabet: each of the 256 byte values as a printable Unicode scalar.
///
/// Hugging Face byte-level BPE files (`tokenizer.json`, `vocab.json`, `merges.txt`) spell tokens
/// in this alphabet. The engine stores raw bytes instead, so the alphabet is used only when
/// loading such files (scalar → byte). Printable bytes `!`…`~`, `¡`…`¬` and `®`…`ÿ` map to
/// themselves; the other 68 map to U+0100 onwards, in byte order (GPT-2's `bytes_to_unicode`).
public enum ByteLevelAlphabet {
    /// The scalar that stands for each byte, indexed by byte value.
    public static let scalars: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            if printable {
                table[byte] = Unicode.Scalar(UInt8(byte))
            } else {
                // Invariant: next stays below 0x100 + 256, always a valid scalar.
                table[byte] = Unicode.Scalar(next) ?? " "
                next += 1
            }
        }
        return table
    }()

    /// The byte a scalar of the alphabet stands for, or `nil` when the scalar is not in it.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        guard value < 0x200 else { return nil }
        let byte = inverse[Int(value)]
        return byte < 0 ? nil : UInt8(byte)
    }

    /// Scalar value → byte, or -1; covers U+0000…U+01FF.
    private static let inverse: [Int16] = {
        var table = [Int16](repeating: -1, count: 0x200)
        for (byte, scalar) in scalars.enumerated() { table[Int(scalar.value)] = Int16(byte) }
        return table
    }()

    /// Decodes a token spelled in the alphabet into its bytes, or `nil` if some scalar is not in it.
    /// - Complexity: O(n) in the token's length.
    public static func bytes(of token: String) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(token.utf8.count)
        for scalar in token.unicodeScalars {
            guard let byte = byte(for: scalar) else { return nil }
            result.append(byte)
        }
        return result
    }
}
