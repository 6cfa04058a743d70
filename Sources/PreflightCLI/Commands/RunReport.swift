import Foundation
import PreflightClient
import PreflightSchema

/// Reading `run`'s input files and writing its JSON report.
enum RunInputs {
    /// Parses a JSON file, or fails with the file name and position.
    static func parseJSON(_ bytes: [UInt8], source: String) throws -> JSONValue {
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw RunInputError(message: "\(source): \(error)")
        }
    }
}

/// `run --format json`: `{response, usage, estimate}` with sorted keys, on one line.
enum RunReport {
    /// The report line. `usage` is the server's object as sent (or null); `estimate` holds the
    /// tokens, neurons and dollars estimated before sending (or null when unpriced or unchecked);
    /// `cache_status` is AI Gateway's `cf-aig-cache-status`, present only through a gateway.
    static func json(response: JSONValue, usage: Usage?, assessment: PreflightAssessment?, cacheStatus: String?) -> String {
        var report: JSONObject = JSONObject()
        report["response"] = response
        if let cacheStatus { report["cache_status"] = .string(cacheStatus) }
        report["usage"] = usage?.reported ?? .null
        report["estimate"] = estimate(assessment)
        return JSONSerializer.string(from: .object(report), keyOrder: .sorted)
    }

    private static func estimate(_ assessment: PreflightAssessment?) -> JSONValue {
        guard let assessment else { return .null }
        var object = JSONObject()
        object["prompt_tokens"] = .number(JSONNumber(assessment.promptTokens))
        object["max_tokens"] = .number(JSONNumber(assessment.maxTokens))
        object["context_window"] = assessment.contextWindow.map { .number(JSONNumber($0)) } ?? .null
        if let estimate = assessment.estimate {
            object["tokens"] = .number(JSONNumber(estimate.inputTokens + estimate.outputTokens))
            object["neurons"] = decimal(estimate.neurons.value)
            object["dollars"] = decimal(estimate.dollars.amount)
        } else {
            object["tokens"] = .number(JSONNumber(assessment.promptTokens + assessment.maxTokens))
            object["neurons"] = .null
            object["dollars"] = .null
        }
        return .object(object)
    }

    private static func decimal(_ value: Decimal) -> JSONValue {
        JSONNumber(parsing: value.description).map(JSONValue.number) ?? .null
    }

    /// The reply's output as JSON: text as a string, JSON as itself, vectors as arrays, bytes as base64.
    static func value(of reply: RunReply) -> JSONValue {
        switch reply.output {
        case .text(let text): return reply.json ?? .string(text)
        case .json(let value): return value
        case .embeddings(let vectors):
            return .array(vectors.map { .array($0.map { JSONNumber($0).map(JSONValue.number) ?? .null }) })
        case .binary(let bytes, _): return .string(Data(bytes).base64EncodedString())
        }
    }
}
