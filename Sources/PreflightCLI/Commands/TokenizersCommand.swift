import ArgumentParser
import PreflightCatalog

/// `preflight tokenizers`: the bundled tokenizers.
struct TokenizersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenizers", abstract: "List the bundled tokenizers.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let descriptors = try BundledTokenizers.descriptors()
        switch format {
        case .json:
            try JSONOutput.printLine(descriptors)
        case .table:
            let nameWidth = max(4, descriptors.map(\.name.count).max() ?? 0)
            let kindWidth = max(4, descriptors.map(\.kind.count).max() ?? 0)
            func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
            print(pad("NAME", nameWidth), pad("KIND", kindWidth), pad("VOCAB", 7), "SOURCE")
            for d in descriptors {
                print(pad(d.name, nameWidth), pad(d.kind, kindWidth), pad(String(d.vocabSize), 7), d.source)
            }
        }
    }
}
