import PreflightSchema
import Testing

@Suite("Schema builder and Workers AI JSON mode")
struct JSONSchemaBuilderTests {
    let review = JSONSchema.object(
        ["name": .string(minLength: 1), "score": .number(minimum: 0, maximum: 1)],
        required: ["name"])

    @Test("the builder writes 2020-12 JSON in the order given")
    func builds() {
        #expect(review.description == #"{"type":"object","properties":{"name":{"type":"string","minLength":1},"score":{"type":"number","minimum":0,"maximum":1}},"required":["name"],"additionalProperties":false}"#)
        #expect(JSONSchema.number(maximum: 0.1).description == #"{"type":"number","maximum":0.1}"#)
    }

    @Test("responseFormat is the Workers AI json_schema payload")
    func responseFormat() {
        #expect(review.responseFormat["type"] == "json_schema")
        #expect(review.responseFormat["json_schema"] == review.json)
    }

    @Test("the built schema validates")
    func validates() throws {
        let schema = try review.compiled()
        #expect(schema.isValid(["name": "Ada", "score": 0.5]))
        let report = schema.validate(["name": "", "score": 2, "extra": true])
        #expect(report.violations.map(\.instanceLocation.description) == ["/name", "/score", "/extra"])
    }

    @Test("lint flags streaming, unguaranteed constraints and remote refs")
    func lint() {
        let schema = JSONSchema.object(["id": .string(pattern: "^[a-z]+$"), "ref": .reference("https://example.com/x.json")])
        let warnings = schema.lint(streaming: true)
        #expect(warnings.map(\.kind) == [.streamingUnsupported, .notGuaranteed, .remoteReference])
        #expect(warnings.map(\.location.description) == ["", "/properties/id/pattern", "/properties/ref/$ref"])
        #expect(JSONSchema.object(["a": .boolean]).lint().isEmpty)
    }

    @Test("the schema's prompt cost goes through the caller's counter")
    func tokenCost() {
        var seen: [String] = []
        let cost = JSONSchema.boolean.promptTokenCost { text in
            seen.append(text)
            return text.utf8.count
        }
        #expect(seen == [#"{"type":"boolean"}"#])
        #expect(cost == 18)
    }
}
