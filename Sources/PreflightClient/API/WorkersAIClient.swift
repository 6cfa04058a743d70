import Foundation
import Logging
import PreflightSchema

/// Calls Cloudflare Workers AI: pre-flight check, request, retries, reply decoding and checking.
///
/// ```swift
/// let client = try WorkersAIClient(credentials: .fromEnvironment())
/// let reply = try await client.run(RunRequest(model: "@cf/meta/llama-3.1-8b-instruct", input: .prompt("Hi")))
/// for try await delta in try await client.stream(request) { print(delta, terminator: "") }
/// ```
/// The check (when the request has one) runs before anything is sent; a prompt that cannot fit is
/// refused with the overflow figure. Rate limits, capacity errors, 5xx replies and broken
/// connections are retried by `retryPolicy`; each attempt is logged without credentials.
public struct WorkersAIClient: Sendable {
    /// The account and token (never printed or logged).
    public var credentials: Credentials
    /// The API or gateway the requests go to.
    public var route: Route
    /// The HTTP transport (libcurl unless replaced).
    public var transport: any Transport
    /// When and how long to retry.
    public var retryPolicy: RetryPolicy
    /// Time limits per attempt.
    public var timeouts: TransportTimeouts
    /// Where attempts are logged (label `preflight.client` by default).
    public var logger: Logger

    /// Creates a client; by default straight to `https://api.cloudflare.com/client/v4` over libcurl.
    public init(
        credentials: Credentials, route: Route = .cloudflareAPI, transport: any Transport = CurlTransport(),
        retryPolicy: RetryPolicy = .standard, timeouts: TransportTimeouts = .standard,
        logger: Logger = Logger(label: "preflight.client")
    ) {
        self.credentials = credentials
        self.route = route
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.timeouts = timeouts
        self.logger = logger
    }

    /// Sends `request` and returns the whole reply, retrying as the policy allows.
    ///
    /// In JSON mode with a validator, the reply's JSON (extracted from prose or code fences when the
    /// model wrapped it) is validated, and `WorkersAIError.invalidJSONReply` lists the violations.
    public func run(_ request: RunRequest) async throws -> RunReply {
        let prepared = try prepare(request, streaming: false)
        let (outcome, attempts) = try await withRetries(prepared) { response -> (RunOutput, Usage?, String?) in
            let body: [UInt8]
            do {
                body = try await response.collectBody()
            } catch {
                throw AttemptFailure(Self.classify(error), retryAfter: nil)
            }
            do {
                let (output, usage) = try ResponseDecoding.success(
                    endpoint: request.endpoint, head: response.head, body: body, credentials: credentials)
                return (output, usage, response.head.header("cf-aig-cache-status"))
            } catch {
                throw AttemptFailure(error, retryAfter: retryAfter(response.head))
            }
        }
        var reply = RunReply(
            output: outcome.0, usage: outcome.1, assessment: prepared.assessment, json: nil, cacheStatus: outcome.2,
            attempts: attempts)
        if let mode = request.jsonMode, let validator = mode.validator {
            reply.json = try Self.check(reply.output, with: validator)
        }
        return reply
    }

    /// Sends `request` with `stream: true` and returns once the reply has started, retrying failures
    /// that happen before the first byte. Iterate the result for the text deltas.
    public func stream(_ request: RunRequest) async throws -> ReplyStream {
        let prepared = try prepare(request, streaming: true)
        let (started, attempts) = try await withRetries(prepared) { response in
            (response.body, response.head.header("cf-aig-cache-status"))
        }
        return ReplyStream(
            body: started.0, credentials: credentials, assessment: prepared.assessment, cacheStatus: started.1,
            attempts: attempts)
    }

    /// Runs only the pre-flight check of `request` (if it has one), sending nothing.
    public func assess(_ request: RunRequest) throws -> PreflightAssessment? {
        try request.preflight?.assess(request)
    }

    // MARK: Preparation

    struct PreparedRequest {
        var http: HTTPRequest
        var assessment: PreflightAssessment?
        /// The path with the account id replaced, for logs.
        var loggedPath: String
    }

    /// Checks and builds everything before the first byte goes out: pre-flight, body, URL, headers.
    func prepare(_ request: RunRequest, streaming: Bool) throws -> PreparedRequest {
        let assessment = try request.preflight?.assess(request)
        if let assessment, !assessment.fits {
            logger.notice("pre-flight refused the request; nothing sent", metadata: ["model": "\(request.model)", "overflow_tokens": "\(assessment.overflowTokens)"])
            throw WorkersAIError.refusedByPreflight(assessment)
        }
        if request.cache != nil, !route.isGateway {
            throw WorkersAIError.invalidRequest(reason: "AI Gateway cache options need a gateway route")
        }
        let body = try request.makeBody(streaming: streaming)
        let url = try route.url(for: request.endpoint, model: request.model, account: credentials.accountID)
        var headers = [
            HTTPHeader("Authorization", "Bearer \(credentials.apiToken)"),
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", streaming ? "text/event-stream" : "application/json"),
        ]
        headers += try request.cache?.headers() ?? []
        let http = HTTPRequest(method: "POST", url: url, headers: headers, body: body, timeouts: timeouts)
        return PreparedRequest(http: http, assessment: assessment, loggedPath: credentials.redacting(url.path))
    }

    // MARK: Checking JSON-mode replies

    /// The JSON value of a JSON-mode reply, validated; throws with the violations otherwise.
    static func check(_ output: RunOutput, with validator: ReplyValidator) throws -> JSONValue {
        let replyText: String
        let value: JSONValue
        switch output {
        case .json(let json):
            replyText = json.description
            value = json
        case .text(let text):
            replyText = text
            do {
                value = try validator.extract(text)
            } catch {
                throw WorkersAIError.invalidJSONReply(errors: [String(describing: error)], reply: text)
            }
        case .embeddings, .binary:
            throw WorkersAIError.invalidJSONReply(errors: ["the reply is not text or JSON"], reply: "")
        }
        let errors = validator.validate(value)
        guard errors.isEmpty else { throw WorkersAIError.invalidJSONReply(errors: errors, reply: replyText) }
        return value
    }
}
