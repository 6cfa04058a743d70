import Foundation

/// A small example type, used only as tokenizer test input.
public struct Invoice: Codable, Sendable, Hashable {
    public var id: UUID
    public var lines: [Line]
    public var currency: String = "USD"

    public struct Line: Codable, Sendable, Hashable {
        public var sku: String
        public var quantity: Int
        public var unitPrice: Decimal
    }

    /// The sum of all lines.
    /// - Complexity: O(n) in the number of lines.
    public var total: Decimal {
        lines.reduce(into: 0) { $0 += Decimal($1.quantity) * $1.unitPrice }
    }
}

enum ParseError: Error, CustomStringConvertible {
    case unexpectedByte(UInt8, offset: Int)
    case truncated(expected: Int, got: Int)

    var description: String {
        switch self {
        case let .unexpectedByte(byte, offset): return "unexpected byte 0x\(String(byte, radix: 16)) at \(offset)"
        case let .truncated(expected, got): return "expected \(expected) bytes, got \(got)"
        }
    }
}

func fibonacci(_ n: Int) -> [Int] {
    guard n > 0 else { return [] }
    var out = [0, 1]
    while out.count < n { out.append(out[out.count - 1] + out[out.count - 2]) }
    return Array(out.prefix(n))
}

let greeting = "Hello, \("world")!\n\ttabbed\r\n"
print(fibonacci(12).map(String.init).joined(separator: ", "), greeting)
