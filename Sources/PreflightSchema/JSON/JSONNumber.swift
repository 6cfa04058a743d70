/// A JSON number kept exactly as written, compared exactly.
///
/// JSON numbers have no size or precision limit (RFC 8259 §6), and model replies and schemas use
/// 20-digit ids and literals like `1e400`. Converting them to `Double` would turn the first into a
/// rounded value and the second into infinity, so `JSONNumber` keeps the literal for output and a
/// normalised decimal form (sign, significant digits, power of ten) for comparison:
/// `1`, `1.0` and `10e-1` are equal, `972783798187987123879878123.188781371` is greater than
/// `972783798187987123879878123.18878137`.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The literal as it appeared in the document (or as produced by `init(_:)` for Swift numbers).
    public let literal: String
    /// True for numbers below zero. Zero is never negative (`-0` equals `0`).
    let isNegative: Bool
    /// Significant decimal digits (values 0...9), no leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    let exponent: Int

    /// The largest power-of-ten exponent accepted; beyond it a literal is rejected as a limit
    /// rather than silently rounded (it would need more than a billion digits to write out).
    static let exponentLimit = 1_000_000_000

    init(literal: String, isNegative: Bool, digits: [UInt8], exponent: Int) {
        var significant = digits[...]
        while significant.first == 0 { significant = significant.dropFirst() }
        var power = exponent
        while significant.last == 0 {
            significant = significant.dropLast()
            power += 1
        }
        self.literal = literal
        self.digits = Array(significant)
        self.isNegative = significant.isEmpty ? false : isNegative
        self.exponent = significant.isEmpty ? 0 : power
    }

    /// The exact number for a Swift integer.
    public init(_ value: Int) {
        let magnitude = String(value.magnitude)
        self.init(literal: String(value), isNegative: value < 0,
                  digits: magnitude.utf8.map { $0 &- UInt8(ascii: "0") }, exponent: 0)
    }

    /// The number for a finite `Double`, written in its shortest round-trip form; `nil` for NaN and infinities,
    /// which JSON cannot represent.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            self.init(Int(value))
            return
        }
        guard let parsed = JSONNumber(parsing: value.description) else { return nil }
        self = parsed
    }

    /// Parses a JSON number literal (RFC 8259 grammar); `nil` when `text` is not one.
    /// - Complexity: O(n) in the length of `text`.
    public init?(parsing text: String) {
        var scanner = NumberScanner(bytes: Array(text.utf8), start: 0)
        guard case .success(let number) = scanner.scan(), scanner.position == scanner.bytes.count else { return nil }
        self = number
    }

    /// The value as it prints in messages and reports.
    public var description: String { literal }

    /// True when the number has no fractional part (`1.0` is an integer, as JSON Schema says).
    public var isInteger: Bool { digits.isEmpty || exponent >= 0 }

    /// The value as an `Int` when it is an integer that fits, else `nil`.
    public var intValue: Int? {
        guard isInteger else { return nil }
        if digits.count + exponent > 18 { return nil }
        var result = 0
        for digit in digits { result = result * 10 + Int(digit) }
        for _ in 0..<max(exponent, 0) { result *= 10 }
        return isNegative ? -result : result
    }

    /// The nearest `Double` (may be infinite or rounded); for messages and heuristics only.
    public var doubleValue: Double { Double(literal) ?? (isNegative ? -.infinity : .infinity) }

    /// Equal when the values are the same; see the type's notes on what counts as the same.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.isNegative == rhs.isNegative && lhs.exponent == rhs.exponent && lhs.digits == rhs.digits
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isNegative)
        hasher.combine(exponent)
        hasher.combine(digits)
    }

    /// Orders by value (used for sorting reports).
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeOrder = compareMagnitudes(lhs, rhs)
        return lhs.isNegative ? magnitudeOrder > 0 : magnitudeOrder < 0
    }

    /// -1, 0 or 1 as |lhs| is less than, equal to or greater than |rhs|.
    /// - Complexity: O(number of digits).
    static func compareMagnitudes(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if lhs.digits.isEmpty || rhs.digits.isEmpty {
            return lhs.digits.isEmpty ? (rhs.digits.isEmpty ? 0 : -1) : 1
        }
        // Position of the leading digit: the number lies in [10^(p-1), 10^p).
        let leftPosition = lhs.digits.count + lhs.exponent
        let rightPosition = rhs.digits.count + rhs.exponent
        if leftPosition != rightPosition { return leftPosition < rightPosition ? -1 : 1 }
        for index in 0..<max(lhs.digits.count, rhs.digits.count) {
            let left = index < lhs.digits.count ? lhs.digits[index] : 0
            let right = index < rhs.digits.count ? rhs.digits[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }

    /// Whether `self` divided by `divisor` is an integer, computed exactly.
    ///
    /// With `self = A·10^a` and `divisor = B·10^b` (A, B without trailing zeros): when `a ≥ b` the
    /// quotient is whole iff `B` divides `A·10^(a−b)`, which is checked by modular arithmetic on the
    /// digits; when `a < b` it never is (A has no factor 10). A divisor with more than 36 significant
    /// digits falls back to binary floating point.
    /// - Complexity: O(digits + log(a − b)).
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if digits.isEmpty { return true }
        if divisor.digits.isEmpty { return false }
        if exponent < divisor.exponent { return false }
        guard divisor.digits.count <= 36 else {
            let quotient = doubleValue / divisor.doubleValue
            return quotient.isFinite && quotient == quotient.rounded()
        }
        var modulus: UInt128 = 0
        for digit in divisor.digits { modulus = modulus * 10 + UInt128(digit) }
        var remainder: UInt128 = 0
        for digit in digits { remainder = (remainder * 10 + UInt128(digit)) % modulus }
        return remainder == 0 || Self.multiply(remainder, byPowerOfTen: exponent - divisor.exponent, modulo: modulus) == 0
    }

    /// `value · 10^power mod modulus` by square-and-multiply; factors stay below the modulus
    /// (< 10^36 < 2^120), and `mulMod` handles products that overflow 128 bits.
    private static func multiply(_ value: UInt128, byPowerOfTen power: Int, modulo modulus: UInt128) -> UInt128 {
        var result = value % modulus
        var base: UInt128 = 10 % modulus
        var remaining = power
        while remaining > 0 {
            if remaining & 1 == 1 { result = mulMod(result, base, modulus) }
            base = mulMod(base, base, modulus)
            remaining >>= 1
        }
        return result
    }

    /// `a · b mod m` without overflow, by doubling (a, b < m < 2^127).
    private static func mulMod(_ a: UInt128, _ b: UInt128, _ m: UInt128) -> UInt128 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if !overflow { return product % m }
        var result: UInt128 = 0
        var addend = a
        var multiplier = b
        while multiplier > 0 {
            if multiplier & 1 == 1 { result = (result + addend) % m }
            addend = (addend << 1) % m
            multiplier >>= 1
        }
        return result
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// An integer literal in Swift code, e.g. `minimum: 0`.
    public init(integerLiteral value: Int) { self.init(value) }
    /// A float literal in Swift code, e.g. `maximum: 0.5`; always finite.
    public init(floatLiteral value: Double) { self = JSONNumber(value) ?? JSONNumber(0) }
}
