/// A JSON Schema (2020-12) built in Swift, e.g.
///
/// ```swift
/// let review = JSONSchema.object(
///     ["name": .string(minLength: 1), "score": .number(minimum: 0, maximum: 1)],
///     required: ["name"])
/// let payload = review.responseFormat        // {"type":"json_schema","json_schema":{…}}
/// let validator = try review.compiled()
/// ```
///
/// The value is the schema's JSON (`json`); the static functions only assemble it, so anything
/// they do not cover can be written as a `JSONValue` and wrapped with `JSONSchema(_:)`.
public struct JSONSchema: Sendable, Hashable, CustomStringConvertible {
    /// The schema document.
    public var json: JSONValue

    /// Wraps a schema written as JSON.
    public init(_ json: JSONValue) { self.json = json }

    /// The value as it prints in messages and reports.
    public var description: String { JSONSerializer.string(from: json) }

    /// Any value (`true`).
    public static let any = JSONSchema(.bool(true))

    /// An object with these properties (in this order), `required` names, and by default no others.
    public static func object(_ properties: KeyValuePairs<String, JSONSchema>, required: [String] = [],
                              additionalProperties: Bool = false, description: String? = nil) -> JSONSchema {
        var members = JSONObject()
        for (name, schema) in properties { members[name] = schema.json }
        var schema: JSONValue = ["type": "object", "properties": .object(members)]
        if !required.isEmpty { schema = schema.setting("required", .array(required.map(JSONValue.string))) }
        schema = schema.setting("additionalProperties", .bool(additionalProperties))
        return JSONSchema(schema).described(description)
    }

    /// A string with optional length, pattern (ECMA-262), format and allowed values.
    public static func string(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
                              format: String? = nil, oneOf values: [String]? = nil,
                              description: String? = nil) -> JSONSchema {
        var schema: JSONValue = ["type": "string"]
        if let minLength { schema = schema.setting("minLength", .number(JSONNumber(minLength))) }
        if let maxLength { schema = schema.setting("maxLength", .number(JSONNumber(maxLength))) }
        if let pattern { schema = schema.setting("pattern", .string(pattern)) }
        if let format { schema = schema.setting("format", .string(format)) }
        if let values { schema = schema.setting("enum", .array(values.map(JSONValue.string))) }
        return JSONSchema(schema).described(description)
    }

    /// A number with optional bounds; bounds are exact (`JSONNumber`), so `0.1` stays `0.1`.
    public static func number(minimum: JSONNumber? = nil, maximum: JSONNumber? = nil,
                              exclusiveMinimum: JSONNumber? = nil, exclusiveMaximum: JSONNumber? = nil,
                              multipleOf: JSONNumber? = nil, description: String? = nil) -> JSONSchema {
        numeric("number", minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, description)
    }

    /// An integer with optional bounds.
    public static func integer(minimum: JSONNumber? = nil, maximum: JSONNumber? = nil,
                               exclusiveMinimum: JSONNumber? = nil, exclusiveMaximum: JSONNumber? = nil,
                               multipleOf: JSONNumber? = nil, description: String? = nil) -> JSONSchema {
        numeric("integer", minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, description)
    }

    private static func numeric(_ type: String, _ minimum: JSONNumber?, _ maximum: JSONNumber?,
                                _ exclusiveMinimum: JSONNumber?, _ exclusiveMaximum: JSONNumber?,
                                _ multipleOf: JSONNumber?, _ description: String?) -> JSONSchema {
        var schema: JSONValue = ["type": .string(type)]
        for (keyword, bound) in [("minimum", minimum), ("maximum", maximum), ("exclusiveMinimum", exclusiveMinimum),
                                 ("exclusiveMaximum", exclusiveMaximum), ("multipleOf", multipleOf)] {
            if let bound { schema = schema.setting(keyword, .number(bound)) }
        }
        return JSONSchema(schema).described(description)
    }

    /// `true` or `false`.
    public static let boolean = JSONSchema(["type": "boolean"])

    /// `null`.
    public static let null = JSONSchema(["type": "null"])

    /// An array whose items all match `items`.
    public static func array(of items: JSONSchema, minItems: Int? = nil, maxItems: Int? = nil,
                             uniqueItems: Bool = false, description: String? = nil) -> JSONSchema {
        var schema: JSONValue = ["type": "array", "items": items.json]
        if let minItems { schema = schema.setting("minItems", .number(JSONNumber(minItems))) }
        if let maxItems { schema = schema.setting("maxItems", .number(JSONNumber(maxItems))) }
        if uniqueItems { schema = schema.setting("uniqueItems", true) }
        return JSONSchema(schema).described(description)
    }

    /// One of these exact values.
    public static func enumeration(_ values: [JSONValue]) -> JSONSchema { JSONSchema(["enum": .array(values)]) }

    /// Exactly this value.
    public static func constant(_ value: JSONValue) -> JSONSchema { JSONSchema(["const": value]) }

    /// Matches at least one of `schemas`.
    public static func anyOf(_ schemas: [JSONSchema]) -> JSONSchema { JSONSchema(["anyOf": .array(schemas.map(\.json))]) }

    /// Matches exactly one of `schemas`.
    public static func oneOf(_ schemas: [JSONSchema]) -> JSONSchema { JSONSchema(["oneOf": .array(schemas.map(\.json))]) }

    /// Matches all of `schemas`.
    public static func allOf(_ schemas: [JSONSchema]) -> JSONSchema { JSONSchema(["allOf": .array(schemas.map(\.json))]) }

    /// A reference, e.g. `.reference("#/$defs/address")`.
    public static func reference(_ uri: String) -> JSONSchema { JSONSchema(["$ref": .string(uri)]) }

    /// This schema with `$defs` added, for `.reference("#/$defs/NAME")`.
    public func defining(_ definitions: KeyValuePairs<String, JSONSchema>) -> JSONSchema {
        var members = JSONObject()
        for (name, schema) in definitions { members[name] = schema.json }
        return JSONSchema(json.setting("$defs", .object(members)))
    }

    /// This schema with a `description` (models read it; keep it short, it costs prompt tokens).
    public func described(_ text: String?) -> JSONSchema {
        guard let text else { return self }
        return JSONSchema(json.setting("description", .string(text)))
    }

    /// This schema with `"$schema": "https://json-schema.org/draft/2020-12/schema"` first.
    public var declaringDialect: JSONSchema {
        var members = JSONObject()
        members["$schema"] = .string(Draft.draft2020_12.metaschemaURI)
        if case .object(let object) = json { for (key, value) in object where key != "$schema" { members[key] = value } }
        return JSONSchema(.object(members))
    }

    /// Compiles the schema for validation.
    /// - Throws: `SchemaError` (e.g. an invalid `pattern`).
    /// - Complexity: O(size of the schema).
    public func compiled(options: SchemaOptions = SchemaOptions()) throws(SchemaError) -> CompiledSchema {
        try CompiledSchema(json, options: options)
    }
}

extension JSONValue {
    /// This object with `key` set (appended, or replaced in place); non-objects are returned unchanged.
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var object) = self else { return self }
        object[key] = value
        return .object(object)
    }
}
