import Foundation
import PreflightForecast
import Testing

/// Bad workloads are rejected with a message naming the field as a JSON Pointer.
@Suite struct WorkloadReadingTests {
    static let valid = """
        {"name": "t", "start_date": "2027-01-30", "days": 3,
         "request_types": [{"name": "chat", "model": "@cf/meta/llama-3.2-1b-instruct",
           "prompt": {"tokens": 1000}, "output_tokens": 500, "requests_per_day": 1000}]}
        """

    static func error(_ json: String) -> WorkloadError? {
        do { _ = try TestModels.forecast(json); return nil } catch let error as WorkloadError { return error } catch { return nil }
    }

    @Test func validWorkloadReads() throws {
        let workload = try TestModels.workload(Self.valid)
        #expect(workload.days == 3)
        #expect(workload.end.description == "2027-02-01")
        #expect(workload.requestTypes[0].prompt == .tokens(.fixed(1000)))
        #expect(workload.requestTypes[0].pointer.description == "/request_types/0")
    }

    @Test(arguments: [
        // (replace this, with that, expected pointer, message fragment)
        ("\"requests_per_day\": 1000", "\"requests_per_day\": -5", "/request_types/0/requests_per_day", "must be 0 or more"),
        ("\"requests_per_day\": 1000", "\"requests_per_day\": 1000, \"grwoth\": 1", "/request_types/0/grwoth", "unknown field"),
        ("\"output_tokens\": 500", "\"output_tokens\": -1", "/request_types/0/output_tokens", "must be 0 or more"),
        ("\"output_tokens\": 500", "\"output_tokens\": {\"distribution\": \"uniform\", \"min\": 9, \"max\": 3}", "/request_types/0/output_tokens/max", "less than min"),
        ("\"output_tokens\": 500", "\"output_tokens\": {\"distribution\": \"poisson\"}", "/request_types/0/output_tokens/distribution", "unknown distribution"),
        ("\"model\": \"@cf/meta/llama-3.2-1b-instruct\",", "", "/request_types/0/model", "required field is missing"),
        ("\"model\": \"@cf/meta/llama-3.2-1b-instruct\"", "\"model\": \"@cf/nope\"", "/request_types/0/model", "unknown model '@cf/nope'"),
        ("\"days\": 3", "\"days\": \"three\"", "/days", "expected a whole number"),
        ("\"start_date\": \"2027-01-30\"", "\"start_date\": \"2027-02-30\"", "/start_date", "YYYY-MM-DD"),
        ("{\"tokens\": 1000}", "{\"tokens\": 1000, \"text\": \"hi\"}", "/request_types/0/prompt", "exactly one of"),
        ("\"days\": 3", "\"days\": 3, \"compare_models\": [\"@cf/missing\"]", "/compare_models/0", "unknown model"),
    ])
    func badFieldIsNamed(replacing: String, with replacement: String, pointer: String, fragment: String) throws {
        let json = Self.valid.replacingOccurrences(of: replacing, with: replacement)
        #expect(json != Self.valid)
        let error = try #require(Self.error(json))
        #expect(error.pointer.description == pointer)
        #expect(error.description.contains(fragment), "\(error.description)")
        #expect(error.description.hasPrefix("test.json: \(pointer)"))
    }

    @Test func malformedJSONIsReported() throws {
        let error = try #require(Self.error("{\"name\": "))
        guard case .malformedJSON(let file, _) = error else {
            Issue.record("expected malformedJSON, got \(error)")
            return
        }
        #expect(file == "test.json")
    }

    @Test func missingPromptFileNamesThePath() throws {
        let json = Self.valid.replacingOccurrences(of: "{\"tokens\": 1000}", with: "{\"file\": \"nope.txt\"}")
        let error = try #require(Self.error(json))
        #expect(error.pointer.description == "/request_types/0/prompt/file")
        #expect(error.description.contains("nope.txt"))
    }

    @Test func pointerEscaping() {
        #expect(JSONPointer(tokens: ["a/b", "c~d"]).description == "/a~1b/c~0d")
        #expect(JSONPointer(stringLiteral: "/a~1b/c~0d").tokens == ["a/b", "c~d"])
    }
}
