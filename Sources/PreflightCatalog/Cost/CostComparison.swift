import Foundation

/// One model's cost for the same request, as `preflight cost --compare` lists it.
public struct CostComparisonEntry: Sendable, Hashable {
    /// The model.
    public var modelID: String
    /// Prompt tokens with this model's tokenizer.
    public var inputTokens: Int
    /// Output tokens assumed.
    public var outputTokens: Int
    /// The model's context window, when known.
    public var contextWindow: Int?
    /// The estimate.
    public var estimate: CostEstimate
}

extension Catalog {
    /// Costs one prompt on every current model of `task` that has prices, a context window the
    /// prompt plus output fits in, and (when the prompt is text) a tokenizer; cheapest first (ties by id).
    ///
    /// - Parameters:
    ///   - count: counts the prompt for a model; returns `nil` when that model cannot count it
    ///     (then the model is left out). Given a token count instead of text, pass a closure that
    ///     returns it for every model, with `countCaveat` saying the counts come from another tokenizer.
    ///   - outputTokens: generated tokens; `nil` assumes each model's default `max_tokens`.
    ///   - today: `YYYY-MM-DD`; models retired on or before it are left out.
    /// - Complexity: O(m × cost of counting) for m models of the task.
    public func costComparison(
        task: ModelTask, outputTokens: Int?, today: String, policy: BillingPolicy,
        countCaveat: CostCaveat? = nil, count: (ModelSpec) -> Int?
    ) -> [CostComparisonEntry] {
        var entries: [CostComparisonEntry] = []
        for model in models(for: task) where model.pricing != nil {
            if let deprecation = model.deprecation, deprecation.deprecated, (deprecation.date ?? "") <= today { continue }
            guard let input = count(model) else { continue }
            let output = outputTokens ?? model.assumedMaxTokens
            if let window = model.contextWindow.tokens, input + (task.generatesTokens ? output : 0) > window { continue }
            var caveats = model.tokenCountCaveats
            if let countCaveat { caveats.append(countCaveat) }
            if outputTokens == nil, task.generatesTokens { caveats.append(.outputTokensAssumed(maxTokens: output)) }
            let usage = BillableUsage(inputTokens: input, outputTokens: task.generatesTokens ? output : 0)
            entries.append(
                CostComparisonEntry(
                    modelID: model.id, inputTokens: input, outputTokens: task.generatesTokens ? output : 0,
                    contextWindow: model.contextWindow.tokens,
                    estimate: model.rateCard.estimate(usage, policy: policy, caveats: caveats)))
        }
        return entries.sorted { ($0.estimate.neuronsPerRequest, $0.modelID) < ($1.estimate.neuronsPerRequest, $1.modelID) }
    }
}
