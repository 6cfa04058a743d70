import ArgumentParser
import Foundation
import PreflightTokenizer

/// `preflight count`: the number of tokens of each text.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Count the tokens of the input (one line per text with --jsonl).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var tokenizer: TokenizerOptions
    @OptionGroup var input: TextInputOptions

    @Flag(name: .long, help: "The input is a JSON chat; count the prompt its model receives.")
    var messages = false

    @Flag(name: .long, help: "Count special-token literals such as <|endoftext|> as one special token each.")
    var allowSpecial = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        if messages { throw CommandError.messagesUnsupported }
        let (name, tokenizer) = try self.tokenizer.load()
        let texts = try input.texts()
        let policy: SpecialTokenPolicy = allowSpecial ? .honored : .plainText
        let counts = tokenizer.counts(of: texts, specialTokens: policy)
        var output = OutputBuffer()
        for count in counts {
            switch format {
            case .text:
                output.appendLine(String(count))
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(CountResult(tokens: count, tokenizer: name))
                output.appendLine(String(decoding: data, as: UTF8.self))
            }
        }
        output.flush()
    }

    struct CountResult: Encodable {
        var tokens: Int
        var tokenizer: String
    }
}
