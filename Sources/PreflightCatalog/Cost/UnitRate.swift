import Foundation

/// One published price of a model: neurons (and, where published, dollars) per quoted quantity
/// of a billing unit, e.g. 2457 neurons ($0.027) per M input tokens.
public struct UnitRate: Sendable, Hashable, Codable {
    /// What is priced.
    public var unit: BillingUnit
    /// Neurons per `unit.quotedQuantity` units: the figure billing uses.
    public var neuronsPerQuote: Neurons
    /// The dollar figure printed beside it, when known; shown for reference only, because the
    /// platform bills neurons (the printed dollars are rounded: see README "Billing").
    public var publishedDollarsPerQuote: Dollars?

    /// A rate of `neuronsPerQuote` neurons per `unit.quotedQuantity` units.
    public init(unit: BillingUnit, neuronsPerQuote: Neurons, publishedDollarsPerQuote: Dollars? = nil) {
        self.unit = unit
        self.neuronsPerQuote = neuronsPerQuote
        self.publishedDollarsPerQuote = publishedDollarsPerQuote
    }

    /// The neurons charged for `quantity` units: `quantity × neuronsPerQuote / quotedQuantity`, exactly.
    public func neurons(for quantity: Decimal) -> Neurons {
        Neurons(quantity * neuronsPerQuote.value / unit.quotedQuantity)
    }
}

/// Everything a model is priced at: the rates the cost arithmetic needs, independent of where
/// they came from (the bundled catalog, or a table written in a test).
public struct RateCard: Sendable, Hashable, Codable {
    /// The catalog id, e.g. `@cf/meta/llama-3.2-1b-instruct`.
    public var modelID: String
    /// The published rates, at most one per unit.
    public var rates: [UnitRate]

    /// A rate card for `modelID`.
    public init(modelID: String, rates: [UnitRate]) {
        self.modelID = modelID
        self.rates = rates
    }

    /// The rate for `unit`, if the model is priced in it.
    /// - Complexity: O(n) in the number of rates (at most a handful).
    public func rate(for unit: BillingUnit) -> UnitRate? { rates.first { $0.unit == unit } }

    /// Whether any price is known.
    public var isPriced: Bool { !rates.isEmpty }
}
