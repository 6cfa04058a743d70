import Foundation
import PreflightCatalog

/// One catalog row as `preflight models` prints it (JSON object, CSV row or table line).
struct ModelListing: Encodable {
    /// A price as published: decimal strings, never binary floats.
    struct Price: Encodable {
        let unit: String
        let publishedUnit: String
        let usd: String
        let neurons: String
        let variant: String?

        enum CodingKeys: String, CodingKey {
            case unit, usd, neurons, variant
            case publishedUnit = "published_unit"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(unit, forKey: .unit)
            try c.encode(publishedUnit, forKey: .publishedUnit)
            try c.encode(usd, forKey: .usd)
            try c.encode(neurons, forKey: .neurons)
            try c.encode(variant, forKey: .variant)
        }
    }

    let id: String
    let task: String
    let tokenizer: String?
    let tokenizerExactness: String
    let tokenizerNote: String
    let contextWindow: Int?
    let contextWindowProvenance: String
    let contextWindowSource: String
    let defaultMaxTokens: Int?
    let prices: [Price]
    let rateLimitRequestsPerMinute: Int?
    let flags: ModelFlags
    let deprecated: Bool
    let deprecationDate: String?

    enum CodingKeys: String, CodingKey {
        case id, task, tokenizer, prices, flags, deprecated
        case tokenizerExactness = "tokenizer_exactness"
        case tokenizerNote = "tokenizer_note"
        case contextWindow = "context_window"
        case contextWindowProvenance = "context_window_provenance"
        case contextWindowSource = "context_window_source"
        case defaultMaxTokens = "default_max_tokens"
        case rateLimitRequestsPerMinute = "rate_limit_rpm"
        case deprecationDate = "deprecation_date"
    }

    // Encodes every key, nulls included, so consumers can rely on the shape.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(task, forKey: .task)
        try c.encode(tokenizer, forKey: .tokenizer)
        try c.encode(tokenizerExactness, forKey: .tokenizerExactness)
        try c.encode(tokenizerNote, forKey: .tokenizerNote)
        try c.encode(contextWindow, forKey: .contextWindow)
        try c.encode(contextWindowProvenance, forKey: .contextWindowProvenance)
        try c.encode(contextWindowSource, forKey: .contextWindowSource)
        try c.encode(defaultMaxTokens, forKey: .defaultMaxTokens)
        try c.encode(prices, forKey: .prices)
        try c.encode(rateLimitRequestsPerMinute, forKey: .rateLimitRequestsPerMinute)
        try c.encode(flags, forKey: .flags)
        try c.encode(deprecated, forKey: .deprecated)
        try c.encode(deprecationDate, forKey: .deprecationDate)
    }

    init(_ model: ModelSpec) {
        id = model.id
        task = model.task.rawValue
        tokenizer = model.tokenizer
        tokenizerExactness = model.tokenizerExactness.rawValue
        tokenizerNote = model.tokenizerNote
        contextWindow = model.contextWindow.tokens
        contextWindowProvenance = model.contextWindow.provenance.rawValue
        contextWindowSource = model.contextWindow.source
        defaultMaxTokens = model.output.defaultMaxTokens
        prices = (model.pricing?.items ?? []).map {
            Price(unit: $0.unit.rawValue, publishedUnit: $0.publishedUnit,
                  usd: $0.publishedUSD, neurons: $0.publishedNeurons, variant: $0.variant)
        }
        rateLimitRequestsPerMinute = model.rateLimit?.requestsPerMinute
        flags = model.flags
        deprecated = model.deprecation?.deprecated ?? false
        deprecationDate = model.deprecation?.date
    }

    private func price(_ unit: PriceUnit) -> Price? {
        prices.first { $0.unit == unit.rawValue && $0.variant == nil }
    }

    /// The context window as a table cell: `7968`, `131072*` (third-party) or `?` (unknown).
    var contextCell: String {
        guard let contextWindow else { return "?" }
        return contextWindowProvenance == "third-party" ? "\(contextWindow)*" : "\(contextWindow)"
    }

    static let csvHeader = "id,task,tokenizer,tokenizer_exactness,context_window,context_window_provenance,default_max_tokens,usd_per_m_input_tokens,usd_per_m_output_tokens,neurons_per_m_input_tokens,neurons_per_m_output_tokens,deprecated"

    var csvRow: String {
        let input = price(.inputTokensPerMillion), output = price(.outputTokensPerMillion)
        return [
            id, task, tokenizer ?? "", tokenizerExactness, contextWindow.map(String.init) ?? "",
            contextWindowProvenance, defaultMaxTokens.map(String.init) ?? "",
            input?.usd ?? "", output?.usd ?? "", input?.neurons ?? "", output?.neurons ?? "",
            deprecated ? "true" : "false",
        ].map(Self.csvField).joined(separator: ",")
    }

    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// An aligned text table of the listings.
    static func table(_ rows: [ModelListing]) -> String {
        let header = ["MODEL", "TASK", "TOKENIZER", "EXACT", "CONTEXT", "USD/M IN", "USD/M OUT"]
        let cells = rows.map { row in
            [row.id + (row.deprecated ? " (retired)" : ""), row.task, row.tokenizer ?? "-", row.tokenizerExactness,
             row.contextCell, row.price(.inputTokensPerMillion)?.usd ?? "-", row.price(.outputTokensPerMillion)?.usd ?? "-"]
        }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        let lines = ([header] + cells).map { row in
            row.enumerated().map { column, text in
                text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return (lines + ["", "* third-party context window (models.dev or a mirror), ? unknown. \(rows.count) models."])
            .joined(separator: "\n")
    }
}

