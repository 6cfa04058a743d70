import Foundation

/// What one request consumes, per billing unit: tokens in and out, tiles, steps, minutes, characters.
public struct BillableUsage: Sendable, Hashable, Codable {
    /// Quantity per unit; absent units are zero.
    public var quantities: [BillingUnit: Decimal]

    /// Usage with the given quantities.
    public init(_ quantities: [BillingUnit: Decimal] = [:]) { self.quantities = quantities }

    /// Usage of a text model: prompt tokens (of which `cachedInputTokens` were billed as cached,
    /// and are not also billed as ordinary input) and generated tokens.
    public init(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int = 0) {
        var quantities: [BillingUnit: Decimal] = [:]
        quantities[.inputTokens] = Decimal(max(0, inputTokens - cachedInputTokens))
        quantities[.outputTokens] = Decimal(outputTokens)
        if cachedInputTokens > 0 { quantities[.cachedInputTokens] = Decimal(cachedInputTokens) }
        self.quantities = quantities
    }

    /// The quantity of `unit` (zero when absent).
    public subscript(unit: BillingUnit) -> Decimal {
        get { quantities[unit] ?? 0 }
        set { quantities[unit] = newValue }
    }

    /// The units with a non-zero quantity, in declaration order.
    public var units: [BillingUnit] { quantities.filter { $0.value != 0 }.keys.sorted() }

    /// Prompt tokens, cached ones included.
    public var totalInputTokens: Decimal { self[.inputTokens] + self[.cachedInputTokens] }

    /// Sums two usages unit by unit.
    public static func + (lhs: BillableUsage, rhs: BillableUsage) -> BillableUsage {
        BillableUsage(lhs.quantities.merging(rhs.quantities, uniquingKeysWith: +))
    }

    /// Every quantity multiplied by `factor` (e.g. a number of requests).
    public func times(_ factor: Decimal) -> BillableUsage {
        BillableUsage(quantities.mapValues { $0 * factor })
    }
}
