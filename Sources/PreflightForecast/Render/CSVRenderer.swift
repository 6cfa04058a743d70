import Foundation
import PreflightCatalog

/// Renders the daily rows as CSV (RFC 4180, `\n` line ends): one row per UTC day, exact decimals,
/// plus one `neurons:<model>` column per model.
enum CSVRenderer {
    static func render(_ forecast: Forecast) -> String {
        let models = forecast.models.map(\.model)
        let header = ["date", "requests", "neurons", "free_neurons", "billed_neurons", "usd_before_free_allocation", "usd"]
            + models.map { "neurons:" + $0 }
        var out = header.map(field).joined(separator: ",") + "\n"
        for day in forecast.daily {
            let perModel = models.map { model in day.byModel.first { $0.model == model }?.neurons.description ?? "0" }
            let row = [day.date.description, String(day.requests), day.neurons.description, day.freeNeurons.description,
                       day.billedNeurons.description, day.dollarsBeforeFreeAllocation.amount.description, day.dollars.amount.description]
                + perModel
            out += row.map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Quotes a field when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
