extension SchemaCompiler {
    /// Decodes the keywords of one schema object under `dialect`, compiling subschemas to node indices.
    func compileKeywords(_ object: JSONObject, at location: Location, dialect: Dialect) throws(SchemaError)
        -> [CompiledKeyword]
    {
        let draft = dialect.draft
        var keywords: [CompiledKeyword] = []
        var deferred: [CompiledKeyword] = []
        let document = documentURI(location)

        func pointer(_ steps: String...) -> JSONPointer { JSONPointer(tokens: location.pointer + steps) }
        func invalid(_ keyword: String, _ reason: String) -> SchemaError {
            .invalidKeyword(keyword, reason: reason, document: document, at: pointer(keyword))
        }
        func child(_ steps: [String]) throws(SchemaError) -> Int {
            try node(at: Location(document: location.document, pointer: location.pointer + steps))
        }
        func add(_ name: String, _ check: KeywordCheck) { keywords.append(CompiledKeyword(name: name, check: check)) }
        func has(_ keyword: String) -> Bool { object[keyword] != nil && dialect.evaluates(keyword) }
        func count(_ keyword: String) throws(SchemaError) -> Int? {
            guard has(keyword) else { return nil }
            guard case .number(let number)? = object[keyword], let value = number.intValue, value >= 0 else {
                throw invalid(keyword, "must be a non-negative integer")
            }
            return value
        }
        func number(_ keyword: String) throws(SchemaError) -> JSONNumber? {
            guard has(keyword) else { return nil }
            guard case .number(let value)? = object[keyword] else { throw invalid(keyword, "must be a number") }
            return value
        }
        func regex(_ pattern: String, _ steps: [String]) throws(SchemaError) -> RegexProgram {
            if let compiled = regexCache[pattern] { return compiled }
            do {
                let compiled = try RegexProgram(pattern: pattern, stepLimit: options.regexStepLimit)
                regexCache[pattern] = compiled
                return compiled
            } catch {
                throw .invalidRegex(pattern: pattern, reason: error.description, document: document,
                                    at: JSONPointer(tokens: location.pointer + steps))
            }
        }
        func subschemaArray(_ keyword: String) throws(SchemaError) -> [Int]? {
            guard has(keyword) else { return nil }
            guard case .array(let items)? = object[keyword] else { throw invalid(keyword, "must be an array of schemas") }
            var nodes: [Int] = []
            for offset in items.indices { nodes.append(try child([keyword, String(offset)])) }
            return nodes
        }

        // References. In draft 7 a `$ref` makes every sibling keyword ignored.
        if case .string(let reference)? = object["$ref"] {
            let target = try resolve(reference, from: location, keyword: "$ref")
            add("$ref", .ref(try node(at: target)))
            if draft == .draft7 { return keywords }
        }
        if draft == .draft2020_12, case .string(let reference)? = object["$dynamicRef"] {
            let target = try resolve(reference, from: location, keyword: "$dynamicRef")
            let fragment = URIText.splitFragment(reference).fragment
            let isDynamic = !fragment.isEmpty && !fragment.hasPrefix("/") && declaresDynamicAnchor(fragment, at: target)
            if isDynamic { noteDynamicReference() }
            add("$dynamicRef", .dynamicRef(try node(at: target), anchor: isDynamic ? fragment : nil))
        }

        // Validation vocabulary.
        if has("type") {
            var types: [JSONType] = []
            let names: [JSONValue]
            switch object["type"] {
            case .string?: names = [object["type"] ?? .null]
            case .array(let list)?: names = list
            default: throw invalid("type", "must be a type name or an array of them")
            }
            for name in names {
                guard case .string(let text) = name, let type = JSONType(rawValue: text) else {
                    throw invalid("type", "has an unknown type \(name)")
                }
                types.append(type)
            }
            add("type", .type(types))
        }
        if has("const"), let value = object["const"] { add("const", .constant(value)) }
        if has("enum") {
            guard case .array(let values)? = object["enum"] else { throw invalid("enum", "must be an array") }
            add("enum", .enumeration(values))
        }
        if let divisor = try number("multipleOf") {
            guard divisor > 0 else { throw invalid("multipleOf", "must be greater than 0") }
            add("multipleOf", .multipleOf(divisor))
        }
        try compileBounds(object, dialect: dialect, number: number, add: add)
        if let value = try count("maxLength") { add("maxLength", .maxLength(value)) }
        if let value = try count("minLength") { add("minLength", .minLength(value)) }
        if has("pattern") {
            guard case .string(let pattern)? = object["pattern"] else { throw invalid("pattern", "must be a string") }
            add("pattern", .pattern(try regex(pattern, ["pattern"])))
        }
        if let value = try count("maxItems") { add("maxItems", .maxItems(value)) }
        if let value = try count("minItems") { add("minItems", .minItems(value)) }
        if has("uniqueItems"), object["uniqueItems"] == .bool(true) { add("uniqueItems", .uniqueItems) }
        if let value = try count("maxProperties") { add("maxProperties", .maxProperties(value)) }
        if let value = try count("minProperties") { add("minProperties", .minProperties(value)) }
        if has("required") {
            guard case .array(let names)? = object["required"] else { throw invalid("required", "must be an array of strings") }
            add("required", .required(names.compactMap(\.stringValue)))
        }
        if draft != .draft7, has("dependentRequired"), case .object(let map)? = object["dependentRequired"] {
            add("dependentRequired", .dependentRequired(map.map {
                DependentRequirement(name: $0.0, required: $0.1.arrayValue?.compactMap(\.stringValue) ?? [])
            }))
        }
        if let format = object["format"]?.stringValue,
           options.assertsFormat || dialect.vocabularies.contains(.formatAssertion),
           let known = StringFormat(rawValue: format) {
            add("format", .format(known))
        }

        if draft == .draft7 {
            let base64 = object["contentEncoding"] == .string("base64")
            let json = object["contentMediaType"] == .string("application/json")
            if base64 || json { add(json ? "contentMediaType" : "contentEncoding", .content(base64: base64, json: json)) }
        }

        // Applicator vocabulary: objects.
        var propertyNames: Set<JSONKey> = []
        if has("properties"), case .object(let map)? = object["properties"] {
            var rules: [NamedSubschema] = []
            for (name, _) in map {
                rules.append(NamedSubschema(name: name, node: try child(["properties", name])))
                propertyNames.insert(JSONKey(name))
            }
            add("properties", .properties(rules))
        }
        var patterns: [RegexProgram] = []
        if has("patternProperties"), case .object(let map)? = object["patternProperties"] {
            var rules: [PatternSubschema] = []
            for (pattern, _) in map {
                let program = try regex(pattern, ["patternProperties", pattern])
                patterns.append(program)
                rules.append(PatternSubschema(regex: program, node: try child(["patternProperties", pattern])))
            }
            add("patternProperties", .patternProperties(rules))
        }
        if has("additionalProperties") {
            add("additionalProperties", .additionalProperties(node: try child(["additionalProperties"]),
                                                              known: propertyNames, patterns: patterns))
        }
        if has("propertyNames") { add("propertyNames", .propertyNames(try child(["propertyNames"]))) }
        if draft != .draft7, has("dependentSchemas"), case .object(let map)? = object["dependentSchemas"] {
            var rules: [NamedSubschema] = []
            for (name, _) in map { rules.append(NamedSubschema(name: name, node: try child(["dependentSchemas", name]))) }
            add("dependentSchemas", .dependentSchemas(rules))
        }
        if draft == .draft7 || dialect.evaluates("dependentSchemas"), case .object(let map)? = object["dependencies"] {
            var schemas: [NamedSubschema] = []
            var requirements: [DependentRequirement] = []
            for (name, value) in map {
                if case .array(let names) = value {
                    requirements.append(DependentRequirement(name: name, required: names.compactMap(\.stringValue)))
                } else {
                    schemas.append(NamedSubschema(name: name, node: try child(["dependencies", name])))
                }
            }
            if !requirements.isEmpty { add("dependencies", .dependentRequired(requirements)) }
            if !schemas.isEmpty { add("dependencies", .dependentSchemas(schemas)) }
        }

        // Applicator vocabulary: arrays.
        var prefixCount = 0
        if draft == .draft2020_12 {
            if let prefix = try subschemaArray("prefixItems") {
                prefixCount = prefix.count
                add("prefixItems", .prefixItems(prefix))
            }
            if has("items"), object["items"]?.arrayValue == nil {
                add("items", .items(node: try child(["items"]), from: prefixCount))
            }
        } else if has("items") {
            if object["items"]?.arrayValue != nil, let tuple = try subschemaArray("items") {
                add("items", .prefixItems(tuple))
                if has("additionalItems") {
                    add("additionalItems", .items(node: try child(["additionalItems"]), from: tuple.count))
                }
            } else {
                add("items", .items(node: try child(["items"]), from: 0))
            }
        }
        if has("contains") {
            let minimum = draft == .draft7 ? 1 : (try count("minContains") ?? 1)
            let maximum = draft == .draft7 ? nil : try count("maxContains")
            add("contains", .contains(node: try child(["contains"]), minimum: minimum, maximum: maximum))
        }

        // In-place applicators.
        if let nodes = try subschemaArray("allOf") { add("allOf", .allOf(nodes)) }
        if let nodes = try subschemaArray("anyOf") { add("anyOf", .anyOf(nodes)) }
        if let nodes = try subschemaArray("oneOf") { add("oneOf", .oneOf(nodes)) }
        if has("not") { add("not", .not(try child(["not"]))) }
        if has("if") {
            let thenNode = has("then") ? try child(["then"]) : nil
            let elseNode = has("else") ? try child(["else"]) : nil
            add("if", .conditional(if: try child(["if"]), then: thenNode, else: elseNode))
        }

        // Unevaluated vocabulary: evaluated last, over the annotations of everything above.
        if draft != .draft7 {
            if has("unevaluatedItems") {
                deferred.append(CompiledKeyword(name: "unevaluatedItems", check: .unevaluatedItems(try child(["unevaluatedItems"]))))
            }
            if has("unevaluatedProperties") {
                deferred.append(CompiledKeyword(name: "unevaluatedProperties",
                                                check: .unevaluatedProperties(try child(["unevaluatedProperties"]))))
            }
        }
        return keywords + deferred
    }

    /// `minimum`/`maximum` and their exclusive forms.
    private func compileBounds(_ object: JSONObject, dialect: Dialect,
                               number: (String) throws(SchemaError) -> JSONNumber?,
                               add: (String, KeywordCheck) -> Void) throws(SchemaError) {
        if let bound = try number("maximum") { add("maximum", .maximum(bound)) }
        if let bound = try number("exclusiveMaximum") { add("exclusiveMaximum", .exclusiveMaximum(bound)) }
        if let bound = try number("minimum") { add("minimum", .minimum(bound)) }
        if let bound = try number("exclusiveMinimum") { add("exclusiveMinimum", .exclusiveMinimum(bound)) }
    }
}
