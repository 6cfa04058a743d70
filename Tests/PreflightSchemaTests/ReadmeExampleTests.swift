import PreflightSchema
import Testing

/// The Swift block of Docs/validate-example.md, replayed (the README example must keep working).
@Test("the validate example from the docs")
func validateExample() throws {
    let schema = JSONSchema.object(
        ["product": .string(minLength: 1),
         "sentiment": .string(oneOf: ["positive", "neutral", "negative"]),
         "aspects": .array(of: .object(["name": .string(), "score": .number(minimum: 0, maximum: 1)],
                                       required: ["name", "score"]))],
        required: ["product", "sentiment", "aspects"])
    let request: JSONValue = ["messages": [], "response_format": schema.responseFormat]
    #expect(request["response_format"]?["type"] == "json_schema")
    let validator = try schema.compiled()
    let reply = """
        Sure! Here is the analysis you asked for:

        ```json
        {
          "product": "Trailblazer 2 headlamp",
          "sentiment": "positive",
          "aspects": [
            {"name": "brightness", "score": 0.9},
            {"name": "battery life", "score": 0.7},
            {"name": "comfort", "score": 1.5}
          ]
        }
        ```

        Let me know if you need anything else.
        """
    guard case .found(let json) = ReplyExtraction.extract(from: reply) else {
        Issue.record("no JSON found")
        return
    }
    #expect(json.method == .fencedJSON)
    #expect(json.start.line == 4)
    #expect(validator.validate(json.value).violations.map(\.description) == [
        "at /aspects/2/score: 1.5 is greater than the maximum 1",
    ])
}
