/// A schema compiled once and reused: `let schema = try CompiledSchema(json: text)` then
/// `schema.validate(reply)` for every reply.
///
/// Compilation resolves every `$ref` (including remote ones through `SchemaOptions.resources`),
/// compiles every regex once and decodes every keyword; validation walks the compiled nodes with
/// no parsing and no string-keyed keyword lookups. The value is immutable and `Sendable`: share
/// it across tasks.
public struct CompiledSchema: Sendable {
    let program: SchemaProgram

    /// The draft the root schema is interpreted under.
    public let draft: Draft

    /// Compiles a schema given as a JSON value.
    /// - Parameter uri: where the schema was retrieved from (e.g. its `file://` URL), the base for
    ///   relative references when it has no `$id`; empty when it has no location.
    /// - Throws: `SchemaError` saying which keyword, where, and why.
    /// - Complexity: O(size of the schema and every document it references).
    public init(_ schema: JSONValue, uri: String = "", options: SchemaOptions = SchemaOptions()) throws(SchemaError) {
        var options = options
        if case .string(let metaschema)? = schema["$schema"], let named = Draft(metaschemaURI: metaschema) {
            options.defaultDraft = named
        }
        self.draft = options.defaultDraft
        self.program = try SchemaCompiler(options: options).compile(root: schema, uri: uri)
    }

    /// Parses and compiles a schema given as JSON text.
    /// - Throws: `SchemaError.invalidJSON` with line, column and byte offset, or a compile error.
    /// - Complexity: O(size of the schema and every document it references).
    public init(json: some Collection<UInt8>, uri: String = "", options: SchemaOptions = SchemaOptions())
        throws(SchemaError)
    {
        let value: JSONValue
        do {
            value = try JSONParser().parse(json)
        } catch {
            throw .invalidJSON(document: uri, error)
        }
        try self.init(value, uri: uri, options: options)
    }

    /// Validates `instance`, collecting every violation (up to `SchemaOptions.maxViolations`).
    /// - Complexity: O(size of the instance × schema nodes that apply to each location).
    public func validate(_ instance: JSONValue) -> ValidationReport {
        let context = EvaluationContext(program: program, collectsViolations: true)
        var annotations: Annotations? = nil
        let valid = program.evaluate(program.root, instance, context, &annotations)
        return ValidationReport(isValid: valid, violations: context.violations,
                                isTruncated: context.violationLimitReached)
    }

    /// Whether `instance` is valid; stops at the first failure (no messages are built).
    /// - Complexity: at most that of `validate(_:)`.
    public func isValid(_ instance: JSONValue) -> Bool {
        let context = EvaluationContext(program: program, collectsViolations: false)
        var annotations: Annotations? = nil
        return program.evaluate(program.root, instance, context, &annotations)
    }

    /// Parses `reply` as strict JSON and validates it.
    /// - Throws: `JSONParseError` when the reply is not JSON (use `ReplyExtraction` for replies with prose).
    /// - Complexity: O(reply size) plus `validate(_:)`.
    public func validate(_ reply: String) throws(JSONParseError) -> ValidationReport {
        validate(try JSONParser().parse(reply))
    }
}

/// The immutable result of compilation, shared by every validation.
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let root: Int
    /// Per resource id, `$dynamicAnchor` name → node.
    let dynamicAnchors: [[String: Int]]
    let maxViolations: Int
    /// Nested schema evaluations allowed (recursion follows instance depth); beyond it the
    /// validation fails with a message instead of exhausting a thread's stack.
    let maxDepth = 384

    init(nodes: [SchemaNode], root: Int, dynamicAnchors: [[String: Int]], maxViolations: Int) {
        self.nodes = nodes
        self.root = root
        self.dynamicAnchors = dynamicAnchors
        self.maxViolations = maxViolations
    }
}

/// The outcome of one validation.
public struct ValidationReport: Sendable, Hashable {
    /// Whether the instance is valid.
    public let isValid: Bool
    /// Every violation found (instance location, keyword location, message), in evaluation order.
    public let violations: [SchemaViolation]
    /// True when more violations existed than `SchemaOptions.maxViolations` allowed to list.
    public let isTruncated: Bool
}

/// One reason an instance is invalid.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance (e.g. `/items/2/score`).
    public let instanceLocation: JSONPointer
    /// The keyword that failed, through any `$ref`s taken (e.g. `/properties/items/items/$ref/maximum`).
    public let keywordLocation: JSONPointer
    /// A sentence a person can act on, e.g. `1.5 is greater than the maximum 1`.
    public let message: String

    /// Creates a violation (for callers that report their own findings in the same shape).
    public init(instanceLocation: JSONPointer, keywordLocation: JSONPointer, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.message = message
    }

    /// `at /items/2/score: 1.5 is greater than the maximum 1`.
    public var description: String {
        "at \(instanceLocation.tokens.isEmpty ? "the root" : instanceLocation.description): \(message)"
    }
}
