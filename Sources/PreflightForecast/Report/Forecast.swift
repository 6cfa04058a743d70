import Foundation
public import PreflightCatalog

/// A finished forecast: the numbers every report format renders. Codable with stable snake_case
/// keys (the JSON report is this value encoded with sorted keys). Money is exact (see `Dollars`).
public struct Forecast: Sendable, Codable {
    /// The workload's title.
    public var workload: String
    /// First day forecast.
    public var start: CalendarDay
    /// Last day forecast.
    public var end: CalendarDay
    /// Days forecast.
    public var days: Int
    /// The sampling seed used.
    public var seed: UInt64
    /// Samples drawn per request type.
    public var samples: Int
    /// Neuron price and daily free allocation applied.
    public var billing: BillingPolicy
    /// Per request type: tokens, neurons and dollars per request, and totals.
    public var requestTypes: [RequestTypeForecast]
    /// One row per UTC day.
    public var daily: [DayForecast]
    /// One row per calendar month (partial months at the ends).
    public var monthly: [PeriodTotals]
    /// Totals over the whole forecast.
    public var total: PeriodTotals
    /// Each model's share of the cost.
    public var models: [ModelShare]
    /// Busiest minute per model against its rate limit.
    public var peaks: [PeakLoad]
    /// What each request type would cost on other models.
    public var alternatives: [Alternative]
    /// Whether every figure rests on exact token counts and known prices.
    public var isExact: Bool
    /// Everything that makes figures inexact, or that was assumed.
    public var caveats: [String]
}

/// Per-request figures of one request type on one model, from the sampled requests.
public struct RequestTypeForecast: Sendable, Codable {
    /// The request type's name.
    public var name: String
    /// The model it calls.
    public var model: String
    /// Mean prompt tokens per request (exact mean of the samples; reports round it for display).
    public var meanInputTokens: Decimal
    /// Median prompt tokens of the samples (nearest rank).
    public var p50InputTokens: Int
    /// 95th-percentile prompt tokens of the samples (nearest rank).
    public var p95InputTokens: Int
    /// The longest sampled prompt, in tokens.
    public var maxInputTokens: Int
    /// Mean output tokens per request.
    public var meanOutputTokens: Decimal
    /// Whether output tokens were assumed to be the model's default max_tokens.
    public var outputTokensAssumed: Bool
    /// Share of prompt tokens billed as cached input, in percent.
    public var cachedInputPercent: Decimal
    /// Neurons of the mean request.
    public var neuronsPerRequest: Neurons
    /// Dollars of the mean request, before the free allocation.
    public var dollarsPerRequest: Dollars
    /// Requests on the first day.
    public var requestsFirstDay: Int
    /// Requests on the last day.
    public var requestsLastDay: Int
    /// Requests over the whole forecast.
    public var requests: Int
    /// Neurons over the forecast.
    public var neurons: Neurons
    /// Dollars over the forecast, before the free allocation.
    public var dollarsBeforeFreeAllocation: Dollars
    /// Samples whose prompt plus output exceed the model's context window.
    public var samplesNotFitting: Int
    /// Whether token counts and prices are exact for this request type.
    public var isExact: Bool
    /// Why not, and what was assumed.
    public var caveats: [String]
}

/// One model's part of one day.
public struct ModelDay: Sendable, Codable {
    /// The model.
    public var model: String
    /// Its requests that day.
    public var requests: Int
    /// Its neurons that day.
    public var neurons: Neurons
}

/// One UTC day.
public struct DayForecast: Sendable, Codable {
    /// The UTC day.
    public var date: CalendarDay
    /// Requests that day, all request types.
    public var requests: Int
    /// Neurons that day, before the free allocation.
    public var neurons: Neurons
    /// Neurons covered by that day's free allocation.
    public var freeNeurons: Neurons
    /// Neurons billed after it.
    public var billedNeurons: Neurons
    /// Dollars of all the day's neurons.
    public var dollarsBeforeFreeAllocation: Dollars
    /// What the day is billed.
    public var dollars: Dollars
    /// The day split by model.
    public var byModel: [ModelDay]
}

/// Sums over a span of days (a month, or the whole forecast).
public struct PeriodTotals: Sendable, Codable {
    /// `YYYY-MM` for a month, `total` for the whole forecast.
    public var period: String
    /// Days in the span.
    public var days: Int
    /// Requests in the span.
    public var requests: Int
    /// Neurons in the span.
    public var neurons: Neurons
    /// Neurons covered by the daily free allocations.
    public var freeNeurons: Neurons
    /// Neurons billed.
    public var billedNeurons: Neurons
    /// Dollars of all the neurons.
    public var dollarsBeforeFreeAllocation: Dollars
    /// Dollars billed.
    public var dollars: Dollars
    /// Days whose neurons all fit in the free allocation.
    public var daysWithinFreeAllocation: Int
}

/// A model's share of the forecast.
public struct ModelShare: Sendable, Codable {
    /// The model.
    public var model: String
    /// Its requests over the forecast.
    public var requests: Int
    /// Its neurons over the forecast.
    public var neurons: Neurons
    /// Percent of all neurons, rounded half-to-even to 2 places.
    public var sharePercent: Decimal
    /// Its dollars before the free allocation.
    public var dollarsBeforeFreeAllocation: Dollars
}

/// The busiest minute of a model against its documented requests-per-minute limit.
public struct PeakLoad: Sendable, Codable {
    /// The model.
    public var model: String
    /// The day with the most requests.
    public var busiestDay: CalendarDay
    /// Average requests per minute on that day, rounded to 2 places.
    public var averageRequestsPerMinute: Decimal
    /// Requests per minute at the peak (average × peak factor), rounded to 2 places.
    public var peakRequestsPerMinute: Decimal
    /// The documented limit, when there is one.
    public var limitRequestsPerMinute: Int?
    /// Peak as a percentage of the limit.
    public var utilizationPercent: Decimal?
    /// Whether the peak exceeds the limit.
    public var exceedsLimit: Bool

    private enum CodingKeys: String, CodingKey {
        case model, busiestDay, averageRequestsPerMinute, peakRequestsPerMinute, limitRequestsPerMinute, utilizationPercent, exceedsLimit
    }

    /// Writes every key, `null` for an undocumented limit, so the JSON report's keys are stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(busiestDay, forKey: .busiestDay)
        try container.encode(averageRequestsPerMinute, forKey: .averageRequestsPerMinute)
        try container.encode(peakRequestsPerMinute, forKey: .peakRequestsPerMinute)
        try container.encode(limitRequestsPerMinute, forKey: .limitRequestsPerMinute)
        try container.encode(utilizationPercent, forKey: .utilizationPercent)
        try container.encode(exceedsLimit, forKey: .exceedsLimit)
    }
}

/// One request type moved to another model, everything else unchanged.
public struct Alternative: Sendable, Codable {
    /// The request type moved.
    public var requestType: String
    /// The model it uses in the workload.
    public var currentModel: String
    /// The alternative model.
    public var model: String
    /// Mean prompt tokens with the alternative's tokenizer (exact mean of the samples).
    public var meanInputTokens: Decimal
    /// Neurons of the mean request on the alternative.
    public var neuronsPerRequest: Neurons
    /// What the whole forecast would bill with this switch.
    public var dollars: Dollars
    /// Billed dollars minus the forecast's (negative = cheaper).
    public var difference: Dollars
    /// Samples that would not fit the alternative's context window.
    public var samplesNotFitting: Int
    /// Whether the alternative's figures are exact.
    public var isExact: Bool
    /// Why not, and what was assumed.
    public var caveats: [String]
}
