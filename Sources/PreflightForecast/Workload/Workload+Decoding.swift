import Foundation

/// A coding key for any field name, used to find fields the format does not know.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

/// A validation failure found while decoding, before the file name is known.
struct WorkloadFieldFailure: Error {
    enum Kind { case unknownField(allowed: [String]); case invalid(String) }
    var codingPath: [any CodingKey]
    var kind: Kind
}

extension Decoder {
    /// Throws when the object at this position has a field not in `Keys`.
    func rejectUnknownFields<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let allowed = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw WorkloadFieldFailure(codingPath: codingPath + [key], kind: .unknownField(allowed: allowed))
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a whole number that must be at least `minimum`.
    func count(_ key: Key, atLeast minimum: Int) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard value >= minimum else { throw invalid(key, "must be \(minimum) or more, got \(value)") }
        return value
    }

    /// An optional whole number that must be at least `minimum`.
    func count(ifPresent key: Key, atLeast minimum: Int) throws -> Int? {
        contains(key) ? try count(key, atLeast: minimum) : nil
    }

    /// A validation failure at `key`.
    func invalid(_ key: Key, _ reason: String) -> WorkloadFieldFailure {
        WorkloadFieldFailure(codingPath: codingPath + [key], kind: .invalid(reason))
    }
}

extension Workload: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, startDate = "start_date", endDate = "end_date", days, seed, samples
        case peakFactor = "peak_factor", compareModels = "compare_models", requestTypes = "request_types"
        case comment = "$comment"
    }

    /// Longest forecast accepted (ten years), so a typo cannot make a report of millions of rows.
    static let maximumDays = 3660

    /// Decodes and validates the object at this position; failures carry its coding path.
    public init(from decoder: any Swift.Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "Workload"
        start = try container.decode(CalendarDay.self, forKey: .startDate)
        if let end = try container.decodeIfPresent(CalendarDay.self, forKey: .endDate) {
            guard !container.contains(.days) else { throw container.invalid(.endDate, "give either end_date or days, not both") }
            guard end >= start else { throw container.invalid(.endDate, "is before start_date \(start)") }
            days = end.dayNumber - start.dayNumber + 1
        } else {
            days = try container.count(.days, atLeast: 1)
        }
        guard days <= Self.maximumDays else {
            throw container.invalid(container.contains(.days) ? .days : .endDate, "forecasts are limited to \(Self.maximumDays) days")
        }
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1
        samples = try container.count(ifPresent: .samples, atLeast: 1) ?? 1000
        guard samples <= 1_000_000 else { throw container.invalid(.samples, "must be 1000000 or fewer") }
        peakFactor = try container.decodeIfPresent(Decimal.self, forKey: .peakFactor) ?? 3
        guard peakFactor >= 1 else { throw container.invalid(.peakFactor, "must be 1 or more (peak ÷ average)") }
        compareModels = try container.decodeIfPresent([String].self, forKey: .compareModels) ?? []
        requestTypes = try container.decode([RequestType].self, forKey: .requestTypes)
        guard !requestTypes.isEmpty else { throw container.invalid(.requestTypes, "needs at least one request type") }
        var seen = Set<String>()
        for (index, type) in requestTypes.enumerated() where !seen.insert(type.name).inserted {
            throw WorkloadFieldFailure(
                codingPath: container.codingPath + [CodingKeys.requestTypes, AnyCodingKey(intValue: index), RequestType.CodingKeys.name],
                kind: .invalid("duplicate request type name '\(type.name)'"))
        }
    }
}

extension RequestType: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, model, prompt, outputTokens = "output_tokens", cachedInputPercent = "cached_input_percent"
        case requestsPerDay = "requests_per_day", growth, peakFactor = "peak_factor", compareModels = "compare_models"
        case comment = "$comment"
    }

    /// Decodes and validates the object at this position; failures carry its coding path.
    public init(from decoder: any Swift.Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pointer = JSONPointer(codingPath: decoder.codingPath)
        model = try container.decode(String.self, forKey: .model)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? model
        prompt = try container.decode(PromptSpec.self, forKey: .prompt)
        outputTokens = try container.decodeIfPresent(TokenDistribution.self, forKey: .outputTokens)
        cachedInputPercent = try container.decodeIfPresent(Decimal.self, forKey: .cachedInputPercent) ?? 0
        guard cachedInputPercent >= 0, cachedInputPercent <= 100 else {
            throw container.invalid(.cachedInputPercent, "must be between 0 and 100, got \(cachedInputPercent)")
        }
        requestsPerDay = try container.count(.requestsPerDay, atLeast: 0)
        growth = try container.decodeIfPresent(Growth.self, forKey: .growth)
        peakFactor = try container.decodeIfPresent(Decimal.self, forKey: .peakFactor)
        if let peakFactor, peakFactor < 1 { throw container.invalid(.peakFactor, "must be 1 or more (peak ÷ average)") }
        compareModels = try container.decodeIfPresent([String].self, forKey: .compareModels) ?? []
    }
}

extension PromptSpec: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, file, folder, fileExtension = "extension", tokens, messages
    }

    /// Decodes and validates the object at this position; failures carry its coding path.
    public init(from decoder: any Swift.Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let sources: [CodingKeys] = [.text, .file, .folder, .messages, .tokens].filter { container.contains($0) }
        guard sources.count == 1, let source = sources.first else {
            throw WorkloadFieldFailure(
                codingPath: decoder.codingPath,
                kind: .invalid("give exactly one of text, file, folder, messages or tokens (found \(sources.count))"))
        }
        if container.contains(.fileExtension), source != .folder {
            throw container.invalid(.fileExtension, "only applies to folder")
        }
        switch source {
        case .text: self = .text(try container.decode(String.self, forKey: .text))
        case .file: self = .file(try container.decode(String.self, forKey: .file))
        case .messages: self = .messages(try container.decode(String.self, forKey: .messages))
        case .folder:
            self = .folder(
                path: try container.decode(String.self, forKey: .folder),
                fileExtension: try container.decodeIfPresent(String.self, forKey: .fileExtension))
        default: self = .tokens(try container.decode(TokenDistribution.self, forKey: .tokens))
        }
    }
}

extension TokenDistribution: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case distribution, value, min, max, mean, stddev
    }

    /// A plain integer is `fixed`; otherwise an object with `distribution` and its parameters.
    public init(from decoder: any Swift.Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let value = try? single.decode(Int.self) {
            guard value >= 0 else {
                throw WorkloadFieldFailure(codingPath: decoder.codingPath, kind: .invalid("must be 0 or more, got \(value)"))
            }
            self = .fixed(value)
            return
        }
        try decoder.rejectUnknownFields(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .distribution)
        switch kind {
        case "fixed":
            self = .fixed(try container.count(.value, atLeast: 0))
        case "uniform":
            let low = try container.count(.min, atLeast: 0)
            let high = try container.count(.max, atLeast: 0)
            guard high >= low else { throw container.invalid(.max, "is less than min (\(low))") }
            self = .uniform(min: low, max: high)
        case "normal":
            let mean = try container.count(.mean, atLeast: 0)
            let deviation = try container.count(.stddev, atLeast: 0)
            let low = try container.count(ifPresent: .min, atLeast: 0) ?? 0
            let high = try container.count(ifPresent: .max, atLeast: 0) ?? (mean + 4 * deviation)
            guard high >= low else { throw container.invalid(.max, "is less than min (\(low))") }
            self = .normal(mean: mean, standardDeviation: deviation, min: low, max: high)
        default:
            throw container.invalid(.distribution, "unknown distribution '\(kind)'; expected fixed, uniform or normal")
        }
    }
}

extension Growth: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case percent, per }

    /// Decodes and validates the object at this position; failures carry its coding path.
    public init(from decoder: any Swift.Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        percent = try container.decode(Decimal.self, forKey: .percent)
        guard percent > -100, percent <= 1000 else { throw container.invalid(.percent, "must be above -100 and at most 1000") }
        let name = try container.decode(String.self, forKey: .per)
        guard let period = GrowthPeriod(rawValue: name) else {
            throw container.invalid(.per, "unknown period '\(name)'; expected day, week, month or year")
        }
        self.period = period
    }
}
