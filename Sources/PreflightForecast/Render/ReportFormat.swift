import Foundation

/// The report formats `preflight forecast` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// GitHub-flavoured Markdown tables.
    case markdown
    /// One self-contained HTML file with inline SVG charts.
    case html
    /// The forecast as JSON: sorted snake_case keys, exact decimals.
    case json
    /// One row per UTC day.
    case csv

    /// The usual file extension.
    public var fileExtension: String { self == .markdown ? "md" : rawValue }
}

extension Forecast {
    /// The report in `format`. JSON has stable, sorted snake_case keys and exact decimals.
    /// - Complexity: O(days × models).
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .markdown: return MarkdownRenderer.render(self)
        case .html: return HTMLRenderer.render(self)
        case .csv: return CSVRenderer.render(self)
        case .json: return Self.jsonText(self)
        }
    }

    /// Pretty JSON with sorted snake_case keys and exact decimals.
    static func jsonText(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Invariant: the values are Codable structs of numbers and strings, with no custom failure paths.
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
