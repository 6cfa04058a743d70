import Foundation

/// Renders a forecast as GitHub-flavoured Markdown: summary, request types, months, models,
/// peaks, alternatives, caveats, and the daily table when it is short (≤ 62 days).
enum MarkdownRenderer {
    /// Daily tables longer than this are left to the CSV/JSON reports.
    static let maximumDailyRows = 62

    static func render(_ forecast: Forecast) -> String {
        var out = "# Cost forecast: \(forecast.workload)\n\n"
        out += ReportTable.summary(forecast).joined(separator: "\n\n") + "\n"
        var tables = [ReportTable.requestTypes(forecast), .periods(forecast), .models(forecast), .peaks(forecast)]
        if !forecast.alternatives.isEmpty { tables.append(.alternatives(forecast)) }
        for table in tables { out += "\n" + render(table) }
        if !forecast.caveats.isEmpty {
            out += "\n## Caveats\n\n" + forecast.caveats.map { "- \($0)\n" }.joined()
        }
        if forecast.daily.count <= maximumDailyRows {
            out += "\n" + render(.daily(forecast))
        } else {
            out += "\n## Per day\n\n\(forecast.daily.count) days: see the CSV or JSON report for the daily rows.\n"
        }
        return out
    }

    /// A Markdown table under a `##` heading; numeric columns right-aligned, text left-aligned.
    static func render(_ table: ReportTable) -> String {
        var out = "## \(table.title)\n\n" + (table.note.map { $0 + "\n\n" } ?? "")
        out += "| " + table.header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + table.header.indices.map { table.isNumeric(column: $0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map { cell in
                switch cell.style {
                case .plain, .prose: return escape(cell.text)
                case .code: return "`" + escape(cell.text) + "`"
                case .strong: return "**" + escape(cell.text) + "**"
                }
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
