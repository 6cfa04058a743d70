import PreflightSchema

/// What a call returned, with the usage the server reported beside the estimate made before.
public struct RunReply: Sendable {
    /// The model's output.
    public var output: RunOutput
    /// Usage as the server reported it, if it did.
    public var usage: Usage?
    /// The pre-flight assessment (token figures and estimate), if a check ran.
    public var assessment: PreflightAssessment?
    /// In JSON mode, the value found in the reply and validated.
    public var json: JSONValue?
    /// AI Gateway's `cf-aig-cache-status` (`HIT` or `MISS`), when the reply came through a gateway.
    public var cacheStatus: String?
    /// How many attempts the call took (1 when no retry was needed).
    public var attempts: Int

    /// The text of a text reply, else `nil`.
    public var text: String? {
        if case .text(let text) = output { return text }
        return nil
    }
}

/// A model's output, by shape.
public enum RunOutput: Sendable, Hashable {
    /// Generated text.
    case text(String)
    /// A structured result (JSON mode, classifications, rerank scores, …).
    case json(JSONValue)
    /// Embedding vectors, one per input text.
    case embeddings([[Double]])
    /// An image or audio clip, from a binary body or a base64 field; `contentType` as sent or sniffed.
    case binary(bytes: [UInt8], contentType: String)
}

/// Token (and, where reported, neuron) usage of one call.
public struct Usage: Sendable, Hashable {
    /// Prompt tokens (`prompt_tokens` or `input_tokens`).
    public var promptTokens: Int?
    /// Generated tokens (`completion_tokens` or `output_tokens`).
    public var completionTokens: Int?
    /// All tokens (`total_tokens`).
    public var totalTokens: Int?
    /// Neurons, when the server reports them (Cloudflare's docs show none in responses).
    public var neurons: Double?
    /// The `usage` object exactly as the server sent it.
    public var reported: JSONValue

    /// Reads a `usage` object in any of the shapes Workers AI uses.
    public init(reported: JSONValue) {
        self.reported = reported
        promptTokens = Self.integer(reported["prompt_tokens"] ?? reported["input_tokens"])
        completionTokens = Self.integer(reported["completion_tokens"] ?? reported["output_tokens"])
        totalTokens = Self.integer(reported["total_tokens"])
        if case .number(let number)? = reported["neurons"] { neurons = number.doubleValue }
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        if case .number(let number)? = value { return number.intValue }
        return nil
    }
}
