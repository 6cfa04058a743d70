import PreflightSchema
import Synchronization

/// A streamed reply: the text deltas as they arrive, ending at `data: [DONE]`.
///
/// Iterate it with `for try await delta in stream`. If the stream breaks off (connection lost,
/// idle timeout, closed without `[DONE]`, an error event), iteration throws
/// `WorkersAIError.stream(.interrupted(received:cause:))` carrying all text delivered so far.
/// Usage from the final event, when the server sends one, is in `usage` once iteration ends.
/// Iterate a stream once: the body is read as it arrives and not kept.
public struct ReplyStream: AsyncSequence, Sendable {
    /// A text delta.
    public typealias Element = String

    private let body: AsyncThrowingStream<[UInt8], any Error>
    private let summary = StreamSummary()
    private let credentials: Credentials
    /// The pre-flight assessment (token figures and estimate), if a check ran.
    public let assessment: PreflightAssessment?
    /// AI Gateway's `cf-aig-cache-status`, if the reply came through a gateway.
    public let cacheStatus: String?
    /// Attempts taken to get the stream started.
    public let attempts: Int

    init(
        body: AsyncThrowingStream<[UInt8], any Error>, credentials: Credentials, assessment: PreflightAssessment?,
        cacheStatus: String?, attempts: Int
    ) {
        self.body = body
        self.credentials = credentials
        self.assessment = assessment
        self.cacheStatus = cacheStatus
        self.attempts = attempts
    }

    /// Usage from the stream's final event; `nil` until it arrives or if the server sends none.
    public var usage: Usage? { summary.usage }

    /// Reads the whole stream and returns it as one reply.
    /// - Complexity: O(n) in the streamed bytes.
    public func collect() async throws -> RunReply {
        var text = ""
        for try await delta in self { text += delta }
        return RunReply(
            output: .text(text), usage: usage, assessment: assessment, json: nil, cacheStatus: cacheStatus,
            attempts: attempts)
    }

    /// Starts reading the body.
    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), summary: summary, credentials: credentials)
    }

    /// Reads server-sent events and yields their text deltas.
    public struct Iterator: AsyncIteratorProtocol {
        private var body: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
        private let summary: StreamSummary
        private let credentials: Credentials
        private var parser = ServerSentEventParser()
        private var pending: [String] = []
        private var received = ""
        private var eventIndex = 0
        private var isFinished = false

        init(body: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator, summary: StreamSummary, credentials: Credentials) {
            self.body = body
            self.summary = summary
            self.credentials = credentials
        }

        /// The next text delta, or `nil` after `[DONE]`.
        public mutating func next() async throws -> String? {
            while true {
                if !pending.isEmpty { return pending.removeFirst() }
                if isFinished { return nil }
                let chunk: [UInt8]?
                do {
                    chunk = try await body.next()
                } catch {
                    let failure = (error as? TransportError) ?? .failed(code: -1, reason: String(describing: error))
                    throw interrupted(.transport(failure))
                }
                guard let chunk else {
                    // A cancelled consumer sees the body end early; that is a cancellation, not a clean close.
                    throw interrupted(Task.isCancelled ? .transport(.cancelled) : .endedWithoutDone)
                }
                for event in parser.feed(chunk) where !isFinished {
                    try receive(event)
                }
            }
        }

        private mutating func receive(_ event: ServerSentEvent) throws {
            eventIndex += 1
            if event.data.trimmingCharacters(in: .whitespaces) == "[DONE]" {
                isFinished = true
                return
            }
            guard let payload = try? JSONParser().parse(event.data) else {
                throw interrupted(.malformedEvent(index: eventIndex, data: credentials.redacting(String(event.data.prefix(200)))))
            }
            if let error = payload["error"] ?? payload["errors"]?.arrayValue?.first {
                let message = error.stringValue ?? error["message"]?.stringValue ?? error.description
                throw interrupted(.serverError(message: credentials.redacting(message)))
            }
            if case .object? = payload["usage"], let usage = payload["usage"] {
                summary.record(Usage(reported: usage))
            }
            // Native events carry {"response": "…"}; OpenAI-style ones {"choices": [{"delta": {"content": "…"}}]}.
            let delta = payload["response"]?.stringValue
                ?? payload["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue
            if let delta, !delta.isEmpty {
                received += delta
                pending.append(delta)
            }
        }

        private mutating func interrupted(_ cause: StreamInterruption) -> WorkersAIError {
            isFinished = true
            pending.removeAll()
            return .stream(.interrupted(received: received, cause: cause))
        }
    }
}

/// What iteration learns that the stream's owner reads afterwards (the usage), shared safely.
final class StreamSummary: Sendable {
    private let state = Mutex<Usage?>(nil)
    func record(_ usage: Usage) { state.withLock { $0 = usage } }
    var usage: Usage? { state.withLock { $0 } }
}
