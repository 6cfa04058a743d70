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
    public var name: String
    public var model: String
    /// Mean prompt tokens per request (exact mean of the samples).
    public var meanInputTokens: Decimal
    /// Median and 95th-percentile prompt tokens of the samples (nearest rank).
    public var p50InputTokens: Int
    public var p95InputTokens: Int
    public var maxInputTokens: Int
    /// Mean output tokens per request.
    public var meanOutputTokens: Decimal
    /// Whether output tokens were assumed to be the model's default max_tokens.
    public var outputTokensAssumed: Bool
    public var cachedInputPercent: Decimal
    /// Neurons and dollars (before the free allocation) of the mean request.
    public var neuronsPerRequest: Neurons
    public var dollarsPerRequest: Dollars
    /// Requests on the first and last day, and over the whole forecast.
    public var requestsFirstDay: Int
    public var requestsLastDay: Int
    public var requests: Int
    /// Neurons and dollars over the forecast, before the free allocation.
    public var neurons: Neurons
    public var dollarsBeforeFreeAllocation: Dollars
    /// Samples whose prompt plus output exceed the model's context window.
    public var samplesNotFitting: Int
    public var isExact: Bool
    public var caveats: [String]
}

/// One model's part of one day.
public struct ModelDay: Sendable, Codable {
    public var model: String
    public var requests: Int
    public var neurons: Neurons
}

/// One UTC day.
public struct DayForecast: Sendable, Codable {
    public var date: CalendarDay
    public var requests: Int
    public var neurons: Neurons
    /// Neurons covered by that day's free allocation.
    public var freeNeurons: Neurons
    /// Neurons billed after it.
    public var billedNeurons: Neurons
    public var dollarsBeforeFreeAllocation: Dollars
    /// What the day is billed.
    public var dollars: Dollars
    public var byModel: [ModelDay]
}

/// Sums over a span of days (a month, or the whole forecast).
public struct PeriodTotals: Sendable, Codable {
    /// `YYYY-MM` for a month, `total` for the whole forecast.
    public var period: String
    public var days: Int
    public var requests: Int
    public var neurons: Neurons
    public var freeNeurons: Neurons
    public var billedNeurons: Neurons
    public var dollarsBeforeFreeAllocation: Dollars
    public var dollars: Dollars
    /// Days whose neurons all fit in the free allocation.
    public var daysWithinFreeAllocation: Int
}

/// A model's share of the forecast.
public struct ModelShare: Sendable, Codable {
    public var model: String
    public var requests: Int
    public var neurons: Neurons
    /// Percent of all neurons, rounded half-to-even to 2 places.
    public var sharePercent: Decimal
    public var dollarsBeforeFreeAllocation: Dollars
}

/// The busiest minute of a model against its documented requests-per-minute limit.
public struct PeakLoad: Sendable, Codable {
    public var model: String
    /// The day with the most requests.
    public var busiestDay: CalendarDay
    /// Requests per minute on that day on average, and at the peak (average × peak factor), rounded to 2 places.
    public var averageRequestsPerMinute: Decimal
    public var peakRequestsPerMinute: Decimal
    /// The documented limit, when there is one.
    public var limitRequestsPerMinute: Int?
    /// Peak as a percentage of the limit.
    public var utilizationPercent: Decimal?
    /// Whether the peak exceeds the limit.
    public var exceedsLimit: Bool
}

/// One request type moved to another model, everything else unchanged.
public struct Alternative: Sendable, Codable {
    public var requestType: String
    public var currentModel: String
    public var model: String
    public var meanInputTokens: Decimal
    public var neuronsPerRequest: Neurons
    /// What the whole forecast would bill with this switch.
    public var dollars: Dollars
    /// Billed dollars minus the forecast's (negative = cheaper).
    public var difference: Dollars
    /// Samples that would not fit the alternative's context window.
    public var samplesNotFitting: Int
    public var isExact: Bool
    public var caveats: [String]
}
