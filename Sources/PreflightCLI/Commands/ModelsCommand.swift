import ArgumentParser
import Foundation
import PreflightCatalog

/// `preflight models`: lists the bundled Workers AI catalog.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the Workers AI models in the bundled catalog.",
        discussion: """
            Context windows marked * come from a third party (models.dev or a mirror of Cloudflare's \
            pages), ? means no source states one. Prices are the pricing page's own decimal strings \
            (USD per unit, and neurons per unit; $0.011 per 1,000 neurons).
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(help: "Only models of this task (\(ModelTask.allCases.map(\.rawValue).joined(separator: ", "))).")
    var task: ModelTask?

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    func run() throws {
        let catalog = try Catalog.bundled()
        let models = task.map(catalog.models(for:)) ?? catalog.models
        switch format {
        case .json:
            try JSONOutput.printLine(models.map(ModelListing.init))
        case .csv:
            print(ModelListing.csvHeader)
            models.forEach { print(ModelListing($0).csvRow) }
        case .table:
            print(ModelListing.table(models.map(ModelListing.init)))
        }
    }
}

extension ModelTask: ExpressibleByArgument {}
