import Foundation
import PreflightCatalog
import PreflightForecast

/// What `preflight cost` prints: JSON with stable snake_case keys, or aligned text.
struct CostReport: Encodable {
    /// One billed unit.
    struct Line: Encodable {
        var unit: String
        var quantity: Decimal
        var quantityPerRequest: Decimal
        var neuronsPerRequest: Neurons
        var quote: String?
        var neuronsPerQuote: Neurons?
        var publishedUSDPerQuote: Dollars?
        var neurons: Neurons
        var usd: Dollars

        enum CodingKeys: String, CodingKey {
            case unit, quantity, quote, neurons, usd
            case quantityPerRequest = "quantity_per_request", neuronsPerRequest = "neurons_per_request"
            case neuronsPerQuote = "neurons_per_quote"
            case publishedUSDPerQuote = "published_usd_per_quote"
        }
    }

    /// One model of `--compare`.
    struct Alternative: Encodable {
        var model: String
        var inputTokens: Int
        var outputTokens: Int
        var contextWindow: Int?
        var neuronsPerRequest: Neurons
        var usdPerRequest: Dollars
        var usd: Dollars
        var usdAfterFreeAllocation: Dollars
        var exact: Bool
        var reason: String?

        enum CodingKeys: String, CodingKey {
            case model, usd, exact, reason
            case inputTokens = "input_tokens", outputTokens = "output_tokens", contextWindow = "context_window"
            case neuronsPerRequest = "neurons_per_request", usdPerRequest = "usd_per_request"
            case usdAfterFreeAllocation = "usd_after_free_allocation"
        }
    }

    var model: String
    var task: String
    var tokenizer: String?
    var inputTokens: Int?
    var outputTokens: Int?
    var outputTokensAssumed: Bool
    var requests: Int
    var neurons: Neurons
    var neuronsPerRequest: Neurons
    var usd: Dollars
    var usdPerRequest: Dollars
    var usdAfterFreeAllocation: Dollars
    var requestsWithinFreeAllocation: Int?
    var freeNeuronsPerDay: Neurons
    var usdPerThousandNeurons: Decimal
    var exact: Bool
    var reason: String?
    var notes: [String]
    var breakdown: [Line]
    var comparison: [Alternative]?

    enum CodingKeys: String, CodingKey {
        case model, task, tokenizer, requests, neurons, usd, exact, reason, notes, breakdown, comparison
        case inputTokens = "input_tokens", outputTokens = "output_tokens", outputTokensAssumed = "output_tokens_assumed"
        case neuronsPerRequest = "neurons_per_request", usdPerRequest = "usd_per_request"
        case usdAfterFreeAllocation = "usd_after_free_allocation"
        case requestsWithinFreeAllocation = "requests_within_free_allocation"
        case freeNeuronsPerDay = "free_neurons_per_day", usdPerThousandNeurons = "usd_per_1000_neurons"
    }

    /// Writes every key, `null` included, so the JSON has the same keys whatever the answer.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(task, forKey: .task)
        try container.encode(tokenizer, forKey: .tokenizer)
        try container.encode(inputTokens, forKey: .inputTokens)
        try container.encode(outputTokens, forKey: .outputTokens)
        try container.encode(outputTokensAssumed, forKey: .outputTokensAssumed)
        try container.encode(requests, forKey: .requests)
        try container.encode(neurons, forKey: .neurons)
        try container.encode(neuronsPerRequest, forKey: .neuronsPerRequest)
        try container.encode(usd, forKey: .usd)
        try container.encode(usdPerRequest, forKey: .usdPerRequest)
        try container.encode(usdAfterFreeAllocation, forKey: .usdAfterFreeAllocation)
        try container.encode(requestsWithinFreeAllocation, forKey: .requestsWithinFreeAllocation)
        try container.encode(freeNeuronsPerDay, forKey: .freeNeuronsPerDay)
        try container.encode(usdPerThousandNeurons, forKey: .usdPerThousandNeurons)
        try container.encode(exact, forKey: .exact)
        try container.encode(reason, forKey: .reason)
        try container.encode(notes, forKey: .notes)
        try container.encode(breakdown, forKey: .breakdown)
        try container.encodeIfPresent(comparison, forKey: .comparison)
    }

    init(estimate: CostEstimate, spec: ModelSpec, policy: BillingPolicy, tokens: Int?, outputTokens: Int?, outputAssumed: Bool,
         tokenizer: String?, comparison: [CostComparisonEntry]?) {
        model = spec.id
        task = spec.task.rawValue
        self.tokenizer = tokenizer ?? spec.tokenizer
        inputTokens = tokens
        self.outputTokens = outputTokens
        outputTokensAssumed = outputAssumed
        requests = estimate.requests
        neurons = estimate.neurons
        neuronsPerRequest = estimate.neuronsPerRequest
        usd = estimate.dollars
        usdPerRequest = policy.dollars(for: estimate.neuronsPerRequest)
        usdAfterFreeAllocation = estimate.dollarsAfterFreeAllocation
        requestsWithinFreeAllocation = estimate.requestsWithinFreeAllocation
        freeNeuronsPerDay = policy.freeNeuronsPerDay
        usdPerThousandNeurons = policy.dollarsPerThousandNeurons
        exact = estimate.isExact
        reason = Self.reason(estimate)
        notes = estimate.caveats.filter { !$0.makesInexact }.map(\.description)
        if let window = spec.contextWindow.tokens, let tokens, tokens + (spec.task.generatesTokens ? outputTokens ?? 0 : 0) > window {
            notes.append("\(tokens) prompt tokens + \(outputTokens ?? 0) output tokens exceed the \(window)-token context window: the request would be rejected")
        }
        breakdown = estimate.lines.map {
            Line(unit: $0.unit.rawValue, quantity: $0.quantity, quantityPerRequest: estimate.usagePerRequest[$0.unit],
                 neuronsPerRequest: $0.rate?.neurons(for: estimate.usagePerRequest[$0.unit]) ?? .zero, quote: $0.rate?.unit.quoteLabel, neuronsPerQuote: $0.rate?.neuronsPerQuote,
                 publishedUSDPerQuote: $0.rate?.publishedDollarsPerQuote, neurons: $0.neurons, usd: $0.dollars)
        }
        self.comparison = comparison?.map { entry in
            let perRequest = policy.dollars(for: entry.estimate.neuronsPerRequest)
            let all = entry.estimate.neuronsPerRequest.times(estimate.requests)
            return Alternative(
                model: entry.modelID, inputTokens: entry.inputTokens, outputTokens: entry.outputTokens, contextWindow: entry.contextWindow,
                neuronsPerRequest: entry.estimate.neuronsPerRequest, usdPerRequest: perRequest, usd: policy.dollars(for: all),
                usdAfterFreeAllocation: policy.dollarsAfterFreeAllocation(ofDay: all), exact: entry.estimate.isExact,
                reason: Self.reason(entry.estimate))
        }
    }

    /// Why the figures are inexact, `nil` when they are exact.
    static func reason(_ estimate: CostEstimate) -> String? {
        let reasons = estimate.caveats.filter(\.makesInexact).map(\.description)
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// The human-readable form.
    var text: String {
        var out = "\(model) (\(task)\(tokenizer.map { ", tokenizer \($0)" } ?? ""))\n"
        for line in breakdown {
            let rate = line.neuronsPerQuote.map { "× \(Figures.neurons($0)) neurons \(line.quote ?? "")" } ?? "× no published price"
            out += "  \(Figures.decimal(line.quantityPerRequest, places: 3)) \(line.unit.replacingOccurrences(of: "_", with: " ")) \(rate) = \(Figures.neurons(line.neuronsPerRequest)) neurons\n"
        }
        out += "  per request: \(Figures.neurons(neuronsPerRequest)) neurons = \(Figures.dollars(usdPerRequest))\n"
        if requests != 1 {
            out += "  \(Figures.integer(requests)) requests: \(Figures.neurons(neurons)) neurons = \(Figures.dollars(usd)) before the free allocation\n"
        }
        out += "  billed for one UTC day after the free allocation (\(Figures.neurons(freeNeuronsPerDay)) neurons): \(Figures.dollars(usdAfterFreeAllocation))\n"
        out += "  requests per day within the free allocation: \(requestsWithinFreeAllocation.map(Figures.integer) ?? "unlimited (no charge)")\n"
        out += "  exact: \(exact ? "yes" : "no")\(reason.map { " (\($0))" } ?? "")\n"
        for note in notes { out += "  note: \(note)\n" }
        if let comparison {
            out += "\nSame request on every current \(task) model it fits (cheapest first):\n"
            let width = comparison.map(\.model.count).max() ?? 0
            for entry in comparison {
                let marker = entry.model == model ? "*" : " "
                out += "\(marker) \(entry.model.padding(toLength: width, withPad: " ", startingAt: 0))  \(Figures.integer(entry.inputTokens)) in / \(Figures.integer(entry.outputTokens)) out  \(Figures.neurons(entry.neuronsPerRequest)) neurons  \(Figures.dollars(entry.usdPerRequest))/request  \(Figures.dollars(entry.usd)) for \(Figures.integer(requests))\(entry.exact ? "" : "  (approximate)")\n"
            }
        }
        return out
    }
}
