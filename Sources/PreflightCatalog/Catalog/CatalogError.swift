/// What can go wrong finding or loading a model in the catalog, with what and where.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No model has this id (in any accepted spelling); `suggestions` are the closest ids.
    case unknownModel(id: String, suggestions: [String])
    /// The catalog file could not be read.
    case unreadable(file: String, reason: String)
    /// The catalog file is not valid: `jsonPointer` names the bad field (RFC 6901).
    case malformed(file: String, jsonPointer: String, reason: String)
    /// Two records share an id.
    case duplicateModel(id: String, file: String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .unknownModel(let id, let suggestions):
            let hint = suggestions.isEmpty
                ? "run `preflight models` to list the catalog"
                : "did you mean " + suggestions.joined(separator: " or ") + "?"
            return "unknown model '\(id)': \(hint)"
        case .unreadable(let file, let reason):
            return "cannot read the model catalog \(file): \(reason)"
        case .malformed(let file, let pointer, let reason):
            return "\(file) at \(pointer.isEmpty ? "/" : pointer): \(reason)"
        case .duplicateModel(let id, let file):
            return "\(file): model id '\(id)' appears twice"
        }
    }
}
