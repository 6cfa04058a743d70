import PreflightSchema
import Testing

@Suite("Reply extraction")
struct ReplyExtractionTests {
    func found(_ reply: String, repairs: Set<ReplyExtraction.Repair> = []) -> ReplyExtraction.ExtractedJSON? {
        guard case .found(let json) = ReplyExtraction.extract(from: reply, repairs: repairs) else { return nil }
        return json
    }

    @Test("the whole reply")
    func whole() throws {
        let json = try #require(found("  {\"a\": 1}\n"))
        #expect(json.method == .whole)
        #expect(json.byteRange == 2..<10)
        #expect(json.value == ["a": 1])
    }

    @Test("a ```json block wins over prose and over other fences")
    func fencedJSON() throws {
        let reply = "Here you go:\n```python\nprint(1)\n```\n```json\n{\"ok\": true}\n```\nAnd {\"not\": \"this\"}."
        let json = try #require(found(reply))
        #expect(json.method == .fencedJSON)
        #expect(json.value == ["ok": true])
        #expect(json.start.line == 6)
        #expect(String(decoding: Array(reply.utf8)[json.byteRange], as: UTF8.self) == "{\"ok\": true}")
    }

    @Test("an unlabelled fence")
    func fenced() throws {
        let json = try #require(found("Result:\n```\n[1, 2]\n```"))
        #expect(json.method == .fenced)
        #expect(json.value == [1, 2])
    }

    @Test("the first balanced value after prose, with further candidates listed")
    func balanced() throws {
        let reply = "The answer is {\"x\": [1, {\"y\": \"}\"}]} and also {\"z\": 2}."
        let json = try #require(found(reply))
        #expect(json.method == .balanced)
        #expect(json.value == ["x": [1, ["y": "}"]]])
        #expect(json.otherCandidates.count == 1)
        #expect(json.start.column == 15)
    }

    @Test("prose braces that are not JSON are skipped")
    func skipsNonJSON() throws {
        let json = try #require(found("Use {curly} braces; here: {\"a\": 1}"))
        #expect(json.value == ["a": 1])
    }

    @Test("a reply cut off by max_tokens is reported as truncated")
    func truncated() {
        let outcome = ReplyExtraction.extract(from: "```json\n{\"name\": \"Ada\", \"bio\": \"Born in 18")
        guard case .truncated(let method, let start, let error) = outcome else {
            Issue.record("expected truncated, got \(outcome)")
            return
        }
        #expect(method == .fencedJSON)
        #expect(start.line == 2)
        #expect(error.isTruncation)
        #expect(outcome.explanation.contains("max_tokens"))
    }

    @Test("invalid JSON is reported with its position in the reply, not repaired")
    func invalid() {
        let outcome = ReplyExtraction.extract(from: "Sure:\n{\"a\": 1,}")
        guard case .invalid(_, _, let error) = outcome else {
            Issue.record("expected invalid, got \(outcome)")
            return
        }
        #expect(error.position?.line == 2)
        #expect(error.position?.byteOffset == 14)
    }

    @Test("trailing commas are removed only when asked, and the repair is listed")
    func repair() throws {
        let json = try #require(found("Sure:\n{\"a\": [1, 2,], \"b\": 3,}", repairs: [.trailingCommas]))
        #expect(json.value == ["a": [1, 2], "b": 3])
        #expect(json.repairs.map(\.byteOffsets) == [[17, 27]])
    }

    @Test("a footnote like [1] in prose does not win over the answer")
    func longestCandidate() throws {
        let json = try #require(found("As noted in [1], the result is {\"ok\": true, \"items\": [1, 2]}."))
        #expect(json.value == ["ok": true, "items": [1, 2]])
        #expect(json.otherCandidates.count == 1)
    }

    @Test("a broken value is reported, not a fragment of it")
    func noFragments() {
        let outcome = ReplyExtraction.extract(from: #"{"a": {"b": 1}, "c": tru}"#)
        guard case .invalid = outcome else {
            Issue.record("expected invalid, got \(outcome)")
            return
        }
        let fenced = ReplyExtraction.extract(from: "```json\n{\"a\": {\"b\": 1},}\n```")
        guard case .invalid(let method, _, _) = fenced else {
            Issue.record("expected invalid, got \(fenced)")
            return
        }
        #expect(method == .fencedJSON)
    }

    @Test("no JSON at all")
    func notFound() {
        #expect(ReplyExtraction.extract(from: "I cannot help with that.") == .notFound)
    }
}
