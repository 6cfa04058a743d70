/// Turns schema documents into a `SchemaProgram`: indexes every `$id`, `$anchor` and
/// `$dynamicAnchor` with its base URI, resolves references (loading remote documents through
/// `SchemaResources`), and compiles each reachable schema object once into a `SchemaNode`.
///
/// Used once per `CompiledSchema`, on one thread; the program it produces is immutable.
final class SchemaCompiler {
    /// A place in a loaded document.
    struct Location: Hashable {
        let document: Int
        let pointer: [String]
        var key: String { "\(document)|" + JSONPointer(tokens: pointer).description }
    }

    /// What indexing learned about a schema location.
    struct LocationInfo {
        let base: String
        let dialect: Dialect
        let resource: String
    }

    let options: SchemaOptions
    private(set) var documents: [(uri: String, root: JSONValue)] = []
    private var resources: [String: Location] = [:]
    private var anchors: [String: Location] = [:]
    private var dynamicAnchors: [String: [String: Location]] = [:]
    private var info: [String: LocationInfo] = [:]
    private var nodeIndex: [String: Int] = [:]
    private(set) var nodes: [SchemaNode] = []
    private var resourceIDs: [String: Int] = [:]
    private var dialectCache: [String: Dialect] = [:]
    private var usesDynamicRefs = false
    /// Each distinct pattern is compiled once per schema and shared by every keyword that uses it.
    var regexCache: [String: RegexProgram] = [:]

    init(options: SchemaOptions) { self.options = options }

    // MARK: Entry point

    /// Compiles `root` (retrieved from `uri`, "" when given directly) and everything it references.
    func compile(root: JSONValue, uri: String) throws(SchemaError) -> SchemaProgram {
        let document = addDocument(root, uri: uri)
        resources[uri] = Location(document: document, pointer: [])
        try index(root, at: Location(document: document, pointer: []), base: uri,
                  dialect: Dialect(draft: options.defaultDraft), resource: uri)
        let rootNode = try node(at: Location(document: document, pointer: []))
        let dynamicTable = try compileDynamicAnchors()
        return SchemaProgram(nodes: nodes, root: rootNode, dynamicAnchors: dynamicTable,
                             maxViolations: options.maxViolations)
    }

    private func addDocument(_ root: JSONValue, uri: String) -> Int {
        documents.append((uri, root))
        return documents.count - 1
    }

    func value(at location: Location) -> JSONValue? {
        JSONPointer(tokens: location.pointer).resolve(in: documents[location.document].root)
    }

    func documentURI(_ location: Location) -> String { documents[location.document].uri }

    // MARK: Indexing

    /// Records base URIs, identifiers and anchors for the schema at `location` and its subschemas.
    func index(_ value: JSONValue, at location: Location, base: String, dialect: Dialect,
               resource: String) throws(SchemaError) {
        guard case .object(let object) = value else {
            info[location.key] = LocationInfo(base: base, dialect: dialect, resource: resource)
            return
        }
        var base = base
        var resource = resource
        var dialect = dialect
        if case .string(let metaschema)? = object["$schema"] {
            dialect = try self.dialect(forMetaschema: metaschema, inherited: dialect)
        }
        let draft = dialect.draft
        let refHidesSiblings = draft == .draft7 && object["$ref"] != nil
        if case .string(let id)? = object["$id"], !refHidesSiblings {
            if draft == .draft7 && id.hasPrefix("#") {
                anchors[base + id] = location
            } else {
                let (uri, fragment) = URIText.splitFragment(URIText.resolve(id, against: base))
                base = uri
                resource = uri
                if resources[uri] == nil || location.pointer.isEmpty { resources[uri] = location }
                if draft == .draft7 && !fragment.isEmpty { anchors[uri + "#" + fragment] = location }
            }
        }
        if draft != .draft7, case .string(let anchor)? = object["$anchor"] {
            anchors[base + "#" + anchor] = location
        }
        if draft == .draft2020_12, case .string(let anchor)? = object["$dynamicAnchor"] {
            anchors[base + "#" + anchor] = location
            dynamicAnchors[resource, default: [:]][anchor] = location
        }
        info[location.key] = LocationInfo(base: base, dialect: dialect, resource: resource)
        for keyword in draft.schemaMapKeywords {
            guard case .object(let members)? = object[keyword] else { continue }
            for (name, member) in members {
                try index(member, at: Location(document: location.document, pointer: location.pointer + [keyword, name]),
                          base: base, dialect: dialect, resource: resource)
            }
        }
        for keyword in draft.singleSchemaKeywords {
            guard let member = object[keyword] else { continue }
            if case .array(let items) = member, draft != .draft2020_12 {
                for (offset, item) in items.enumerated() {
                    try index(item, at: Location(document: location.document,
                                                 pointer: location.pointer + [keyword, String(offset)]),
                              base: base, dialect: dialect, resource: resource)
                }
            } else {
                try index(member, at: Location(document: location.document, pointer: location.pointer + [keyword]),
                          base: base, dialect: dialect, resource: resource)
            }
        }
        for keyword in draft.schemaArrayKeywords {
            guard case .array(let items)? = object[keyword] else { continue }
            for (offset, item) in items.enumerated() {
                try index(item, at: Location(document: location.document,
                                             pointer: location.pointer + [keyword, String(offset)]),
                          base: base, dialect: dialect, resource: resource)
            }
        }
    }

    /// The dialect a `$schema` value selects: an official draft, or a custom meta-schema's `$vocabulary`.
    private func dialect(forMetaschema uri: String, inherited: Dialect) throws(SchemaError) -> Dialect {
        if let draft = Draft(metaschemaURI: uri) { return Dialect(draft: draft) }
        let key = URIText.splitFragment(uri).base
        if let cached = dialectCache[key] { return cached }
        dialectCache[key] = inherited  // guards against a meta-schema cycle while loading
        guard let location = try? loadDocument(key, dialect: inherited), case .object(let metaschema)? = value(at: location)
        else { return inherited }
        var draft = inherited.draft
        if case .string(let parent)? = metaschema["$schema"], let named = Draft(metaschemaURI: parent) { draft = named }
        var result = Dialect(draft: draft)
        if case .object(let vocabularyFlags)? = metaschema["$vocabulary"] {
            var vocabularies: Set<Vocabulary> = []
            for (vocabularyURI, required) in vocabularyFlags {
                if let vocabulary = Vocabulary(uri: vocabularyURI) {
                    vocabularies.insert(vocabulary)
                } else if required == .bool(true) {
                    throw .unsupportedVocabulary(uri: vocabularyURI, metaschema: key)
                }
            }
            result = Dialect(draft: draft, vocabularies: vocabularies)
        }
        dialectCache[key] = result
        return result
    }

    // MARK: Resolution

    /// Loads (once) and indexes the document at `uri`; returns its root location.
    @discardableResult
    private func loadDocument(_ uri: String, dialect: Dialect) throws(SchemaError) -> Location? {
        if let known = resources[uri] { return known }
        switch options.resources.document(at: uri) {
        case .found(let root):
            let location = Location(document: addDocument(root, uri: uri), pointer: [])
            resources[uri] = location
            try index(root, at: location, base: uri, dialect: Dialect(draft: dialect.draft), resource: uri)
            return location
        case .notMapped:
            return nil
        case .unreadable(let path):
            throw .unreadableRemote(uri: uri, path: path)
        case .invalid(let error):
            throw .invalidJSON(document: uri, error)
        }
    }

    /// The location a reference names, resolved against the base URI of the schema that holds it.
    func resolve(_ reference: String, from location: Location, keyword: String) throws(SchemaError) -> Location {
        let here = try locationInfo(location)
        let absolute = URIText.resolve(reference, against: here.base)
        let (uri, fragment) = URIText.splitFragment(absolute)
        let failure = SchemaError.unresolvableReference(reference, document: documentURI(location),
                                                         at: JSONPointer(tokens: location.pointer + [keyword]))
        if resources[uri] == nil {
            if try loadDocument(uri, dialect: here.dialect) == nil {
                if uri.hasPrefix("http://") || uri.hasPrefix("https://") {
                    throw .unmappedRemoteReference(uri: uri, document: documentURI(location),
                                                   at: JSONPointer(tokens: location.pointer + [keyword]))
                }
                throw failure
            }
        }
        guard let resource = resources[uri] else { throw failure }
        if fragment.isEmpty { return resource }
        if fragment.hasPrefix("/") {
            guard let pointer = try? JSONPointer(parsing: URIText.percentDecoded(fragment)) else { throw failure }
            let target = Location(document: resource.document, pointer: resource.pointer + pointer.tokens)
            guard value(at: target) != nil else { throw failure }
            return target
        }
        guard let anchored = anchors[uri + "#" + URIText.percentDecoded(fragment)] else { throw failure }
        return anchored
    }

    /// Indexing facts for `location`; a location that indexing never reached (a `$ref` into an
    /// unknown keyword, say) inherits them from its nearest indexed ancestor and is indexed now.
    func locationInfo(_ location: Location) throws(SchemaError) -> LocationInfo {
        if let known = info[location.key] { return known }
        var ancestor = location.pointer
        while !ancestor.isEmpty {
            ancestor.removeLast()
            let candidate = Location(document: location.document, pointer: ancestor)
            if let parent = info[candidate.key], let target = value(at: location) {
                try index(target, at: location, base: parent.base, dialect: parent.dialect, resource: parent.resource)
                if let indexed = info[location.key] { return indexed }
            }
        }
        let fallback = LocationInfo(base: documentURI(location), dialect: Dialect(draft: options.defaultDraft),
                                    resource: documentURI(location))
        info[location.key] = fallback
        return fallback
    }

    // MARK: Nodes

    /// The node for the schema at `location`, compiling it (and what it references) on first use.
    func node(at location: Location) throws(SchemaError) -> Int {
        if let existing = nodeIndex[location.key] { return existing }
        guard let schema = value(at: location) else {
            throw .unresolvableReference(JSONPointer(tokens: location.pointer).description,
                                         document: documentURI(location), at: JSONPointer(tokens: location.pointer))
        }
        let facts = try locationInfo(location)
        let index = nodes.count
        nodes.append(SchemaNode())
        nodeIndex[location.key] = index
        var node = SchemaNode()
        node.resource = resourceID(facts.resource)
        switch schema {
        case .bool(true):
            break
        case .bool(false):
            node.keywords = [CompiledKeyword(name: "", check: .falseSchema)]
        case .object(let object):
            node.keywords = try compileKeywords(object, at: location, dialect: facts.dialect)
            node.needsAnnotations = node.keywords.contains {
                if case .unevaluatedItems = $0.check { return true }
                if case .unevaluatedProperties = $0.check { return true }
                return false
            }
        default:
            throw .notASchema(document: documentURI(location), at: JSONPointer(tokens: location.pointer))
        }
        nodes[index] = node
        return index
    }

    private func resourceID(_ uri: String) -> Int {
        if let id = resourceIDs[uri] { return id }
        resourceIDs[uri] = resourceIDs.count
        return resourceIDs.count - 1
    }

    /// Notes that a `$dynamicRef` exists, so dynamic anchors get compiled at the end.
    func noteDynamicReference() { usesDynamicRefs = true }

    /// Whether the schema at `location` declares `$dynamicAnchor: name`.
    func declaresDynamicAnchor(_ name: String, at location: Location) -> Bool {
        value(at: location)?["$dynamicAnchor"] == .string(name)
    }

    /// Per resource id, its dynamic anchors as node indices (compiled now, to a fixpoint, since
    /// compiling an anchor's schema can load documents with more anchors).
    private func compileDynamicAnchors() throws(SchemaError) -> [[String: Int]] {
        guard usesDynamicRefs else { return [] }
        var compiled: [String: [String: Int]] = [:]
        var changed = true
        while changed {
            changed = false
            for (resource, names) in dynamicAnchors {
                for (name, location) in names where compiled[resource]?[name] == nil {
                    compiled[resource, default: [:]][name] = try node(at: location)
                    changed = true
                }
            }
        }
        var table = Array(repeating: [String: Int](), count: resourceIDs.count)
        for (resource, names) in compiled {
            guard let id = resourceIDs[resource] else { continue }
            table[id] = names
        }
        return table
    }
}
