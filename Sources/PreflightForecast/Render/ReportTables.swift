import Foundation
import PreflightCatalog

/// One table of a human-readable report, independent of Markdown or HTML, so both renderers show
/// the same figures from one definition.
struct ReportTable {
    /// A table cell: plain text, a code span (model ids), or emphasised.
    struct Cell: ExpressibleByStringLiteral {
        enum Style { case plain, code, strong, prose }
        var text: String
        var style: Style = .plain
        init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
        init(stringLiteral value: String) { text = value }
        static func code(_ text: String) -> Cell { Cell(text, .code) }
    }

    var title: String
    var note: String?
    var header: [String]
    var rows: [[Cell]]

    /// Whether a column holds figures (right-aligned): not the first (row labels), and its first
    /// non-empty plain cell starts with a digit, a sign or `$`.
    func isNumeric(column: Int) -> Bool {
        guard column > 0, let cell = rows.lazy.compactMap({ $0.indices.contains(column) && !$0[column].text.isEmpty ? $0[column] : nil }).first,
              cell.style != .code, cell.style != .prose, let first = cell.text.unicodeScalars.first else { return false }
        return ("0"..."9").contains(first) || first == "$" || first == "-" || first == "+"
    }
}

extension ReportTable {
    static func requestTypes(_ forecast: Forecast) -> ReportTable {
        ReportTable(
            title: "Request types", note: nil,
            header: ["Request type", "Model", "Input tokens (mean / p95)", "Output tokens (mean)", "Neurons per request",
                     "$ per request", "Requests", "$ before free allocation", "Exact"],
            rows: forecast.requestTypes.map {
                [Cell($0.name), .code($0.model),
                 Cell("\(Figures.decimal($0.meanInputTokens, places: 1)) / \(Figures.integer($0.p95InputTokens))"),
                 Cell(Figures.decimal($0.meanOutputTokens, places: 1) + ($0.outputTokensAssumed ? " (max_tokens assumed)" : "")),
                 Cell(Figures.neurons($0.neuronsPerRequest)), Cell(Figures.dollars($0.dollarsPerRequest)),
                 Cell(Figures.integer($0.requests)), Cell(Figures.dollars($0.dollarsBeforeFreeAllocation)),
                 Cell($0.isExact ? "yes" : "no")]
            })
    }

    static func periods(_ forecast: Forecast) -> ReportTable {
        ReportTable(
            title: "Per month", note: "The free allocation is applied per UTC day, then summed.",
            header: ["Period", "Days", "Requests", "Neurons", "Free neurons", "Billed neurons", "$ before free allocation", "$ billed"],
            rows: (forecast.monthly + [forecast.total]).map {
                let isTotal = $0.period == "total"
                return [Cell($0.period, isTotal ? .strong : .plain), Cell(Figures.integer($0.days)), Cell(Figures.integer($0.requests)),
                        Cell(Figures.neurons($0.neurons)), Cell(Figures.neurons($0.freeNeurons)), Cell(Figures.neurons($0.billedNeurons)),
                        Cell(Figures.dollars($0.dollarsBeforeFreeAllocation)), Cell(Figures.dollars($0.dollars), isTotal ? .strong : .plain)]
            })
    }

    static func models(_ forecast: Forecast) -> ReportTable {
        ReportTable(
            title: "Share per model", note: nil,
            header: ["Model", "Requests", "Neurons", "Share", "$ before free allocation"],
            rows: forecast.models.map {
                [.code($0.model), Cell(Figures.integer($0.requests)), Cell(Figures.neurons($0.neurons)),
                 Cell(Figures.decimal($0.sharePercent, places: 2) + " %"), Cell(Figures.dollars($0.dollarsBeforeFreeAllocation))]
            })
    }

    static func peaks(_ forecast: Forecast) -> ReportTable {
        ReportTable(
            title: "Peak load against rate limits",
            note: "Peak = average requests per minute on the busiest day × the peak factor.",
            header: ["Model", "Busiest day", "Average req/min", "Peak req/min", "Limit req/min", "Use of limit"],
            rows: forecast.peaks.map {
                [.code($0.model), Cell($0.busiestDay.description), Cell(Figures.decimal($0.averageRequestsPerMinute, places: 2)),
                 Cell(Figures.decimal($0.peakRequestsPerMinute, places: 2)),
                 Cell($0.limitRequestsPerMinute.map(Figures.integer) ?? "not documented"),
                 Cell(($0.utilizationPercent.map { Figures.decimal($0, places: 1) + " %" } ?? "–") + ($0.exceedsLimit ? " over" : ""),
                      $0.exceedsLimit ? .strong : .plain)]
            })
    }

    static func alternatives(_ forecast: Forecast) -> ReportTable {
        ReportTable(
            title: "Alternative models",
            note: "Each row moves one request type to another model, everything else unchanged; same sampled requests.",
            header: ["Request type", "Model instead", "Input tokens (mean)", "Neurons per request", "Total billed", "Difference", "Exact"],
            rows: forecast.alternatives.map {
                [Cell($0.requestType), .code($0.model), Cell(Figures.decimal($0.meanInputTokens, places: 1)),
                 Cell(Figures.neurons($0.neuronsPerRequest)), Cell(Figures.dollars($0.dollars)),
                 Cell(($0.difference.amount > 0 ? "+" : "") + Figures.dollars($0.difference)
                      + ($0.samplesNotFitting > 0 ? " (\(Figures.integer($0.samplesNotFitting)) samples do not fit)" : "")),
                 Cell($0.isExact ? "yes" : "no")]
            })
    }

    static func daily(_ forecast: Forecast) -> ReportTable {
        ReportTable(
            title: "Per day", note: nil,
            header: ["Date", "Requests", "Neurons", "Free neurons", "Billed neurons", "$ billed"],
            rows: forecast.daily.map {
                [Cell($0.date.description), Cell(Figures.integer($0.requests)), Cell(Figures.neurons($0.neurons)),
                 Cell(Figures.neurons($0.freeNeurons)), Cell(Figures.neurons($0.billedNeurons)), Cell(Figures.dollars($0.dollars))]
            })
    }

    /// The summary paragraph both renderers open with (plain text; `**` marks the headline figure).
    static func summary(_ forecast: Forecast) -> [String] {
        let total = forecast.total
        return [
            "\(forecast.start) to \(forecast.end) (\(forecast.days) days, UTC). Billing: $\(Figures.decimal(forecast.billing.dollarsPerThousandNeurons, places: 6)) per 1,000 neurons; \(Figures.neurons(forecast.billing.freeNeuronsPerDay)) neurons free per UTC day. Sampling: \(Figures.integer(forecast.samples)) requests per request type, seed \(forecast.seed).",
            "Total: \(Figures.dollars(total.dollars)) billed after the free allocation (\(Figures.dollars(total.dollarsBeforeFreeAllocation)) before it) for \(Figures.integer(total.requests)) requests and \(Figures.neurons(total.neurons)) neurons; \(total.daysWithinFreeAllocation) of \(total.days) days stay within the free allocation.",
            forecast.isExact ? "All figures rest on exact token counts and published prices."
                : "Some figures are approximate: see Caveats.",
        ]
    }
}
