import Foundation

/// When and how long to wait before trying a failed call again.
///
/// Exponential backoff with "equal jitter" (half the step fixed, half random), capped per wait and
/// in total, and overridden by the server's `Retry-After` when it sends one. Rate limits (HTTP 429,
/// API code 7505), capacity and timeout codes, 5xx replies and broken connections are retried;
/// validation failures (other 4xx, codes 7504 and 7506) and authentication failures are not.
/// The sleeper, jitter source and clock are injectable, so tests can run retries without waiting.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included (1 means no retry).
    public var maxAttempts: Int
    /// The first backoff step; each further step doubles it.
    public var baseDelay: Duration
    /// The longest single backoff wait.
    public var maxDelay: Duration
    /// The most time spent waiting across all retries of one call; a wait that would pass it ends the call.
    public var maxTotalDelay: Duration
    /// API error codes worth retrying whatever the HTTP status: 3007/3008 (timeout, aborted),
    /// 3040 (out of capacity), 7505 (rate limited).
    public var retryableCodes: Set<Int>
    /// API error codes never retried even under a retryable status: 3036 (daily free allocation
    /// used up), 7504 and 7506 (request validation).
    public var permanentCodes: Set<Int>
    /// Waits for the given time; replace it in tests to record waits instead of sleeping.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A random number in 0...1 for jitter.
    public var jitter: @Sendable () -> Double
    /// The current time, for `Retry-After` HTTP dates.
    public var now: @Sendable () -> Date

    /// Creates a policy; every parameter has the default of `standard`.
    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(20),
        maxTotalDelay: Duration = .seconds(60), retryableCodes: Set<Int> = [3007, 3008, 3040, 7505],
        permanentCodes: Set<Int> = [3036, 7504, 7506],
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalDelay = maxTotalDelay
        self.retryableCodes = retryableCodes
        self.permanentCodes = permanentCodes
        self.sleep = sleep
        self.jitter = jitter
        self.now = now
    }

    /// Four attempts, 0.5 s doubling up to 20 s per wait, 60 s of waiting at most.
    public static let standard = RetryPolicy()

    /// One attempt, no retry.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Whether `error` is worth another attempt.
    public func shouldRetry(_ error: WorkersAIError) -> Bool {
        switch error {
        case .api(let status, let errors):
            let codes = Set(errors.map(\.code))
            if !codes.isDisjoint(with: permanentCodes) { return false }
            if !codes.isDisjoint(with: retryableCodes) { return true }
            return Self.isRetryable(status: status)
        case .http(let status, let code, _):
            if let code, permanentCodes.contains(code) { return false }
            if let code, retryableCodes.contains(code) { return true }
            return Self.isRetryable(status: status)
        case .transport(let failure):
            return failure.isRetryable
        case .missingCredentials, .invalidRequest, .refusedByPreflight, .timeout, .stream, .invalidJSONReply,
            .unexpectedResponse:
            return false
        }
    }

    /// 429 (rate limited), 408 (request timeout) and 5xx except 501 (not implemented).
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 408 || (500...599).contains(status) && status != 501
    }

    /// The wait before attempt `attempt + 1`, after `attempt` failures: the server's `Retry-After`
    /// when given, else `min(maxDelay, baseDelay × 2^(attempt-1))` with its upper half jittered.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return retryAfter }
        let exponent = min(max(0, attempt - 1), 30)
        let step = min(maxDelay, baseDelay * (1 << exponent))
        let fraction = min(1, max(0, jitter()))
        return step / 2 + (step / 2) * fraction
    }
}
