/// Scans one JSON number (RFC 8259 §6 grammar) and builds its exact `JSONNumber`.
struct NumberScanner {
    let bytes: ArraySlice<UInt8>
    /// Where scanning stopped: just past the number, or at the offending byte.
    var position: Int

    init(bytes: ArraySlice<UInt8>, start: Int) {
        self.bytes = bytes
        self.position = start
    }

    init(bytes: [UInt8], start: Int) { self.init(bytes: bytes[...], start: start) }

    private func isDigit(_ index: Int) -> Bool {
        index < bytes.endIndex && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    /// Scans `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    /// - Complexity: O(length of the number).
    mutating func scan() -> Result<JSONNumber, NumberSyntaxError> {
        let start = position
        var negative = false
        if position < bytes.endIndex, bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard isDigit(position) else { return .failure(NumberSyntaxError("expected a digit")) }
        var digits: [UInt8] = []
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { return .failure(NumberSyntaxError("leading zeros are not allowed")) }
        } else {
            while isDigit(position) {
                digits.append(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
        }
        var fractionDigits = 0
        if position < bytes.endIndex, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { return .failure(NumberSyntaxError("expected a digit after '.'")) }
            while isDigit(position) {
                digits.append(bytes[position] - UInt8(ascii: "0"))
                fractionDigits += 1
                position += 1
            }
        }
        var exponent = 0
        if position < bytes.endIndex, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            var exponentNegative = false
            if position < bytes.endIndex, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard isDigit(position) else { return .failure(NumberSyntaxError("expected a digit in the exponent")) }
            while isDigit(position) {
                exponent = exponent * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
                if exponent > JSONNumber.exponentLimit {
                    return .failure(NumberSyntaxError("exponent beyond ±\(JSONNumber.exponentLimit)"))
                }
            }
            if exponentNegative { exponent = -exponent }
        }
        let literal = String(decoding: bytes[start..<position], as: UTF8.self)
        return .success(JSONNumber(literal: literal, isNegative: negative, digits: digits,
                                   exponent: exponent - fractionDigits))
    }
}

/// Why a number literal was rejected.
struct NumberSyntaxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Strict UTF-8 checks on raw bytes (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The length of the valid sequence starting at `index`, or `nil` when it is invalid or cut off.
    static func sequenceLength(in bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        let second = bytes[index + 1]
        guard second >= lower, second <= upper else { return nil }
        for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// True when the bytes from `index` are a valid but incomplete sequence that the input cuts off.
    static func isTruncatedSequence(in bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
        guard length > 0, index + length > bytes.endIndex else { return false }
        return bytes[(index + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
    }
}
