import Foundation

/// An amount of US dollars, kept exact in decimal arithmetic.
///
/// Rounding policy (stated once, here): neurons and dollars are exact `Decimal` values in every
/// computation and in machine output (JSON, CSV). Only human-facing text (`description`, the text
/// output of `preflight cost`, Markdown and HTML reports) rounds: dollars half-to-even ("banker's
/// rounding") to `displayScale` (6) decimal places, neurons half-to-even to 3. Sums of displayed
/// figures may therefore differ from a displayed total in the last place; the exact figures agree.
public struct Dollars: Sendable, Hashable, Comparable, Codable, AdditiveArithmetic, CustomStringConvertible {
    /// The exact amount in dollars.
    public var amount: Decimal

    /// Decimal places shown to people: $0.000001 resolution.
    public static let displayScale = 6

    /// Wraps an exact decimal amount.
    public init(_ amount: Decimal) { self.amount = amount }

    /// No money.
    public static let zero = Dollars(Decimal(0))

    /// The sum, exact (decimal arithmetic).
    public static func + (lhs: Dollars, rhs: Dollars) -> Dollars { Dollars(lhs.amount + rhs.amount) }
    /// The difference, exact (decimal arithmetic).
    public static func - (lhs: Dollars, rhs: Dollars) -> Dollars { Dollars(lhs.amount - rhs.amount) }
    /// Orders by value (used for sorting reports).
    public static func < (lhs: Dollars, rhs: Dollars) -> Bool { lhs.amount < rhs.amount }

    /// This amount times a count, exactly.
    public func times(_ factor: Decimal) -> Dollars { Dollars(amount * factor) }

    /// The amount rounded half-to-even to `scale` decimal places.
    public func rounded(scale: Int = Dollars.displayScale) -> Decimal {
        var exact = amount
        var result = Decimal()
        NSDecimalRound(&result, &exact, scale, .bankers)
        return result
    }

    /// The display form: `$` and the amount rounded half-to-even to 6 places, always with 6 digits
    /// after the point (e.g. `$0.000027`, `$12.500000`).
    public var description: String { "$" + Self.fixedPointText(rounded(), scale: Self.displayScale) }

    /// A (rounded) decimal written with exactly `scale` digits after the point, e.g. `0.000027`.
    public static func fixedPointText(_ value: Decimal, scale: Int) -> String {
        let negative = value < 0
        let text = (negative ? -value : value).description
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < scale { fraction += String(repeating: "0", count: scale - fraction.count) }
        return (negative ? "-" : "") + whole + (scale > 0 ? "." + fraction.prefix(scale) : "")
    }

    /// Decodes from a plain JSON number.
    public init(from decoder: any Swift.Decoder) throws {
        amount = try decoder.singleValueContainer().decode(Decimal.self)
    }

    /// Encodes as a plain JSON number with every digit kept (no rounding).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amount)
    }
}
