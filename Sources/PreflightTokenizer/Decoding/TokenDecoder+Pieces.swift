/// The token-list decoders of SentencePiece and WordPiece tokenizers, as Hugging Face chains
/// them (`decode_chain`: each step maps a list of token texts to a new list).
extension TokenDecoder {
    /// One decoding step over token texts.
    /// - Complexity: O(total bytes).
    func decodeChain(_ tokens: [[UInt8]]) -> [[UInt8]] {
        switch self {
        case .byteLevel:
            return tokens
        case .byteFallback:
            return Self.fuseBytePieces(tokens)
        case .metaspace(let stripsLeadingSpace):
            return tokens.enumerated().map { index, token in
                var text = token[...]
                if index == 0 && stripsLeadingSpace && text.starts(with: Self.metaspace) {
                    text = text.dropFirst(Self.metaspace.count)
                }
                return Self.replacingMetaspace(text)
            }
        case .wordPiece(let prefix, let cleansUp):
            let prefixBytes = Array(prefix.utf8)
            return tokens.enumerated().map { index, token in
                var text: [UInt8]
                if index == 0 {
                    text = token
                } else if !prefixBytes.isEmpty && token.starts(with: prefixBytes) {
                    text = Array(token.dropFirst(prefixBytes.count))
                } else {
                    text = [0x20] + token
                }
                return cleansUp ? Self.cleanedUp(text) : text
            }
        case .sequence(let steps):
            return steps.reduce(tokens) { $1.decodeChain($0) }
        }
    }

    /// `▁` U+2581 in UTF-8.
    private static let metaspace: [UInt8] = [0xE2, 0x96, 0x81]

    private static func replacingMetaspace(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == 0xE2, index + 2 < text.endIndex, text[index + 1] == 0x96, text[index + 2] == 0x81 {
                output.append(0x20)
                index += 3
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return output
    }

    /// The byte of a `<0xNN>` token (exactly six bytes, two hex digits), else nil.
    private static func byteValue(_ token: [UInt8]) -> UInt8? {
        guard token.count == 6, token.starts(with: Array("<0x".utf8)), token[5] == UInt8(ascii: ">") else { return nil }
        func digit(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        guard let high = digit(token[3]), let low = digit(token[4]) else { return nil }
        return high << 4 | low
    }

    /// Hugging Face's `ByteFallback.decode_chain`.
    private static func fuseBytePieces(_ tokens: [[UInt8]]) -> [[UInt8]] {
        var output: [[UInt8]] = []
        var pending: [UInt8] = []
        func flushPendingBytes() {
            guard !pending.isEmpty else { return }
            if String(validating: pending, as: UTF8.self) != nil {
                output.append(pending)
            } else {
                output.append(contentsOf: repeatElement([0xEF, 0xBF, 0xBD], count: pending.count))
            }
            pending.removeAll(keepingCapacity: true)
        }
        for token in tokens {
            if let byte = byteValue(token) {
                pending.append(byte)
            } else {
                flushPendingBytes()
                output.append(token)
            }
        }
        flushPendingBytes()
        return output
    }

    /// Hugging Face's WordPiece `cleanup`: no space before `. ? ! ,` and common contractions.
    private static func cleanedUp(_ text: [UInt8]) -> [UInt8] {
        let rules: [(String, String)] = [
            (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"),
            (" 'm", "'m"), (" do not", " don't"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
        ]
        var current = text
        for (pattern, replacement) in rules {
            current = replacingAll(Array(pattern.utf8), with: Array(replacement.utf8), in: current)
        }
        return current
    }

    private static func replacingAll(_ pattern: [UInt8], with replacement: [UInt8], in text: [UInt8]) -> [UInt8] {
        guard text.count >= pattern.count else { return text }
        var output: [UInt8] = []
        var index = 0
        while index < text.count {
            if index + pattern.count <= text.count && text[index..<(index + pattern.count)].elementsEqual(pattern) {
                output.append(contentsOf: replacement)
                index += pattern.count
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return output
    }
}
