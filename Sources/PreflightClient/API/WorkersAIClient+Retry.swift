import Foundation
import Logging

/// A failed attempt: the error, and the server's `Retry-After` if it sent one.
struct AttemptFailure: Error {
    var error: WorkersAIError
    var retryAfter: Duration?

    init(_ error: any Error, retryAfter: Duration?) {
        self.error = (error as? WorkersAIError) ?? WorkersAIClient.classify(error)
        self.retryAfter = retryAfter
    }
}

extension WorkersAIClient {
    /// Sends `prepared` until an attempt succeeds, the policy says stop, or the budget runs out.
    ///
    /// An attempt fails on a transport error, a non-2xx status (its body decoded into the error),
    /// or when `accept` throws (a 2xx envelope with `success: false`, a body cut mid-way). Every
    /// attempt is logged at `info` with the path (account id replaced), status and wait, never a
    /// header or body. Returns the accepted value and the number of attempts.
    func withRetries<Value>(
        _ prepared: PreparedRequest, accept: (TransportResponse) async throws -> Value
    ) async throws -> (Value, attempts: Int) {
        var waited = Duration.zero
        var attempt = 0
        while true {
            attempt += 1
            let failure: AttemptFailure
            do {
                let response = try await transport.send(prepared.http)
                if (200..<300).contains(response.head.status) {
                    let value = try await accept(response)
                    logger.info("workers-ai attempt succeeded", metadata: metadata(prepared, attempt, status: response.head.status))
                    return (value, attempt)
                }
                let body = (try? await response.collectBody()) ?? []
                failure = AttemptFailure(
                    ResponseDecoding.failure(status: response.head.status, body: body, credentials: credentials),
                    retryAfter: retryAfter(response.head))
            } catch let attemptFailure as AttemptFailure {
                failure = attemptFailure
            } catch {
                failure = AttemptFailure(Self.classify(error), retryAfter: nil)
            }
            var details = metadata(prepared, attempt, status: nil)
            details["error"] = "\(credentials.redacting(failure.error.description))"
            guard attempt < retryPolicy.maxAttempts, retryPolicy.shouldRetry(failure.error) else {
                logger.warning("workers-ai attempt failed; not retrying", metadata: details)
                throw failure.error
            }
            let delay = retryPolicy.delay(afterAttempt: attempt, retryAfter: failure.retryAfter)
            guard waited + delay <= retryPolicy.maxTotalDelay else {
                details["wait"] = "\(delay)"
                logger.warning("workers-ai attempt failed; retry budget exhausted", metadata: details)
                throw failure.error
            }
            details["wait"] = "\(delay)"
            logger.info("workers-ai attempt failed; retrying", metadata: details)
            try await retryPolicy.sleep(delay)
            waited += delay
        }
    }

    private func metadata(_ prepared: PreparedRequest, _ attempt: Int, status: Int?) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["attempt": "\(attempt)", "path": "\(prepared.loggedPath)"]
        if let status { metadata["status"] = "\(status)" }
        return metadata
    }

    /// The server's `Retry-After` as a wait, if present and well-formed.
    func retryAfter(_ head: HTTPResponseHead) -> Duration? {
        head.header("retry-after").flatMap { RetryAfter.delay(from: $0, now: retryPolicy.now()) }
    }

    /// Maps a transport-level error into the client's error enum (timeouts get their own case).
    static func classify(_ error: any Error) -> WorkersAIError {
        if let error = error as? WorkersAIError { return error }
        if let failure = error as? TransportError {
            if case .timedOut(let reason) = failure { return .timeout(reason: reason) }
            return .transport(failure)
        }
        if error is CancellationError { return .transport(.cancelled) }
        return .transport(.failed(code: -1, reason: String(describing: error)))
    }
}
