import PreflightCatalog
import PreflightTokenizer

/// Loads a bundled tokenizer by name for the commands that need one.
enum TokenizerLoading {
    static func tokenizer(named name: String) throws -> Tokenizer {
        try BundledTokenizers.tokenizer(named: name)
    }
}
