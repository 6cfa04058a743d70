/// Why a transfer failed below HTTP: the connection, TLS, a time limit, or cancellation.
///
/// Messages never contain request headers or bodies, so credentials cannot leak through them.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Setting up the transfer failed at `step` (an option libcurl refused, an unusable URL).
    case setup(step: String, code: Int, reason: String)
    /// A header field cannot be sent as given (a line break in its name or value).
    case invalidHeader(name: String)
    /// The server could not be reached: name resolution failed or the connection was refused.
    case couldNotConnect(reason: String)
    /// A time limit passed: connecting, the whole exchange, or silence on a stream.
    case timedOut(reason: String)
    /// The connection broke or closed before the response was complete.
    case connectionLost(reason: String)
    /// TLS failed: handshake, certificate verification or host name mismatch.
    case tls(reason: String)
    /// The task awaiting the transfer was cancelled, or its consumer stopped reading.
    case cancelled
    /// Any other libcurl failure, with its code.
    case failed(code: Int, reason: String)

    /// Whether trying again on a fresh connection may succeed (refused or broken connections).
    public var isRetryable: Bool {
        switch self {
        case .couldNotConnect, .connectionLost: true
        case .setup, .invalidHeader, .timedOut, .tls, .cancelled, .failed: false
        }
    }

    /// A sentence saying what failed.
    public var description: String {
        switch self {
        case .setup(let step, let code, let reason):
            "could not \(step) (libcurl error \(code)): \(reason)"
        case .invalidHeader(let name):
            "header '\(name)' contains a line break and cannot be sent"
        case .couldNotConnect(let reason):
            "could not connect: \(reason)"
        case .timedOut(let reason):
            "timed out: \(reason)"
        case .connectionLost(let reason):
            "connection lost before the response was complete: \(reason)"
        case .tls(let reason):
            "TLS failed: \(reason)"
        case .cancelled:
            "the request was cancelled"
        case .failed(let code, let reason):
            "transfer failed (libcurl error \(code)): \(reason)"
        }
    }
}
