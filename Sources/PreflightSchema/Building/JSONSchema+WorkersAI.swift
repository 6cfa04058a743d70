/// Workers AI JSON mode: the request payload, a lint for what JSON mode does not promise, and the
/// schema's own prompt cost.
///
/// Facts used (from /work/shared/workers-ai/README.md, "JSON mode (structured output)", sourced to
/// cloudflare-docs `src/content/docs/workers-ai/features/json-mode.mdx` @6f03f597):
/// - the request field is `response_format: {"type": "json_schema", "json_schema": <JSON Schema>}`;
/// - JSON mode does not support streaming;
/// - the schema is not guaranteed to be met (the error `JSON Mode couldn't be met` is returned when it cannot be).
extension JSONSchema {
    /// The `response_format` value for a Workers AI request: `{"type": "json_schema", "json_schema": <schema>}`.
    public var responseFormat: JSONValue {
        ["type": "json_schema", "json_schema": json]
    }

    /// Tokens the schema adds to the prompt, counted with the caller's tokenizer over the compact
    /// serialisation of the schema (keys in document order).
    ///
    /// How the platform renders the schema into the model's prompt is not documented; this is the
    /// size of the schema text itself, the part that scales with what you write.
    /// - Parameter count: a token counter, e.g. `{ tokenizer.count(of: $0) }`.
    /// - Complexity: O(schema size) plus the counter's cost.
    public func promptTokenCost(countingWith count: (String) -> Int) -> Int {
        count(JSONSerializer.string(from: json))
    }

    /// Warnings about this schema under Workers AI JSON mode.
    /// - Parameter streaming: whether the request will stream (JSON mode does not support streaming).
    /// - Complexity: O(schema size).
    public func lint(streaming: Bool = false) -> [SchemaLintWarning] {
        var warnings: [SchemaLintWarning] = []
        if streaming {
            warnings.append(SchemaLintWarning(
                kind: .streamingUnsupported, location: .root,
                message: "Workers AI JSON mode does not support streaming; send the request without stream: true"))
        }
        SchemaLint.walk(json, at: .root, into: &warnings)
        return warnings
    }
}

/// One lint finding.
public struct SchemaLintWarning: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: String, Sendable, Hashable {
        /// JSON mode was combined with streaming.
        case streamingUnsupported = "streaming-unsupported"
        /// A constraint JSON mode does not guarantee: the reply must be validated for it.
        case notGuaranteed = "not-guaranteed"
        /// A `$ref` to another document: the schema is sent as it is, and nothing documents remote resolution.
        case remoteReference = "remote-reference"
    }

    /// The kind.
    public let kind: Kind
    /// Where in the schema.
    public let location: JSONPointer
    /// What to do about it.
    public let message: String

    /// The documentation the warning rests on.
    public static let source = "cloudflare-docs src/content/docs/workers-ai/features/json-mode.mdx @6f03f597640f57b907929812fdacd15077b8df59"

    /// The value as it prints in messages and reports.
    public var description: String {
        "\(location.tokens.isEmpty ? "(root)" : location.description): \(message) [\(kind.rawValue)]"
    }
}

/// The schema walk behind `JSONSchema.lint`.
enum SchemaLint {
    /// Value constraints (as opposed to the structure: type, properties, required, items, enum).
    static let constraints: Set<String> = [
        "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
        "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "contains", "minContains",
        "maxContains", "dependentRequired", "dependentSchemas", "if", "not", "oneOf", "unevaluatedProperties",
        "unevaluatedItems", "patternProperties", "propertyNames",
    ]

    static func walk(_ schema: JSONValue, at location: JSONPointer, into warnings: inout [SchemaLintWarning]) {
        guard case .object(let object) = schema else { return }
        for (keyword, value) in object {
            if constraints.contains(keyword) {
                warnings.append(SchemaLintWarning(
                    kind: .notGuaranteed, location: location.appending(keyword),
                    message: "Workers AI JSON mode does not guarantee the schema is met; '\(keyword)' is enforced only by validating the reply (CompiledSchema.validate)"))
            }
            if keyword == "$ref" || keyword == "$dynamicRef", case .string(let reference) = value, !reference.hasPrefix("#") {
                warnings.append(SchemaLintWarning(
                    kind: .remoteReference, location: location.appending(keyword),
                    message: "'\(reference)' points outside this schema; the schema is sent as written, so inline the target under $defs"))
            }
        }
        let draft = Draft.draft2020_12
        for keyword in draft.schemaMapKeywords {
            guard case .object(let members)? = object[keyword] else { continue }
            for (name, member) in members { walk(member, at: location.appending(keyword).appending(name), into: &warnings) }
        }
        for keyword in draft.singleSchemaKeywords {
            if let member = object[keyword] { walk(member, at: location.appending(keyword), into: &warnings) }
        }
        for keyword in draft.schemaArrayKeywords {
            guard case .array(let items)? = object[keyword] else { continue }
            for (offset, item) in items.enumerated() { walk(item, at: location.appending(keyword).appending(offset), into: &warnings) }
        }
    }
}
