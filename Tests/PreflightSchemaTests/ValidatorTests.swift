import PreflightSchema
import Testing

@Suite("Validator behaviour beyond the suite")
struct ValidatorTests {
    func compile(_ text: String, options: SchemaOptions = SchemaOptions()) throws -> CompiledSchema {
        try CompiledSchema(json: Array(text.utf8), options: options)
    }

    @Test("an error names the instance location, the keyword location and the numbers")
    func errorPointsAtField() throws {
        let schema = try compile(#"""
            {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}},
             "$defs": {"item": {"type": "object", "properties": {"score": {"type": "number", "maximum": 1}}}}}
            """#)
        let report = schema.validate(try JSONParser().parse(#"{"items": [{"score": 0.5}, {"score": 1}, {"score": 1.5}]}"#))
        #expect(!report.isValid)
        #expect(report.violations.count == 1)
        let violation = try #require(report.violations.first)
        #expect(violation.description == "at /items/2/score: 1.5 is greater than the maximum 1")
        #expect(violation.keywordLocation.description == "/properties/items/items/$ref/properties/score/maximum")
    }

    @Test("every failure is reported, up to the cap")
    func allFailures() throws {
        let schema = try compile(#"{"items": {"type": "integer"}}"#)
        let report = schema.validate(try JSONParser().parse(#"[1, "a", 2, "b", null]"#))
        #expect(report.violations.map(\.instanceLocation.description) == ["/1", "/3", "/4"])
        #expect(!report.isTruncated)
        let capped = try compile(#"{"items": {"type": "integer"}}"#, options: SchemaOptions(maxViolations: 2))
        let cappedReport = capped.validate(try JSONParser().parse(#"[1, "a", 2, "b", null]"#))
        #expect(cappedReport.violations.count == 2)
        #expect(cappedReport.isTruncated)
        #expect(!cappedReport.isValid)
    }

    @Test("required and additionalProperties messages say which property")
    func propertyMessages() throws {
        let schema = try compile(#"{"properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false}"#)
        let report = schema.validate(try JSONParser().parse(#"{"nmae": "x"}"#))
        #expect(report.violations.map(\.message) == [
            "required property \"name\" is missing",
            "property \"nmae\" is not allowed (additionalProperties is false)",
        ])
        #expect(report.violations.map(\.instanceLocation.description) == ["", "/nmae"])
    }

    @Test("a regex that exceeds the step limit is a failure, not a pass")
    func regexStepLimit() throws {
        let schema = try compile(#"{"pattern": "^(a+)+$"}"#, options: SchemaOptions(regexStepLimit: 1))
        let hostile = JSONValue.string(String(repeating: "a", count: 40) + "!")
        let report = schema.validate(hostile)
        #expect(!report.isValid)
        #expect(report.violations.first?.message.contains("step limit") == true)
        #expect(!schema.isValid(hostile))
    }

    @Test("ECMA-262 classes: \\d and \\w are ASCII-only, $ does not match before a final newline")
    func ecmaScriptRegex() throws {
        let digits = try compile(#"{"pattern": "^\\d+$"}"#)
        #expect(digits.isValid("123"))
        #expect(!digits.isValid("১২৩"))  // Bengali digits
        #expect(!digits.isValid("123\n"))
        let word = try compile(#"{"pattern": "^\\w$"}"#)
        #expect(!word.isValid("é"))
        let space = try compile(#"{"pattern": "^\\s$"}"#)
        #expect(space.isValid("\u{FEFF}"))
    }

    @Test("invalid patterns fail compilation with the location")
    func invalidPattern() {
        #expect(throws: SchemaError.self) { try compile(#"{"properties": {"a": {"pattern": "(?P<x>a)"}}}"#) }
        do {
            _ = try compile(#"{"properties": {"a": {"pattern": "(unclosed"}}}"#)
        } catch {
            guard case .invalidRegex(_, _, _, let at)? = error as? SchemaError else {
                Issue.record("expected invalidRegex, got \(error)")
                return
            }
            #expect(at.description == "/properties/a/pattern")
        }
    }

    @Test("a remote reference outside every mapping is an error; a mapped one loads")
    func remoteReferences() throws {
        #expect(throws: SchemaError.unmappedRemoteReference(uri: "http://example.com/a.json", document: "",
                                                          at: JSONPointer(tokens: ["$ref"]))) {
            try compile(#"{"$ref": "http://example.com/a.json"}"#)
        }
        let resources = SchemaResources(documents: ["http://example.com/a.json": ["type": "integer"]])
        let schema = try compile(#"{"$ref": "http://example.com/a.json"}"#, options: SchemaOptions(resources: resources))
        #expect(schema.isValid(3))
        #expect(!schema.isValid("3"))
    }

    @Test("string equality is by code point: precomposed and decomposed é differ")
    func codePointEquality() throws {
        let schema = try compile("{\"const\": \"\u{E9}\"}")
        #expect(schema.isValid(.string("\u{E9}")))
        #expect(!schema.isValid(.string("e\u{301}")))
    }

    @Test("a $ref cycle that consumes no input is reported, not a hang or crash")
    func referenceCycle() throws {
        let schema = try compile(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##)
        let report = schema.validate(1)
        #expect(!report.isValid)
        #expect(report.violations.first?.message.contains("$ref cycle") == true)
    }

    @Test("deep recursion through a recursive schema ends in a message, never a stack overflow")
    func deepRecursion() throws {
        let schema = try compile(##"{"type": "array", "items": {"$ref": "#"}}"##)
        var shallow: JSONValue = []
        for _ in 0..<20 { shallow = [shallow] }
        #expect(schema.isValid(shallow))
        var deep: JSONValue = []
        for _ in 0..<500 { deep = [deep] }
        let report = schema.validate(deep)
        #expect(!report.isValid)
        #expect(report.violations.first?.message.contains("too deeply nested") == true)
    }

    @Test("one compiled schema validates from many tasks at once")
    func concurrentUse() async throws {
        let schema = try compile(#"{"type": "object", "properties": {"id": {"type": "string", "pattern": "^[a-z]+-\\d+$"}}}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask { schema.isValid(["id": .string(index % 2 == 0 ? "item-\(index)" : "Item\(index)")]) }
            }
            var valid = 0
            for await result in group where result { valid += 1 }
            return valid
        }
        #expect(results == 32)
    }

    @Test("draft 7: $ref hides its siblings; 2020-12: it does not")
    func refSiblings() throws {
        let text = ##"{"definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s", "maxLength": 2}"##
        let draft7 = try compile(text, options: SchemaOptions(defaultDraft: .draft7))
        let draft2020 = try compile(text)
        #expect(draft7.isValid("long"))
        #expect(!draft2020.isValid("long"))
    }
}
