import Foundation

/// An amount of Workers AI neurons, the unit the platform bills in, kept exact.
///
/// Neurons are stored as a Foundation `Decimal` (base-10, 38 significant digits), never as a binary
/// floating-point number, so "2457 neurons per M input tokens" times 1,000 tokens is exactly
/// 2.457 neurons. Neurons are never rounded; only `Dollars` are rounded, and only for display.
public struct Neurons: Sendable, Hashable, Comparable, Codable, AdditiveArithmetic, CustomStringConvertible {
    /// The exact number of neurons.
    public var value: Decimal

    /// Wraps an exact decimal amount.
    public init(_ value: Decimal) { self.value = value }

    /// A whole number of neurons.
    public init(_ value: Int) { self.value = Decimal(value) }

    /// No neurons.
    public static let zero = Neurons(Decimal(0))

    /// The sum, exact (decimal arithmetic).
    public static func + (lhs: Neurons, rhs: Neurons) -> Neurons { Neurons(lhs.value + rhs.value) }
    /// The difference, exact (decimal arithmetic).
    public static func - (lhs: Neurons, rhs: Neurons) -> Neurons { Neurons(lhs.value - rhs.value) }
    /// Orders by value (used for sorting reports).
    public static func < (lhs: Neurons, rhs: Neurons) -> Bool { lhs.value < rhs.value }

    /// This amount times a (whole or fractional) count, exactly.
    public func times(_ factor: Decimal) -> Neurons { Neurons(value * factor) }

    /// This amount times a whole count, exactly.
    public func times(_ factor: Int) -> Neurons { Neurons(value * Decimal(factor)) }

    /// The larger of this amount and zero: what remains when a subtraction would go negative.
    public var clampedAtZero: Neurons { value < 0 ? .zero : self }

    /// The exact decimal value, e.g. `2.457`.
    public var description: String { value.description }

    /// Decodes from a plain JSON number.
    public init(from decoder: any Swift.Decoder) throws {
        value = try decoder.singleValueContainer().decode(Decimal.self)
    }

    /// Encodes as a plain JSON number with every digit kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
