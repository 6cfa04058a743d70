/// Why a schema could not be compiled. Each case says where: the schema document's URI (empty for
/// the root schema given directly) and the JSON Pointer of the offending keyword inside it.
public enum SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schema text (or a referenced document) is not valid JSON.
    case invalidJSON(document: String, JSONParseError)
    /// A schema must be an object or a boolean.
    case notASchema(document: String, at: JSONPointer)
    /// A keyword's value has the wrong type or range (e.g. `minLength: -1`).
    case invalidKeyword(String, reason: String, document: String, at: JSONPointer)
    /// A `pattern` or `patternProperties` key that is not a usable ECMA-262 regex.
    case invalidRegex(pattern: String, reason: String, document: String, at: JSONPointer)
    /// A `$ref` whose target does not exist in a loaded document.
    case unresolvableReference(String, document: String, at: JSONPointer)
    /// A `$ref` to a remote document outside every `--map-uri` prefix: Preflight never uses the network.
    case unmappedRemoteReference(uri: String, document: String, at: JSONPointer)
    /// A mapped remote document that could not be read.
    case unreadableRemote(uri: String, path: String)
    /// A meta-schema requires a vocabulary this validator does not implement.
    case unsupportedVocabulary(uri: String, metaschema: String)

    /// What is wrong and where, as a sentence a person can act on.
    public var description: String {
        switch self {
        case .invalidJSON(let document, let error):
            return "\(Self.name(document)) is not valid JSON: \(error)"
        case .notASchema(let document, let at):
            return "\(Self.name(document)) at \(Self.pointer(at)): a schema must be an object or a boolean"
        case .invalidKeyword(let keyword, let reason, let document, let at):
            return "\(Self.name(document)) at \(Self.pointer(at)): '\(keyword)' \(reason)"
        case .invalidRegex(let pattern, let reason, let document, let at):
            return "\(Self.name(document)) at \(Self.pointer(at)): pattern /\(pattern)/ is not a valid ECMA-262 regex: \(reason)"
        case .unresolvableReference(let reference, let document, let at):
            return "\(Self.name(document)) at \(Self.pointer(at)): cannot resolve reference '\(reference)'"
        case .unmappedRemoteReference(let uri, let document, let at):
            return "\(Self.name(document)) at \(Self.pointer(at)): remote reference '\(uri)' is not under any mapped prefix (use --map-uri PREFIX=DIR; Preflight never fetches over the network)"
        case .unreadableRemote(let uri, let path):
            return "cannot read '\(path)' for remote schema '\(uri)'"
        case .unsupportedVocabulary(let uri, let metaschema):
            return "meta-schema '\(metaschema)' requires vocabulary '\(uri)', which Preflight does not implement"
        }
    }

    private static func name(_ document: String) -> String { document.isEmpty ? "schema" : "schema '\(document)'" }
    private static func pointer(_ pointer: JSONPointer) -> String { pointer.tokens.isEmpty ? "the root" : pointer.description }
}
