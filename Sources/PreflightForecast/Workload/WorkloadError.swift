/// What is wrong with a workload file, and where (a JSON Pointer into the file).
public enum WorkloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not JSON at all.
    case malformedJSON(file: String, reason: String)
    /// A required field is missing.
    case missingField(file: String, pointer: JSONPointer)
    /// A field is not one this format knows (usually a typo).
    case unknownField(file: String, pointer: JSONPointer, allowed: [String])
    /// A field has the wrong JSON type.
    case wrongType(file: String, pointer: JSONPointer, expected: String)
    /// A field has a value outside what it may be.
    case invalidValue(file: String, pointer: JSONPointer, reason: String)
    /// A model id is not in the catalog.
    case unknownModel(file: String, pointer: JSONPointer, modelID: String)
    /// A model's tokenizer could not be loaded to count the prompt.
    case tokenizerUnavailable(file: String, pointer: JSONPointer, modelID: String, reason: String)
    /// A prompt file or folder cannot be read.
    case unreadablePrompt(file: String, pointer: JSONPointer, path: String, reason: String)

    /// The JSON Pointer of the offending value (empty for a malformed file).
    public var pointer: JSONPointer {
        switch self {
        case .malformedJSON: return JSONPointer(tokens: [])
        case .missingField(_, let pointer), .unknownField(_, let pointer, _), .wrongType(_, let pointer, _),
            .invalidValue(_, let pointer, _), .unknownModel(_, let pointer, _), .unreadablePrompt(_, let pointer, _, _),
            .tokenizerUnavailable(_, let pointer, _, _):
            return pointer
        }
    }

    /// A one-line message naming the file and the field.
    public var description: String {
        switch self {
        case .malformedJSON(let file, let reason):
            return "\(file): malformed JSON: \(reason)"
        case .missingField(let file, let pointer):
            return "\(file): \(pointer.displayed): required field is missing"
        case .unknownField(let file, let pointer, let allowed):
            return "\(file): \(pointer.displayed): unknown field; expected one of \(allowed.joined(separator: ", "))"
        case .wrongType(let file, let pointer, let expected):
            return "\(file): \(pointer.displayed): expected \(expected)"
        case .invalidValue(let file, let pointer, let reason):
            return "\(file): \(pointer.displayed): \(reason)"
        case .unknownModel(let file, let pointer, let modelID):
            return "\(file): \(pointer.displayed): unknown model '\(modelID)' (see `preflight models`)"
        case .tokenizerUnavailable(let file, let pointer, let modelID, let reason):
            return "\(file): \(pointer.displayed): cannot count tokens for \(modelID): \(reason)"
        case .unreadablePrompt(let file, let pointer, let path, let reason):
            return "\(file): \(pointer.displayed): cannot read '\(path)': \(reason)"
        }
    }
}
