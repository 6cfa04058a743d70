import ArgumentParser
import Foundation
import PreflightCatalog
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

    @Option(name: .long, help: "With --messages: the chat template (default: the model's, or the tokenizer's usual one).")
    var template: ChatTemplate?

    @Flag(name: .long, help: "Count special-token literals such as <|endoftext|> as one special token each.")
    var allowSpecial = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let (name, tokenizer) = try self.tokenizer.load()
        let counts: [Int]
        var templateName: String?
        if messages {
            let chosen = try ChatInput.template(explicit: template, modelID: self.tokenizer.model, tokenizer: name)
            templateName = chosen.rawValue
            counts = try ChatInput.chats(from: input.input, jsonl: input.jsonl).map { chat in
                try tokenizer.count(of: chat, template: chosen)
            }
        } else {
            let policy: SpecialTokenPolicy = allowSpecial ? .honored : .plainText
            counts = tokenizer.counts(of: try input.texts(), specialTokens: policy)
        }
        var output = OutputBuffer()
        for count in counts {
            switch format {
            case .text:
                output.appendLine(String(count))
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(CountResult(tokens: count, tokenizer: name, template: templateName))
                output.appendLine(String(decoding: data, as: UTF8.self))
            }
        }
        output.flush()
    }

    struct CountResult: Encodable {
        var tokens: Int
        var tokenizer: String
        /// The chat template applied (`--messages` only).
        var template: String?
    }
}
