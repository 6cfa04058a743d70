import ArgumentParser
import PreflightCatalog
import PreflightTokenizer

/// `--tokenizer NAME | --model ID`: which tokenizer a command uses.
struct TokenizerOptions: ParsableArguments {
    @Option(name: .long, help: "A bundled tokenizer by name (see `preflight tokenizers`).")
    var tokenizer: String?

    @Option(name: .long, help: "A Workers AI model id (e.g. @cf/meta/llama-3.1-8b-instruct); uses its tokenizer.")
    var model: String?

    func validate() throws {
        switch (tokenizer, model) {
        case (nil, nil): throw ValidationError("give --tokenizer NAME or --model ID")
        case (.some, .some): throw ValidationError("give either --tokenizer or --model, not both")
        default: break
        }
    }

    /// The name of the tokenizer to use, resolved through the catalog for `--model`.
    func tokenizerName() throws -> String {
        if let tokenizer { return tokenizer }
        let spec = try Catalog.bundled().model(id: model ?? "")
        guard let name = spec.tokenizer else { throw CommandError.noBundledTokenizer(spec.id, reason: spec.tokenizerNote) }
        return name
    }

    /// The tokenizer, loaded (once per process) from the bundle.
    func load() throws -> (name: String, tokenizer: Tokenizer) {
        let name = try tokenizerName()
        return (name, try BundledTokenizers.tokenizer(named: name))
    }
}

/// Errors of the tokenizer commands.
enum CommandError: Error, CustomStringConvertible {
    case noBundledTokenizer(String, reason: String)
    case messagesUnsupported

    var description: String {
        switch self {
        case .noBundledTokenizer(let id, let reason):
            return "--model \(id): no tokenizer is bundled for this model (\(reason)); use --tokenizer NAME"
        case .messagesUnsupported:
            return "--messages is not supported by this build yet; count the rendered prompt text instead"
        }
    }
}
