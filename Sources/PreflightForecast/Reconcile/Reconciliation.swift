import Foundation
public import PreflightCatalog

/// Estimate against actual, per model: what the forecast expected per request, what the platform
/// reported, and the difference split into its causes.
///
/// With `r` the model's rates (neurons per token), the per-request difference between the neurons
/// the actual tokens cost and the estimate splits exactly into
/// `Δinput × r_input + Δcached × (r_cached − r_input) + Δoutput × r_output`: prompt length (the chat
/// template the plain-text estimate leaves out shows here), cached input billed at its lower rate,
/// and output length against the assumption. When the platform reported neurons, the gap between
/// those and the price-table neurons of the actual tokens is shown on its own line.
public struct Reconciliation: Sendable, Codable {
    /// One model's comparison.
    public struct ModelRow: Sendable, Codable {
        /// The model.
        public var model: String
        /// Requests in the usage file.
        public var requests: Int
        /// Mean prompt tokens per request, estimated.
        public var estimatedInputTokens: Decimal
        /// Mean prompt tokens per request, actual.
        public var actualInputTokens: Decimal
        /// Mean cached prompt tokens per request, estimated.
        public var estimatedCachedInputTokens: Decimal
        /// Mean cached prompt tokens per request, actual.
        public var actualCachedInputTokens: Decimal
        /// Mean output tokens per request, estimated.
        public var estimatedOutputTokens: Decimal
        /// Mean output tokens per request, actual.
        public var actualOutputTokens: Decimal
        /// Neurons for the actual requests at the estimated per-request figure.
        public var estimatedNeurons: Neurons
        /// Neurons of the actual tokens at the published rates.
        public var actualNeuronsFromTokens: Neurons
        /// Neurons the platform reported, when every record carried them.
        public var reportedNeurons: Neurons?
        /// Reported (else computed) minus estimated.
        public var difference: Neurons
        /// The difference in dollars before the free allocation.
        public var differenceDollars: Dollars
        /// The causes, each with its neurons; they sum to `difference`.
        public var explanations: [Explanation]
    }

    /// One cause of a difference.
    public struct Explanation: Sendable, Codable {
        /// `input_tokens`, `cached_input`, `output_tokens` or `reported_vs_price_table`.
        public var cause: String
        /// Neurons this cause accounts for (negative: the estimate was too high).
        public var neurons: Neurons
        /// A sentence for people.
        public var text: String
    }

    /// Per model in the usage file.
    public var models: [ModelRow]
    /// Usage records whose model the forecast does not use (reported, not compared).
    public var unmatchedModels: [String]

    /// Compares `forecast` with `actual`, using `directory` for each model's rates.
    /// - Complexity: O(records + request types).
    public init(forecast: Forecast, actual: [UsageRecord], directory: ModelDirectory, billing: BillingPolicy) {
        var order: [String] = []
        var groups: [String: [UsageRecord]] = [:]
        for record in actual {
            if groups[record.model] == nil { order.append(record.model) }
            groups[record.model, default: []].append(record)
        }
        var rows: [ModelRow] = []
        var unmatched: [String] = []
        for model in order {
            let types = forecast.requestTypes.filter { $0.model == model }
            guard let records = groups[model], !types.isEmpty, let spec = directory.model(id: model) else {
                unmatched.append(model)
                continue
            }
            rows.append(Self.row(model: model, types: types, records: records, rateCard: spec.rateCard, billing: billing))
        }
        models = rows
        unmatchedModels = unmatched
    }

    private static func row(model: String, types: [RequestTypeForecast], records: [UsageRecord], rateCard: RateCard, billing: BillingPolicy) -> ModelRow {
        // Estimated means, weighted by each request type's forecast requests (equal weights if none).
        let weights = types.map { Decimal(max($0.requests, 0)) }
        let weightSum = weights.reduce(0, +)
        func weighted(_ value: (RequestTypeForecast) -> Decimal) -> Decimal {
            guard weightSum > 0 else { return types.map(value).reduce(0, +) / Decimal(types.count) }
            return zip(types, weights).map { value($0) * $1 }.reduce(0, +) / weightSum
        }
        let estimatedIn = weighted(\.meanInputTokens)
        let estimatedCached = weighted { $0.meanInputTokens * $0.cachedInputPercent / 100 }
        let estimatedOut = weighted(\.meanOutputTokens)
        let estimatedPerRequest = weighted(\.neuronsPerRequest.value)
        let requests = records.map(\.requests).reduce(0, +)
        let count = Decimal(max(requests, 1))
        // Totals are exact integers; effects are computed from them, means only for display.
        let totalIn = Decimal(records.map(\.inputTokens).reduce(0, +))
        let totalCached = Decimal(records.map(\.cachedInputTokens).reduce(0, +))
        let totalOut = Decimal(records.map(\.outputTokens).reduce(0, +))
        let actualIn = totalIn / count, actualCached = totalCached / count, actualOut = totalOut / count
        let rate = { (unit: BillingUnit) in (rateCard.rate(for: unit)?.neuronsPerQuote.value ?? 0) / unit.quotedQuantity }
        let inputRate = rate(.inputTokens), outputRate = rate(.outputTokens)
        let cachedRate = rateCard.rate(for: .cachedInputTokens) == nil ? inputRate : rate(.cachedInputTokens)
        let usage = BillableUsage([
            .inputTokens: Decimal(records.map { $0.inputTokens - $0.cachedInputTokens }.reduce(0, +)),
            .cachedInputTokens: Decimal(records.map(\.cachedInputTokens).reduce(0, +)),
            .outputTokens: Decimal(records.map(\.outputTokens).reduce(0, +)),
        ])
        let fromTokens = rateCard.estimate(usage, policy: billing).neurons
        let reported: Neurons? = records.allSatisfy { $0.neurons != nil }
            ? records.compactMap(\.neurons).reduce(Neurons.zero, +) : nil
        let estimated = Neurons(estimatedPerRequest * Decimal(requests))
        let actual = reported ?? fromTokens
        let total = Decimal(requests)
        let inputEffect = Neurons((totalIn - estimatedIn * total) * inputRate)
        let cachedEffect = Neurons((totalCached - estimatedCached * total) * (cachedRate - inputRate))
        let outputEffect = Neurons((totalOut - estimatedOut * total) * outputRate)
        let explained = inputEffect + cachedEffect + outputEffect
        let assumedMax = types.contains { $0.outputTokensAssumed }
        let plainText = types.contains { $0.caveats.contains { $0.contains("chat template") } }
        let inputDelta = actualIn - estimatedIn
        var explanations = [
            Explanation(
                cause: "input_tokens", neurons: inputEffect,
                text: inputDelta == 0 ? "prompt length as estimated"
                    : "\(Figures.decimal(abs(inputDelta), places: 1)) \(inputDelta > 0 ? "more" : "fewer") prompt tokens per request than estimated"
                        + (inputDelta > 0 && plainText ? "; the estimate counted plain prompt text, and the chat template (role headers, BOS) adds tokens per message" : "")),
            Explanation(
                cause: "cached_input", neurons: cachedEffect,
                text: actualCached == estimatedCached ? "cached input as estimated"
                    : "\(Figures.decimal(actualCached, places: 1)) prompt tokens per request billed as cached input (estimated \(Figures.decimal(estimatedCached, places: 1)))"
                        + (rateCard.rate(for: .cachedInputTokens) == nil ? "; this model has no cached-input price, so no effect" : " at the lower cached rate")),
            Explanation(
                cause: "output_tokens", neurons: outputEffect,
                text: "replies averaged \(Figures.decimal(actualOut, places: 1)) output tokens against \(Figures.decimal(estimatedOut, places: 1)) "
                    + (assumedMax ? "assumed (the worst case, max_tokens)" : "estimated")),
        ]
        // Whatever the token effects do not explain: reported neurons vs the price table, and rounding of the means.
        let rest = actual - estimated - explained
        if rest != .zero || reported != nil {
            explanations.append(Explanation(
                cause: "reported_vs_price_table", neurons: rest,
                text: reported == nil ? "rounding of the estimated means"
                    : "platform-reported neurons minus the price table's neurons for the same tokens"))
        }
        return ModelRow(
            model: "\(types[0].model)", requests: requests,
            estimatedInputTokens: estimatedIn.rounded(2), actualInputTokens: actualIn.rounded(2),
            estimatedCachedInputTokens: estimatedCached.rounded(2), actualCachedInputTokens: actualCached.rounded(2),
            estimatedOutputTokens: estimatedOut.rounded(2), actualOutputTokens: actualOut.rounded(2),
            estimatedNeurons: estimated, actualNeuronsFromTokens: fromTokens, reportedNeurons: reported,
            difference: actual - estimated, differenceDollars: billing.dollars(for: actual - estimated), explanations: explanations)
    }
}
