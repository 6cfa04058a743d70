import Foundation

/// One line of an estimate: a billing unit, its quantity over all requests, and what it costs.
public struct CostLine: Sendable, Hashable, Codable {
    /// The unit billed.
    public var unit: BillingUnit
    /// The quantity over all requests.
    public var quantity: Decimal
    /// The rate applied, `nil` when the model has no price for the unit.
    public var rate: UnitRate?
    /// Neurons for the quantity (zero when the rate is unknown).
    public var neurons: Neurons
    /// Dollars for those neurons, before the free allocation.
    public var dollars: Dollars
}

/// The cost of `requests` identical requests to one model: neurons and dollars, line by line,
/// with the daily free allocation applied on request, and every caveat that bears on exactness.
public struct CostEstimate: Sendable, Hashable, Codable {
    /// The model costed.
    public var modelID: String
    /// What one request consumes.
    public var usagePerRequest: BillableUsage
    /// How many such requests.
    public var requests: Int
    /// Per-unit breakdown over all requests.
    public var lines: [CostLine]
    /// Neurons for one request.
    public var neuronsPerRequest: Neurons
    /// Neurons for all requests.
    public var neurons: Neurons
    /// Dollars for all requests before the free allocation.
    public var dollars: Dollars
    /// Dollars for all requests if they all fall on one UTC day, after that day's free allocation.
    public var dollarsAfterFreeAllocation: Dollars
    /// How many of these requests fit in one day's free allocation (`nil`: unlimited, they cost nothing).
    public var requestsWithinFreeAllocation: Int?
    /// Assumptions and reasons for inexactness.
    public var caveats: [CostCaveat]

    /// Whether no caveat makes the figures inexact.
    public var isExact: Bool { !caveats.contains { $0.makesInexact } }
}

extension RateCard {
    /// Costs `requests` requests of `usage` each under `policy`.
    ///
    /// Arithmetic (all exact decimals): per unit, `neurons = quantity × neuronsPerQuote / quotedQuantity`;
    /// `dollars = neurons × 0.011 / 1000`; after the free allocation, `max(0, neurons − 10,000) × 0.011 / 1000`.
    /// - Parameter caveats: caveats from counting (tokenizer exactness, assumed output) to carry along.
    /// - Complexity: O(u × r) for u units used and r rates (both a handful).
    public func estimate(
        _ usage: BillableUsage, requests: Int = 1, policy: BillingPolicy = .workersAI, caveats: [CostCaveat] = []
    ) -> CostEstimate {
        var allCaveats = caveats
        if !isPriced { allCaveats.append(.unpriced(modelID: modelID)) }
        var perRequest = Neurons.zero
        var lines: [CostLine] = []
        for unit in usage.units {
            let rate = rate(for: unit)
            if rate == nil, isPriced { allCaveats.append(.priceUnknown(unit: unit)) }
            let one = rate?.neurons(for: usage[unit]) ?? .zero
            perRequest = perRequest + one
            let total = one.times(requests)
            lines.append(
                CostLine(
                    unit: unit, quantity: usage[unit] * Decimal(requests), rate: rate, neurons: total,
                    dollars: policy.dollars(for: total)))
        }
        let neurons = perRequest.times(requests)
        return CostEstimate(
            modelID: modelID, usagePerRequest: usage, requests: requests, lines: lines,
            neuronsPerRequest: perRequest, neurons: neurons, dollars: policy.dollars(for: neurons),
            dollarsAfterFreeAllocation: policy.dollarsAfterFreeAllocation(ofDay: neurons),
            requestsWithinFreeAllocation: policy.requestsWithinFreeAllocation(neuronsPerRequest: perRequest),
            caveats: allCaveats)
    }
}
