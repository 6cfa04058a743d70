import Foundation
public import PreflightCatalog

/// Turns a workload into a forecast: samples each request type, costs it per day with the free
/// allocation applied per UTC day, checks peaks against rate limits, and prices alternatives.
public struct ForecastEngine: Sendable {
    /// The models workloads may name.
    public var directory: ModelDirectory
    /// Neuron price and free allocation.
    public var billing: BillingPolicy
    /// Receives progress when many prompt files are counted.
    public var progress: ForecastProgress?

    /// An engine over `directory`.
    public init(directory: ModelDirectory, billing: BillingPolicy = .workersAI, progress: ForecastProgress? = nil) {
        self.directory = directory
        self.billing = billing
        self.progress = progress
    }

    /// Forecasts `workload`, reading prompt files relative to `baseDirectory`; `file` names the
    /// workload in messages.
    /// - Throws: `WorkloadError` for unknown models and unreadable prompt files, with the field's pointer.
    /// - Complexity: O(types × (samples + days) + prompt bytes), times the number of alternatives.
    public func forecast(_ workload: Workload, baseDirectory: URL, file: String) throws(WorkloadError) -> Forecast {
        let models = try workload.requestTypes.map { type throws(WorkloadError) in
            try resolve(type.model, file: file, pointer: type.pointer.appending("model"))
        }
        var corpora: [PromptCorpus] = []
        for type in workload.requestTypes {
            corpora.append(try PromptCorpus.load(type.prompt, baseDirectory: baseDirectory, file: file, pointer: type.pointer.appending("prompt")))
        }
        let calendar = (0..<workload.days).map { workload.start.adding(days: $0) }
        let requests = calendar.map { day in workload.requestTypes.map { $0.requests(on: day, start: workload.start) } }
        let profile = { (index: Int, model: ForecastModel) throws(WorkloadError) -> RequestProfile in
            let type = workload.requestTypes[index]
            let counts = try promptCounts(
                of: corpora[index], for: model, progress: progress, file: file, pointer: type.pointer.appending("prompt"))
            return RequestProfile.sample(type, index: index, model: model, promptCounts: counts, seed: workload.seed, samples: workload.samples)
        }
        var profiles: [RequestProfile] = []
        for index in models.indices { profiles.append(try profile(index, models[index])) }
        let daily = dailyRows(calendar: calendar, requests: requests, models: models.map(\.id), profiles: profiles)
        let total = totals(of: daily, period: "total")
        var alternatives: [Alternative] = []
        for (index, type) in workload.requestTypes.enumerated() {
            for candidate in try comparisonModels(for: type, workload: workload, file: file) where candidate.id != type.model {
                guard candidate.task == models[index].task else { continue }
                let alternative = try profile(index, candidate)
                var swapped = profiles
                swapped[index] = alternative
                var ids = models.map(\.id)
                ids[index] = candidate.id
                let billed = totals(of: dailyRows(calendar: calendar, requests: requests, models: ids, profiles: swapped), period: "total").dollars
                alternatives.append(
                    Alternative(
                        requestType: type.name, currentModel: type.model, model: candidate.id,
                        meanInputTokens: alternative.meanInputTokens, neuronsPerRequest: alternative.estimate.neuronsPerRequest,
                        dollars: billed, difference: billed - total.dollars, samplesNotFitting: alternative.samplesNotFitting,
                        isExact: alternative.estimate.isExact, caveats: alternative.estimate.caveats.map(\.description)))
            }
        }
        let summaries = workload.requestTypes.indices.map { index in
            summary(of: workload.requestTypes[index], model: models[index], profile: profiles[index], requests: requests.map { $0[index] })
        }
        let peaks = peakLoads(workload: workload, models: models, calendar: calendar, requests: requests)
        return Forecast(
            workload: workload.name, start: workload.start, end: workload.end, days: workload.days, seed: workload.seed,
            samples: workload.samples, billing: billing, requestTypes: summaries, daily: daily,
            monthly: monthlyTotals(of: daily), total: total, models: shares(of: summaries, total: total),
            peaks: peaks, alternatives: alternatives, isExact: summaries.allSatisfy(\.isExact),
            caveats: forecastCaveats(summaries: summaries, peaks: peaks))
    }

    private func resolve(_ id: String, file: String, pointer: JSONPointer) throws(WorkloadError) -> ForecastModel {
        guard let model = directory.model(id: id) else { throw .unknownModel(file: file, pointer: pointer, modelID: id) }
        return model
    }

    private func comparisonModels(for type: RequestType, workload: Workload, file: String) throws(WorkloadError) -> [ForecastModel] {
        var seen = Set<String>()
        var result: [ForecastModel] = []
        let named = type.compareModels.enumerated().map { (type.pointer.appending("compare_models").appending($0.offset), $0.element) }
            + workload.compareModels.enumerated().map { (JSONPointer(tokens: ["compare_models", String($0.offset)]), $0.element) }
        for (pointer, id) in named where seen.insert(id).inserted {
            result.append(try resolve(id, file: file, pointer: pointer))
        }
        return result
    }

    /// Daily rows for the given per-type models and profiles.
    /// - Complexity: O(days × types).
    private func dailyRows(calendar: [CalendarDay], requests: [[Int]], models: [String], profiles: [RequestProfile]) -> [DayForecast] {
        calendar.indices.map { dayIndex in
            var byModel: [ModelDay] = []
            var neurons = Neurons.zero
            for (typeIndex, model) in models.enumerated() {
                let count = requests[dayIndex][typeIndex]
                let spent = profiles[typeIndex].estimate.neuronsPerRequest.times(count)
                neurons = neurons + spent
                if let existing = byModel.firstIndex(where: { $0.model == model }) {
                    byModel[existing].requests += count
                    byModel[existing].neurons = byModel[existing].neurons + spent
                } else {
                    byModel.append(ModelDay(model: model, requests: count, neurons: spent))
                }
            }
            let billed = billing.billableNeurons(ofDay: neurons)
            return DayForecast(
                date: calendar[dayIndex], requests: requests[dayIndex].reduce(0, +), neurons: neurons,
                freeNeurons: neurons - billed, billedNeurons: billed,
                dollarsBeforeFreeAllocation: billing.dollars(for: neurons), dollars: billing.dollars(for: billed), byModel: byModel)
        }
    }

    private func totals(of days: some Collection<DayForecast>, period: String) -> PeriodTotals {
        var result = PeriodTotals(
            period: period, days: days.count, requests: 0, neurons: .zero, freeNeurons: .zero, billedNeurons: .zero,
            dollarsBeforeFreeAllocation: .zero, dollars: .zero, daysWithinFreeAllocation: 0)
        for day in days {
            result.requests += day.requests
            result.neurons = result.neurons + day.neurons
            result.freeNeurons = result.freeNeurons + day.freeNeurons
            result.billedNeurons = result.billedNeurons + day.billedNeurons
            result.dollarsBeforeFreeAllocation = result.dollarsBeforeFreeAllocation + day.dollarsBeforeFreeAllocation
            result.dollars = result.dollars + day.dollars
            if day.billedNeurons == .zero { result.daysWithinFreeAllocation += 1 }
        }
        return result
    }

    private func monthlyTotals(of daily: [DayForecast]) -> [PeriodTotals] {
        var months: [PeriodTotals] = []
        var start = daily.startIndex
        while start < daily.endIndex {
            let key = daily[start].date.monthKey
            let end = daily[start...].firstIndex { $0.date.monthKey != key } ?? daily.endIndex
            months.append(totals(of: daily[start..<end], period: key))
            start = end
        }
        return months
    }

    private func summary(of type: RequestType, model: ForecastModel, profile: RequestProfile, requests: [Int]) -> RequestTypeForecast {
        let count = requests.reduce(0, +)
        let estimate = profile.estimate
        let neurons = estimate.neuronsPerRequest.times(count)
        return RequestTypeForecast(
            name: type.name, model: type.model, meanInputTokens: profile.meanInputTokens,
            p50InputTokens: profile.inputTokens(percentile: 50), p95InputTokens: profile.inputTokens(percentile: 95),
            maxInputTokens: profile.sortedInputTokens.last ?? 0, meanOutputTokens: profile.meanOutputTokens,
            outputTokensAssumed: profile.outputTokensAssumed, cachedInputPercent: type.cachedInputPercent,
            neuronsPerRequest: estimate.neuronsPerRequest, dollarsPerRequest: billing.dollars(for: estimate.neuronsPerRequest),
            requestsFirstDay: requests.first ?? 0, requestsLastDay: requests.last ?? 0, requests: count, neurons: neurons,
            dollarsBeforeFreeAllocation: billing.dollars(for: neurons), samplesNotFitting: profile.samplesNotFitting,
            isExact: estimate.isExact, caveats: estimate.caveats.map(\.description))
    }

    private func shares(of types: [RequestTypeForecast], total: PeriodTotals) -> [ModelShare] {
        var shares: [ModelShare] = []
        for type in types {
            if let index = shares.firstIndex(where: { $0.model == type.model }) {
                shares[index].requests += type.requests
                shares[index].neurons = shares[index].neurons + type.neurons
            } else {
                shares.append(ModelShare(model: type.model, requests: type.requests, neurons: type.neurons, sharePercent: 0, dollarsBeforeFreeAllocation: .zero))
            }
        }
        return shares.map { share in
            var share = share
            share.sharePercent = total.neurons.value > 0 ? (share.neurons.value * 100 / total.neurons.value).rounded(2) : 0
            share.dollarsBeforeFreeAllocation = billing.dollars(for: share.neurons)
            return share
        }.sorted { $0.neurons > $1.neurons }
    }

    /// The busiest minute per model: the day with the most `requests × peak factor`, spread over 1,440 minutes.
    private func peakLoads(workload: Workload, models: [ForecastModel], calendar: [CalendarDay], requests: [[Int]]) -> [PeakLoad] {
        var order: [String] = []
        for model in models where !order.contains(model.id) { order.append(model.id) }
        return order.map { id in
            let members = models.indices.filter { models[$0].id == id }
            var best = (day: 0, peak: Decimal(-1), average: Decimal(0))
            for dayIndex in calendar.indices {
                var peak = Decimal(0)
                var average = Decimal(0)
                for index in members {
                    let perMinute = Decimal(requests[dayIndex][index]) / 1440
                    average += perMinute
                    peak += perMinute * (workload.requestTypes[index].peakFactor ?? workload.peakFactor)
                }
                if peak > best.peak { best = (dayIndex, peak, average) }
            }
            let limit = models[members[0]].requestsPerMinuteLimit
            let peak = best.peak.rounded(2)
            return PeakLoad(
                model: id, busiestDay: calendar[best.day], averageRequestsPerMinute: best.average.rounded(2),
                peakRequestsPerMinute: peak, limitRequestsPerMinute: limit,
                utilizationPercent: limit.map { (best.peak * 100 / Decimal($0)).rounded(1) },
                exceedsLimit: limit.map { best.peak > Decimal($0) } ?? false)
        }
    }

    private func forecastCaveats(summaries: [RequestTypeForecast], peaks: [PeakLoad]) -> [String] {
        var caveats: [String] = []
        for type in summaries {
            caveats += type.caveats.map { "\(type.name): \($0)" }
            if type.samplesNotFitting > 0 {
                caveats.append("\(type.name): \(type.samplesNotFitting) sampled requests exceed \(type.model)'s context window and would be rejected")
            }
        }
        for peak in peaks {
            if let limit = peak.limitRequestsPerMinute, peak.exceedsLimit {
                caveats.append("\(peak.model): peak of \(peak.peakRequestsPerMinute) requests/minute on \(peak.busiestDay) exceeds the limit of \(limit)")
            } else if peak.limitRequestsPerMinute == nil {
                caveats.append("\(peak.model): no documented rate limit; peak \(peak.peakRequestsPerMinute) requests/minute not checked")
            }
        }
        return caveats
    }
}

extension Decimal {
    /// This value rounded half-to-even to `scale` decimal places.
    func rounded(_ scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .bankers)
        return result
    }
}
