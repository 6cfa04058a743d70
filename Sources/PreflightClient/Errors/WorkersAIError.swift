/// Everything a Workers AI call can fail with; callers switch on it.
///
/// Descriptions never contain the API token or the account id: server text is scrubbed of both
/// before it is stored here.
public enum WorkersAIError: Error, Sendable, CustomStringConvertible {
    /// A credential is missing or unusable; `variable` names the environment variable to set.
    case missingCredentials(variable: String, reason: String)
    /// The request cannot be sent as built (a cache TTL out of range, JSON mode with streaming, …).
    case invalidRequest(reason: String)
    /// The pre-flight check refused the prompt; nothing was sent.
    case refusedByPreflight(PreflightAssessment)
    /// The server answered with an HTTP error that carried no Cloudflare error envelope.
    case http(status: Int, code: Int?, message: String)
    /// The server answered with Cloudflare's envelope `{success: false, errors: [{code, message}]}`.
    case api(status: Int, errors: [APIErrorDetail])
    /// The transfer failed below HTTP (connection refused or broken, TLS, cancelled).
    case transport(TransportError)
    /// A time limit passed before the reply was complete.
    case timeout(reason: String)
    /// A streamed reply broke off; the error carries the text received until then.
    case stream(StreamError)
    /// In JSON mode, the reply did not hold JSON that meets the schema.
    case invalidJSONReply(errors: [String], reply: String)
    /// A success status with a body the client cannot read.
    case unexpectedResponse(reason: String)

    /// A sentence saying what went wrong and, where possible, what to do.
    public var description: String {
        switch self {
        case .missingCredentials(let variable, let reason):
            return "\(reason); set \(variable)"
        case .invalidRequest(let reason):
            return "request not sent: \(reason)"
        case .refusedByPreflight(let assessment):
            return "refused before sending: \(assessment.summary)"
        case .http(let status, let code, let message):
            let codeText = code.map { " (code \($0))" } ?? ""
            return "HTTP \(status)\(codeText): \(message)"
        case .api(let status, let errors):
            let list = errors.map(\.description).joined(separator: "; ")
            return "Workers AI error (HTTP \(status)): \(list.isEmpty ? "no detail given" : list)"
        case .transport(let failure):
            return failure.description
        case .timeout(let reason):
            return "timed out: \(reason)"
        case .stream(let failure):
            return failure.description
        case .invalidJSONReply(let errors, _):
            let first = errors.prefix(3).joined(separator: "; ")
            return "the JSON-mode reply does not meet the schema (\(errors.count) error(s)): \(first)"
        case .unexpectedResponse(let reason):
            return "unexpected response: \(reason)"
        }
    }
}

/// One entry of the envelope's `errors` array, with its documented meaning when the code is known.
public struct APIErrorDetail: Sendable, Hashable, CustomStringConvertible {
    /// The internal error code, e.g. 5007.
    public var code: Int
    /// The message as the server sent it (credentials removed).
    public var message: String
    /// What Cloudflare's error table says about the code, if it lists it.
    public var meaning: DocumentedError?

    /// Creates a detail.
    public init(code: Int, message: String, meaning: DocumentedError? = nil) {
        self.code = code
        self.message = message
        self.meaning = meaning
    }

    /// `5007 No such model: <message>`.
    public var description: String {
        let name = meaning.map { " \($0.name)" } ?? ""
        return "\(code)\(name): \(message)"
    }
}

/// A row of Cloudflare's Workers AI error table (bundled `workers-ai-facts.json`).
public struct DocumentedError: Sendable, Hashable, Decodable {
    /// The error's name, e.g. "Out of capacity".
    public var name: String
    /// The internal code.
    public var code: Int
    /// The HTTP status it comes with.
    public var httpStatus: Int
    /// Cloudflare's description.
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case name, code = "internal_code", httpStatus = "http_status", summary = "description"
    }
}

/// Why a stream broke off, with what had arrived.
public enum StreamError: Error, Sendable, CustomStringConvertible {
    /// The stream stopped before `data: [DONE]`; `received` is all the text delivered until then.
    case interrupted(received: String, cause: StreamInterruption)

    /// The text received before the break.
    public var received: String {
        switch self {
        case .interrupted(let received, _): received
        }
    }

    /// A sentence naming the cause and how much had arrived.
    public var description: String {
        switch self {
        case .interrupted(let received, let cause):
            "the stream broke off after \(received.unicodeScalars.count) characters: \(cause)"
        }
    }
}

/// What ended a stream early.
public enum StreamInterruption: Sendable, Hashable, CustomStringConvertible {
    /// The connection closed cleanly but without `data: [DONE]`.
    case endedWithoutDone
    /// The transfer failed (connection lost, idle timeout, cancelled).
    case transport(TransportError)
    /// An event's data was not the JSON the endpoint sends; `data` is its first 200 characters.
    case malformedEvent(index: Int, data: String)
    /// The server sent an error inside the stream.
    case serverError(message: String)

    /// A phrase for the cause.
    public var description: String {
        switch self {
        case .endedWithoutDone: "the connection closed without [DONE]"
        case .transport(let failure): failure.description
        case .malformedEvent(let index, let data): "event \(index) is not valid JSON: \(data)"
        case .serverError(let message): "the server reported an error: \(message)"
        }
    }
}
