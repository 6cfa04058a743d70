import ArgumentParser
import Foundation
import PreflightCatalog
import PreflightForecast

/// `preflight forecast`: a cost forecast for a workload file, as Markdown, HTML, JSON or CSV.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast the daily and monthly cost of a workload (see Docs/forecast.md for the format).",
        discussion: """
            The free allocation (10,000 neurons) is applied per UTC day. Token distributions are \
            sampled with the workload's seed, so the same file gives the same report. A bad workload \
            (malformed JSON, unknown model, negative count) exits 2 with the field's JSON Pointer. \
            --reconcile compares the forecast's per-request estimate with what the platform reported \
            (usage JSON lines or a usage CSV; see Docs/forecast.md).
            """
    )

    @Argument(help: "The workload file (JSON).")
    var workload: String

    @Option(help: "Report format: markdown, html, json or csv (default: from --output's extension, else markdown).")
    var format: ReportFormat?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Actual usage to reconcile against the estimate: usage JSON lines (.jsonl) or a usage CSV (.csv).")
    var reconcile: String?

    func run() throws {
        let url = URL(fileURLWithPath: workload)
        let file = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: workload) else { throw InputError.unreadable(path: workload) }
        let parsed = try Workload.read(from: [UInt8](data), file: file)
        let catalog = try Catalog.bundled()
        let progress = ForecastProgress { step, total, what in
            FileHandle.standardError.write(Data("preflight: \(what): \(step)/\(total)\n".utf8))
        }
        let engine = ForecastEngine(directory: ModelDirectory(catalog: catalog), billing: BillingPolicy(catalog.billing), progress: progress)
        let forecast = try engine.forecast(parsed, baseDirectory: url.deletingLastPathComponent(), file: file)
        let chosen = format ?? output.flatMap { path in
            ReportFormat.allCases.first { $0.fileExtension == URL(fileURLWithPath: path).pathExtension.lowercased() }
        } ?? .markdown
        var report = forecast.rendered(as: chosen)
        if let reconcile {
            guard let usage = FileManager.default.contents(atPath: reconcile) else { throw InputError.unreadable(path: reconcile) }
            let records = try UsageRecords.read([UInt8](usage), file: URL(fileURLWithPath: reconcile).lastPathComponent)
            let reconciliation = Reconciliation(forecast: forecast, actual: records, directory: engine.directory, billing: engine.billing)
            report = reconciliation.appended(to: report, format: chosen, forecast: forecast)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(report.utf8)) else {
                throw ForecastCommandError.unwritable(path: output)
            }
        } else {
            FileHandle.standardOutput.write(Data(report.utf8))
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Failures of `preflight forecast` outside the workload itself.
enum ForecastCommandError: Error, CustomStringConvertible {
    case unwritable(path: String)

    var description: String {
        switch self {
        case .unwritable(let path): return "cannot write '\(path)': no such folder, or not writable"
        }
    }
}
