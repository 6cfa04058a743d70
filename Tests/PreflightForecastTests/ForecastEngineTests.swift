import Foundation
import PreflightCatalog
import PreflightForecast
import Testing

/// Forecasts over the hand-made directory, checked against figures computed by hand.
@Suite struct ForecastEngineTests {
    static let fixed = """
        {"name": "fixed", "start_date": "2027-01-30", "days": 3, "seed": 7,
         "request_types": [{"name": "chat", "model": "@cf/meta/llama-3.2-1b-instruct",
           "prompt": {"tokens": 1000}, "output_tokens": 500, "requests_per_day": 1000}]}
        """

    @Test func fixedTokensPerDayAndMonth() throws {
        let forecast = try TestModels.forecast(Self.fixed)
        // Per request: 1000 × 2457/1e6 + 500 × 18252/1e6 = 2.457 + 9.126 = 11.583 neurons.
        // Per day: 1000 × 11.583 = 11,583 neurons; 10,000 free; 1,583 billed × 0.000011 = $0.017413.
        #expect(forecast.requestTypes[0].neuronsPerRequest == Neurons(TestModels.decimal("11.583")))
        #expect(forecast.daily.count == 3)
        for day in forecast.daily {
            #expect(day.neurons == Neurons(11583))
            #expect(day.freeNeurons == Neurons(10_000))
            #expect(day.billedNeurons == Neurons(1583))
            #expect(day.dollars == Dollars(TestModels.decimal("0.017413")))
        }
        // Months: 30 and 31 January, then 1 February.
        #expect(forecast.monthly.map(\.period) == ["2027-01", "2027-02"])
        #expect(forecast.monthly.map(\.days) == [2, 1])
        #expect(forecast.monthly[0].dollars == Dollars(TestModels.decimal("0.034826")))  // 2 × 0.017413
        // Total: 3 × $0.017413 = $0.052239 billed; 3 × 11,583 × 0.000011 = $0.382239 before the allocation.
        #expect(forecast.total.dollars == Dollars(TestModels.decimal("0.052239")))
        #expect(forecast.total.dollarsBeforeFreeAllocation == Dollars(TestModels.decimal("0.382239")))
        #expect(forecast.total.daysWithinFreeAllocation == 0)
        #expect(forecast.isExact)
    }

    @Test func freeAllocationIsAppliedPerDayNotPooled() throws {
        // Day 1: 500 requests × 11.583 = 5,791.5 neurons (all free).
        // Day 2: 500 × (1 + 200 %) = 1,500 × 11.583 = 17,374.5 neurons → 7,374.5 billed → $0.0811195.
        // Pooled over both days it would be 23,166 − 20,000 = 3,166 billed; per day it is 7,374.5.
        let json = Self.fixed.replacingOccurrences(of: "\"days\": 3", with: "\"days\": 2")
            .replacingOccurrences(of: "\"requests_per_day\": 1000", with: "\"requests_per_day\": 500, \"growth\": {\"percent\": 200, \"per\": \"day\"}")
        let forecast = try TestModels.forecast(json)
        #expect(forecast.daily.map(\.requests) == [500, 1500])
        #expect(forecast.daily[0].dollars == .zero)
        #expect(forecast.daily[1].billedNeurons == Neurons(TestModels.decimal("7374.5")))
        #expect(forecast.total.dollars == Dollars(TestModels.decimal("0.0811195")))
        #expect(forecast.total.daysWithinFreeAllocation == 1)
    }

    @Test func peakAgainstRateLimit() throws {
        // 144,000 requests a day = 100 a minute on average; × peak factor 3 = 300 = the 300 rpm limit (not over).
        let atLimit = try TestModels.forecast(Self.fixed.replacingOccurrences(of: "\"requests_per_day\": 1000", with: "\"requests_per_day\": 144000"))
        #expect(atLimit.peaks[0].averageRequestsPerMinute == 100)
        #expect(atLimit.peaks[0].peakRequestsPerMinute == 300)
        #expect(atLimit.peaks[0].utilizationPercent == 100)
        #expect(!atLimit.peaks[0].exceedsLimit)
        // 150,000 a day = 104.1666… a minute; × 3 = 312.5 > 300.
        let over = try TestModels.forecast(Self.fixed.replacingOccurrences(of: "\"requests_per_day\": 1000", with: "\"requests_per_day\": 150000"))
        #expect(over.peaks[0].peakRequestsPerMinute == TestModels.decimal("312.5"))
        #expect(over.peaks[0].exceedsLimit)
        #expect(over.caveats.contains { $0.contains("exceeds the limit of 300") })
    }

    @Test func alternativeAtHalfPriceIsPricedByHand() throws {
        let json = Self.fixed.replacingOccurrences(of: "\"days\": 3", with: "\"days\": 3, \"compare_models\": [\"test/half-price\", \"test/embedder\"]")
        let forecast = try TestModels.forecast(json)
        // Only same-task models are compared: the embedder is skipped.
        #expect(forecast.alternatives.map(\.model) == ["test/half-price"])
        let alternative = forecast.alternatives[0]
        // Half price: 5.7915 neurons per request; 5,791.5 a day, all within the free allocation → $0 billed.
        #expect(alternative.neuronsPerRequest == Neurons(TestModels.decimal("5.7915")))
        #expect(alternative.dollars == .zero)
        #expect(alternative.difference == Dollars(TestModels.decimal("-0.052239")))
        // Token distributions are in the source model's tokens: the alternative says so.
        #expect(!alternative.isExact)
        // Its context window is 1,000 tokens: 1,000 + 500 does not fit, in every sample.
        #expect(alternative.samplesNotFitting == 1000)
    }

    @Test func outputDefaultsToTheWorstCase() throws {
        let forecast = try TestModels.forecast(Self.fixed.replacingOccurrences(of: "\"output_tokens\": 500, ", with: ""))
        let type = forecast.requestTypes[0]
        #expect(type.outputTokensAssumed)
        #expect(type.meanOutputTokens == 256)
        // 2.457 + 256 × 18252 / 1e6 = 2.457 + 4.672512 = 7.129512 neurons.
        #expect(type.neuronsPerRequest == Neurons(TestModels.decimal("7.129512")))
        #expect(type.caveats.contains { $0.contains("max_tokens = 256") })
    }

    @Test func sampledDistributionsAreDeterministicPerSeed() throws {
        let json = Self.fixed.replacingOccurrences(of: "{\"tokens\": 1000}", with: "{\"tokens\": {\"distribution\": \"uniform\", \"min\": 100, \"max\": 1900}}")
        let first = try TestModels.forecast(json)
        let again = try TestModels.forecast(json)
        let reseeded = try TestModels.forecast(json.replacingOccurrences(of: "\"seed\": 7", with: "\"seed\": 8"))
        #expect(first.rendered(as: .json) == again.rendered(as: .json))
        #expect(first.requestTypes[0].meanInputTokens != reseeded.requestTypes[0].meanInputTokens)
        // Uniform 100…1900 has mean 1000; 1,000 samples land within ±5 % of it.
        let mean = first.requestTypes[0].meanInputTokens
        #expect(mean > 950 && mean < 1050)
        #expect(first.requestTypes[0].maxInputTokens <= 1900)
    }

    @Test func promptFilesAreCountedWithTheModelsTokenizer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-forecast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("prompts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "one two three".write(to: folder.appendingPathComponent("prompts/a.txt"), atomically: true, encoding: .utf8)
        try "one two three four five six seven".write(to: folder.appendingPathComponent("prompts/b.txt"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("prompts/c.md"), atomically: true, encoding: .utf8)
        let json = Self.fixed.replacingOccurrences(of: "{\"tokens\": 1000}", with: "{\"folder\": \"prompts\", \"extension\": \"txt\"}")
        let forecast = try TestModels.forecast(json, base: folder)
        let type = forecast.requestTypes[0]
        // Two files of 3 and 7 words: every sample is one of them.
        #expect(type.maxInputTokens == 7)
        #expect(type.p50InputTokens == 3 || type.p50InputTokens == 7)
        #expect(type.meanInputTokens > 3 && type.meanInputTokens < 7)
        // Plain text counts leave out the chat template, and say so.
        #expect(type.caveats.contains { $0.contains("chat template") })
    }
}
