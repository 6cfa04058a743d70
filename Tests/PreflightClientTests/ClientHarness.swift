import Foundation
import Logging
import PreflightClient
import PreflightTestSupport
import Synchronization

/// Shared set-up for client tests: fixed fake credentials, a loopback server, a client that logs
/// into memory and records its waits instead of sleeping.
struct ClientHarness {
    static let accountID = "acct0123456789abcdef"
    static let token = "tok_SECRET_9f8e7d6c5b4a"
    static let model = "@cf/meta/llama-3.1-8b-instruct"

    let server: LoopbackServer
    let logs = LogRecorder()
    let waits = WaitRecorder()
    var client: WorkersAIClient

    init(_ script: [LoopbackResponse], route: ((URL) -> Route)? = nil, timeouts: TransportTimeouts? = nil) throws {
        server = try LoopbackServer(script: script)
        let credentials = try Credentials(accountID: Self.accountID, apiToken: Self.token)
        let waits = self.waits
        let policy = RetryPolicy(
            maxAttempts: 4, baseDelay: .milliseconds(500), maxDelay: .seconds(20), maxTotalDelay: .seconds(60),
            sleep: { waits.record($0) }, jitter: { 0.5 })
        let logs = self.logs
        var logger = Logger(label: "test.client") { _ in RecordingLogHandler(recorder: logs) }
        logger.logLevel = .trace
        let base = server.baseURL.appendingPathComponent("client/v4")
        client = WorkersAIClient(
            credentials: credentials, route: route?(server.baseURL) ?? .direct(baseURL: base), retryPolicy: policy,
            timeouts: timeouts ?? TransportTimeouts(connect: .seconds(30), total: .seconds(60), idle: .seconds(30)),
            logger: logger)
    }

    /// The native run path the server should see.
    static var runPath: String { "/client/v4/accounts/\(accountID)/ai/run/\(model)" }

    /// Whether any logged line or metadata value contains a credential.
    var logsLeakCredentials: Bool {
        logs.lines.contains { $0.contains(Self.token) || $0.contains(Self.accountID) }
    }
}

/// Records the waits a retry policy asks for, returning at once.
final class WaitRecorder: Sendable {
    private let waits = Mutex<[Duration]>([])
    func record(_ duration: Duration) { waits.withLock { $0.append(duration) } }
    var recorded: [Duration] { waits.withLock { $0 } }
}

/// Keeps every log line (message plus metadata) in memory.
final class LogRecorder: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorder.append("\(event.level) \(event.message) \(details)")
    }
}
