import PreflightCatalog
import PreflightTokenizer

// TEMPORARY until the engine branch commits `BundledTokenizers` (Sources/PreflightCatalog/Tokenizers/):
// then this becomes `BundledTokenizers.tokenizer(named:)`.

/// Loads a bundled tokenizer by name for the commands that need one.
enum TokenizerLoading {
    static func tokenizer(named name: String) throws -> Tokenizer {
        throw TokenizerUnavailable(name: name)
    }

    struct TokenizerUnavailable: Error, CustomStringConvertible {
        let name: String
        var description: String { "the bundled tokenizer '\(name)' cannot be loaded in this build" }
    }
}
