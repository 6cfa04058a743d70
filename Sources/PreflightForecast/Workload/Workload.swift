import Foundation

/// A description of expected traffic: which requests, to which models, how many a day, for how long.
/// Read from JSON by `Workload.read(from:)`; the format is documented in Docs/forecast.md.
public struct Workload: Sendable, Hashable {
    /// A title for reports.
    public var name: String
    /// The first UTC day forecast.
    public var start: CalendarDay
    /// How many days are forecast (from `start`, inclusive).
    public var days: Int
    /// Seed of the pseudo-random sampling of token distributions: same seed, same report.
    public var seed: UInt64
    /// Requests sampled per request type to estimate mean tokens.
    public var samples: Int
    /// Default ratio of the busiest minute to the average minute.
    public var peakFactor: Decimal
    /// Models to compare every request type against.
    public var compareModels: [String]
    /// The kinds of request making up the traffic.
    public var requestTypes: [RequestType]

    /// The last day forecast.
    public var end: CalendarDay { start.adding(days: days - 1) }
}

/// One kind of request in a workload.
public struct RequestType: Sendable, Hashable {
    /// A name for reports, unique in the workload.
    public var name: String
    /// Catalog id of the model called.
    public var model: String
    /// Where the prompt (and so its token count) comes from.
    public var prompt: PromptSpec
    /// Tokens generated per request; `nil` means the model's default `max_tokens` (the worst case).
    public var outputTokens: TokenDistribution?
    /// Share of prompt tokens billed as cached input, in percent (0–100).
    public var cachedInputPercent: Decimal
    /// Requests on the first day.
    public var requestsPerDay: Int
    /// How the daily requests grow.
    public var growth: Growth?
    /// Ratio of the busiest minute to the average minute; `nil` uses the workload's.
    public var peakFactor: Decimal?
    /// Extra models to compare this request type against.
    public var compareModels: [String]
    /// Where this request type sits in the file, for messages.
    public var pointer: JSONPointer
}

/// Where a request type's prompt comes from.
public enum PromptSpec: Sendable, Hashable {
    /// An inline prompt, counted exactly with each model's tokenizer.
    case text(String)
    /// A prompt file (relative to the workload file), counted exactly.
    case file(String)
    /// Every regular file in a folder (optionally only `.extension` files), each counted exactly,
    /// and sampled uniformly.
    case folder(path: String, fileExtension: String?)
    /// A JSON chat file (`[{"role", "content"}…]` or `{"messages": …}`), counted after each model's
    /// chat template where Preflight reproduces it.
    case messages(String)
    /// A token-count distribution, in the request type's own model's tokens.
    case tokens(TokenDistribution)
}

/// A distribution of token counts.
public enum TokenDistribution: Sendable, Hashable {
    /// Always the same count.
    case fixed(Int)
    /// Any count from `min` through `max`, equally likely.
    case uniform(min: Int, max: Int)
    /// Normal around `mean` with `standardDeviation`, clamped into `min...max`.
    case normal(mean: Int, standardDeviation: Int, min: Int, max: Int)
}

/// Compound growth of the daily request count: `percent` per whole `period` elapsed.
public struct Growth: Sendable, Hashable {
    /// Percent added per period (negative shrinks; more than -100).
    public var percent: Decimal
    /// The period after which each step applies.
    public var period: GrowthPeriod
}

/// The period of a growth step.
public enum GrowthPeriod: String, Sendable, Hashable, CaseIterable {
    /// Every day.
    case day
    /// Every 7 days from the start.
    case week
    /// Every calendar month from the start day (e.g. the 15th of each month).
    case month
    /// Every 12 calendar months.
    case year

    /// Whole periods elapsed from `start` to `day`.
    public func elapsed(from start: CalendarDay, to day: CalendarDay) -> Int {
        switch self {
        case .day: return day.dayNumber - start.dayNumber
        case .week: return (day.dayNumber - start.dayNumber) / 7
        case .month: return day.wholeMonths(since: start)
        case .year: return day.wholeMonths(since: start) / 12
        }
    }
}

extension RequestType {
    /// Requests on `day`: `requestsPerDay × (1 + percent/100)^periods`, rounded half-to-even to whole requests.
    public func requests(on day: CalendarDay, start: CalendarDay) -> Int {
        guard let growth else { return requestsPerDay }
        let periods = growth.period.elapsed(from: start, to: day)
        var value = Decimal(requestsPerDay) * pow(1 + growth.percent / 100, periods)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .bankers)
        return Int(rounded.description) ?? Int.max
    }
}
