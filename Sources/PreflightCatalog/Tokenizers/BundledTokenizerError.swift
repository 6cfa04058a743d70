import PreflightTokenizer

/// Why a bundled tokenizer could not be provided.
public enum BundledTokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bundled tokenizer has this name.
    case unknownName(String, known: [String], suggestion: String?)
    /// The manifest is unreadable or malformed.
    case manifest(file: String, reason: String)
    /// The manifest entry asks for something the engine cannot build.
    case unsupportedEntry(name: String, reason: String)
    /// The tokenizer's files failed to load.
    case loading(name: String, TokenizerLoadingError)

    /// What went wrong and how to fix it.
    public var description: String {
        switch self {
        case .unknownName(let name, let known, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown tokenizer '\(name)'\(hint); known: \(known.joined(separator: ", "))"
        case .manifest(let file, let reason):
            return "bundled tokenizer manifest \(file) is malformed: \(reason)"
        case .unsupportedEntry(let name, let reason):
            return "bundled tokenizer '\(name)' cannot be loaded: \(reason)"
        case .loading(let name, let error):
            return "bundled tokenizer '\(name)': \(error)"
        }
    }
}
