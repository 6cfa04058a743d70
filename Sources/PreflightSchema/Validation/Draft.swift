/// The JSON Schema drafts this validator implements.
public enum Draft: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Draft 2020-12, the current one (`https://json-schema.org/draft/2020-12/schema`).
    case draft2020_12 = "2020-12"
    /// Draft 2019-09, supported for cross-draft references (`$recursiveRef` is not implemented).
    case draft2019_09 = "2019-09"
    /// Draft-07 (`http://json-schema.org/draft-07/schema#`); draft-06 and draft-04 map here too.
    case draft7 = "7"

    /// The value as it prints in messages and reports.
    public var description: String { rawValue }

    /// The meta-schema URI that `$schema` uses for this draft.
    public var metaschemaURI: String {
        switch self {
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        case .draft2019_09: return "https://json-schema.org/draft/2019-09/schema"
        case .draft7: return "http://json-schema.org/draft-07/schema#"
        }
    }

    /// The draft a `$schema` value names, when it is one of the official meta-schemas.
    init?(metaschemaURI uri: String) {
        var text = uri
        if text.hasSuffix("#") { text.removeLast() }
        if text.hasPrefix("https://json-schema.org/") || text.hasPrefix("http://json-schema.org/") {
            if text.hasSuffix("/draft/2020-12/schema") {
                self = .draft2020_12
                return
            }
            if text.hasSuffix("/draft/2019-09/schema") {
                self = .draft2019_09
                return
            }
            if text.hasSuffix("/draft-07/schema") || text.hasSuffix("/draft-06/schema") || text.hasSuffix("/draft-04/schema") {
                self = .draft7
                return
            }
        }
        return nil
    }

    /// The keyword that sets a base URI.
    var idKeyword: String { "$id" }

    /// Keywords whose value is an object of subschemas.
    var schemaMapKeywords: [String] {
        switch self {
        case .draft2020_12: return ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies"]
        case .draft2019_09: return ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas"]
        case .draft7: return ["definitions", "properties", "patternProperties", "dependencies"]
        }
    }

    /// Keywords whose value is one subschema (or, for draft 7/2019-09 `items`, possibly an array).
    var singleSchemaKeywords: [String] {
        switch self {
        case .draft2020_12:
            return ["additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
                    "unevaluatedItems", "unevaluatedProperties", "contentSchema"]
        case .draft2019_09:
            return ["additionalProperties", "additionalItems", "propertyNames", "items", "contains", "not", "if",
                    "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema"]
        case .draft7:
            return ["additionalProperties", "additionalItems", "propertyNames", "items", "contains", "not", "if",
                    "then", "else"]
        }
    }

    /// Keywords whose value is an array of subschemas.
    var schemaArrayKeywords: [String] {
        switch self {
        case .draft2020_12: return ["allOf", "anyOf", "oneOf", "prefixItems"]
        case .draft2019_09, .draft7: return ["allOf", "anyOf", "oneOf"]
        }
    }
}

/// The vocabularies of 2020-12 (and 2019-09), which a custom meta-schema can switch on or off with `$vocabulary`.
enum Vocabulary: Sendable, Hashable, CaseIterable {
    case core, applicator, unevaluated, validation, metaData, formatAnnotation, formatAssertion, content

    init?(uri: String) {
        let prefixes = ["https://json-schema.org/draft/2020-12/vocab/", "https://json-schema.org/draft/2019-09/vocab/"]
        guard let prefix = prefixes.first(where: { uri.hasPrefix($0) }) else { return nil }
        switch uri.dropFirst(prefix.count) {
        case "core": self = .core
        case "applicator": self = .applicator
        case "unevaluated": self = .unevaluated
        case "validation": self = .validation
        case "meta-data": self = .metaData
        case "format-annotation", "format": self = .formatAnnotation
        case "format-assertion": self = .formatAssertion
        case "content": self = .content
        default: return nil
        }
    }

    /// The vocabulary a keyword belongs to (for the keywords whose evaluation a vocabulary switches).
    static func of(keyword: String) -> Vocabulary? {
        switch keyword {
        case "prefixItems", "items", "additionalItems", "contains", "additionalProperties", "properties",
             "patternProperties", "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf",
             "oneOf", "not":
            return .applicator
        case "unevaluatedItems", "unevaluatedProperties": return .unevaluated
        case "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
             "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains",
             "minContains", "maxProperties", "minProperties", "required", "dependentRequired":
            return .validation
        default: return nil
        }
    }
}

/// A draft plus the vocabularies in force (all of them unless a custom meta-schema says otherwise).
struct Dialect: Sendable, Hashable {
    var draft: Draft
    var vocabularies: Set<Vocabulary>

    init(draft: Draft, vocabularies: Set<Vocabulary> = Set(Vocabulary.allCases).subtracting([.formatAssertion])) {
        self.draft = draft
        self.vocabularies = vocabularies
    }

    /// Whether `keyword` is evaluated under this dialect.
    func evaluates(_ keyword: String) -> Bool {
        if draft == .draft7 { return true }
        guard let vocabulary = Vocabulary.of(keyword: keyword) else { return true }
        if vocabulary == .unevaluated && draft == .draft2019_09 { return vocabularies.contains(.applicator) }
        return vocabularies.contains(vocabulary)
    }
}
