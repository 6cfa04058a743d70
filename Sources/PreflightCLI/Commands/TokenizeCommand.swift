import ArgumentParser
import PreflightTokenizer

/// `preflight tokenize`: the token ids of each text, one JSON array per line.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the token ids of the input as a JSON array (one line per text with --jsonl).")

    @OptionGroup var tokenizer: TokenizerOptions
    @OptionGroup var input: TextInputOptions

    @Flag(name: .long, help: "Add the model's BOS/EOS (or CLS/SEP) tokens.")
    var addSpecial = false

    @Flag(name: .long, help: "Encode special-token literals such as <|endoftext|> as their special ids.")
    var allowSpecial = false

    func run() throws {
        let (_, tokenizer) = try self.tokenizer.load()
        let texts = try input.texts()
        let policy: SpecialTokenPolicy = allowSpecial ? .honored : .plainText
        let encoded = tokenizer.encode(batch: texts, specialTokens: policy, addingSpecialTokens: addSpecial)
        var output = OutputBuffer()
        for ids in encoded {
            var line = "["
            line.reserveCapacity(ids.count * 7 + 2)
            for (index, id) in ids.enumerated() {
                if index > 0 { line += "," }
                line += String(id.rawValue)
            }
            line += "]"
            output.appendLine(line)
        }
        output.flush()
    }
}
