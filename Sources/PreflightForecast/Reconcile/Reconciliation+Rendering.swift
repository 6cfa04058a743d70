import Foundation
import PreflightCatalog

extension Reconciliation {
    /// Adds the reconciliation to a rendered report: a section in Markdown and HTML, a
    /// `{"forecast": …, "reconciliation": …}` object in JSON, and for CSV the reconciliation table
    /// alone (one row per model and cause).
    public func appended(to report: String, format: ReportFormat, forecast: Forecast) -> String {
        switch format {
        case .markdown: return report + "\n" + MarkdownRenderer.render(table) + notes(markdown: true)
        case .html:
            let section = HTMLRenderer.render(table) + notes(markdown: false)
            guard let end = report.range(of: "<footer>") else { return report + section }
            return report.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: section)
        case .json:
            struct Combined: Encodable { var forecast: Forecast; var reconciliation: Reconciliation }
            return Forecast.jsonText(Combined(forecast: forecast, reconciliation: self))
        case .csv:
            var out = "model,requests,estimated_input_tokens,actual_input_tokens,estimated_output_tokens,actual_output_tokens,estimated_neurons,actual_neurons,difference_neurons,cause,cause_neurons\n"
            for row in models {
                for explanation in row.explanations {
                    out += [row.model, String(row.requests), row.estimatedInputTokens.description, row.actualInputTokens.description,
                            row.estimatedOutputTokens.description, row.actualOutputTokens.description, row.estimatedNeurons.description,
                            (row.reportedNeurons ?? row.actualNeuronsFromTokens).description, row.difference.description,
                            explanation.cause, explanation.neurons.description].map(CSVRenderer.field).joined(separator: ",") + "\n"
                }
            }
            return out
        }
    }

    var table: ReportTable {
        var rows: [[ReportTable.Cell]] = []
        for row in models {
            rows.append([.code(row.model), ReportTable.Cell(Figures.integer(row.requests)),
                         ReportTable.Cell("\(Figures.decimal(row.estimatedInputTokens, places: 1)) → \(Figures.decimal(row.actualInputTokens, places: 1))"),
                         ReportTable.Cell("\(Figures.decimal(row.estimatedOutputTokens, places: 1)) → \(Figures.decimal(row.actualOutputTokens, places: 1))"),
                         ReportTable.Cell(Figures.neurons(row.estimatedNeurons)),
                         ReportTable.Cell(Figures.neurons(row.reportedNeurons ?? row.actualNeuronsFromTokens) + (row.reportedNeurons == nil ? " (from tokens)" : " (reported)")),
                         ReportTable.Cell(signed(row.difference) + " (" + Figures.dollars(row.differenceDollars) + ")", .strong)])
            for explanation in row.explanations {
                rows.append([ReportTable.Cell("· \(explanation.cause): \(explanation.text)", .prose), "", "", "", "", "",
                             ReportTable.Cell(signed(explanation.neurons))])
            }
        }
        return ReportTable(
            title: "Reconciliation: estimate against actual usage",
            note: "Mean tokens per request, estimated → actual; neurons for the requests in the usage file. The causes below each model sum to its difference.",
            header: ["Model / cause", "Requests", "Input tokens", "Output tokens", "Estimated neurons", "Actual neurons", "Difference"],
            rows: rows)
    }

    private func signed(_ neurons: Neurons) -> String { (neurons.value > 0 ? "+" : "") + Figures.neurons(neurons) }

    private func notes(markdown: Bool) -> String {
        guard !unmatchedModels.isEmpty else { return "" }
        let text = "Usage for models the workload does not use (not compared): " + unmatchedModels.joined(separator: ", ")
        return markdown ? "\n" + text + "\n" : "<p class=\"note\">\(HTMLRenderer.escape(text))</p>\n"
    }
}
