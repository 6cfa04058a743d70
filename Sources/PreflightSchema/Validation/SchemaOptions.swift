import Foundation

/// How a schema is compiled and validated.
public struct SchemaOptions: Sendable {
    /// The draft for schemas without `$schema` (the CLI's `--draft`).
    public var defaultDraft: Draft
    /// Whether `format` is an assertion (fails invalid dates, emails, ...) rather than an annotation.
    /// Off by default, as both drafts specify; the 2020-12 format-assertion vocabulary also turns it on.
    public var assertsFormat: Bool
    /// The most violations one validation reports; the report says when it stopped early.
    public var maxViolations: Int
    /// ICU's step limit for each regex search (`uregex_setTimeLimit`); a search that hits it is a violation.
    public var regexStepLimit: Int32
    /// Where remote `$ref`s are read from.
    public var resources: SchemaResources

    /// Creates options; the defaults follow the spec (2020-12, format as annotation).
    public init(defaultDraft: Draft = .draft2020_12, assertsFormat: Bool = false, maxViolations: Int = 100,
                regexStepLimit: Int32 = 1000, resources: SchemaResources = SchemaResources()) {
        self.defaultDraft = defaultDraft
        self.assertsFormat = assertsFormat
        self.maxViolations = maxViolations
        self.regexStepLimit = regexStepLimit
        self.resources = resources
    }
}

/// The documents a schema may reference by URI, offline: in-memory documents and URI-prefix →
/// directory mappings (`--map-uri http://localhost:1234/=remotes`). The official meta-schemas are
/// always available. Nothing is ever fetched over the network.
public struct SchemaResources: Sendable {
    /// One `PREFIX=DIR` mapping.
    public struct Mapping: Sendable, Hashable {
        /// A URI prefix such as `http://localhost:1234/`.
        public var prefix: String
        /// The directory whose files serve that prefix.
        public var directory: String

        /// Creates a mapping.
        public init(prefix: String, directory: String) {
            self.prefix = prefix
            self.directory = directory
        }
    }

    /// Prefix mappings, tried longest prefix first.
    public var mappings: [Mapping]
    /// Documents by absolute URI (without fragment).
    public var documents: [String: JSONValue]

    /// Creates a resource set.
    public init(mappings: [Mapping] = [], documents: [String: JSONValue] = [:]) {
        self.mappings = mappings
        self.documents = documents
    }

    /// The outcome of looking a URI up.
    enum Lookup {
        case found(JSONValue)
        case notMapped
        case unreadable(path: String)
        case invalid(JSONParseError)
    }

    /// Finds the document for `uri` (no fragment): bundled meta-schemas, then in-memory documents, then mappings.
    /// - Complexity: O(file size) when a file is read.
    func document(at uri: String) -> Lookup {
        if let bundled = Metaschemas.document(at: uri) { return .found(bundled) }
        if let document = documents[uri] { return .found(document) }
        for mapping in mappings.sorted(by: { $0.prefix.count > $1.prefix.count }) where uri.hasPrefix(mapping.prefix) {
            let relative = String(uri.dropFirst(mapping.prefix.count))
            guard !relative.split(separator: "/").contains("..") else { return .unreadable(path: relative) }
            let path = URL(fileURLWithPath: mapping.directory).appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path) else { return .unreadable(path: path) }
            do {
                return .found(try JSONParser().parse([UInt8](data)))
            } catch {
                return .invalid(error)
            }
        }
        return .notMapped
    }
}

/// The official meta-schemas bundled as module resources (see Metaschemas/README.md).
enum Metaschemas {
    /// File names by `$id` (without a trailing `#`).
    static let files: [String: String] = {
        var files = ["http://json-schema.org/draft-07/schema": "draft-07"]
        for (draft, vocabularies) in [
            ("2020-12", ["applicator", "content", "core", "format-annotation", "format-assertion", "meta-data",
                         "unevaluated", "validation"]),
            ("2019-09", ["applicator", "content", "core", "format", "meta-data", "validation"]),
        ] {
            files["https://json-schema.org/draft/\(draft)/schema"] = "draft\(draft)"
            for vocabulary in vocabularies {
                files["https://json-schema.org/draft/\(draft)/meta/\(vocabulary)"] = "draft\(draft)-meta-\(vocabulary)"
            }
        }
        return files
    }()

    /// Parsed once, on first use.
    private static let parsed: [String: JSONValue] = {
        var documents: [String: JSONValue] = [:]
        for (uri, name) in files {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Metaschemas"),
                  let data = FileManager.default.contents(atPath: url.path),
                  let value = try? JSONParser().parse([UInt8](data)) else { continue }
            documents[uri] = value
        }
        return documents
    }()

    /// The bundled meta-schema with this URI, if any.
    static func document(at uri: String) -> JSONValue? {
        var key = uri
        if key.hasSuffix("#") { key.removeLast() }
        guard files[key] != nil else { return nil }
        return parsed[key]
    }
}
