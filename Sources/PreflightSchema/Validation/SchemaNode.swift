/// One compiled schema object: its keywords, ready to evaluate, with every subschema and reference
/// already turned into an index into `SchemaProgram.nodes` (no string lookups while validating).
struct SchemaNode: Sendable {
    /// The keywords to evaluate, in evaluation order (`unevaluated*` last).
    var keywords: [CompiledKeyword] = []
    /// The schema resource (nearest `$id`, or the document) this node belongs to; entering it
    /// extends the dynamic scope that `$dynamicRef` searches.
    var resource: Int = 0
    /// Whether a keyword needs the annotations of its siblings (`unevaluatedProperties`/`Items`).
    var needsAnnotations = false
}

/// A keyword and where it sits (its name is the keyword-location step).
struct CompiledKeyword: Sendable {
    let name: String
    let check: KeywordCheck
}

/// A named subschema: `properties`, `dependentSchemas`, draft-7 `dependencies`.
struct NamedSubschema: Sendable {
    let name: String
    let node: Int
}

/// A `patternProperties` entry.
struct PatternSubschema: Sendable {
    let regex: RegexProgram
    let node: Int
}

/// A `dependentRequired` entry.
struct DependentRequirement: Sendable {
    let name: String
    let required: [String]
}

/// The primitive types of the `type` keyword.
enum JSONType: String, Sendable {
    case null, boolean, object, array, number, string, integer

    func matches(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array), (.number, .number),
             (.string, .string):
            return true
        case (.integer, .number(let number)):
            return number.isInteger
        default:
            return false
        }
    }
}

/// What one keyword checks, with its operands decoded at compile time.
enum KeywordCheck: Sendable {
    case falseSchema
    case type([JSONType])
    case constant(JSONValue)
    case enumeration([JSONValue])
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(RegexProgram)
    case format(StringFormat)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([DependentRequirement])
    case properties([NamedSubschema])
    case patternProperties([PatternSubschema])
    case additionalProperties(node: Int, known: Set<JSONKey>, patterns: [RegexProgram])
    case propertyNames(Int)
    case dependentSchemas([NamedSubschema])
    /// `prefixItems` (2020-12) or array-form `items` (draft 7): one schema per position.
    case prefixItems([Int])
    /// `items` (from 0, or after `prefixItems`) and draft-7 `additionalItems` (after array-form `items`).
    case items(node: Int, from: Int)
    case contains(node: Int, minimum: Int, maximum: Int?)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case ref(Int)
    /// `$dynamicRef`: the statically resolved target, and the anchor name when it is dynamic.
    case dynamicRef(Int, anchor: String?)
    case unevaluatedProperties(Int)
    case unevaluatedItems(Int)
    /// Draft 7 `contentEncoding: base64` / `contentMediaType: application/json` (assertions there,
    /// annotations only in 2020-12).
    case content(base64: Bool, json: Bool)
}
