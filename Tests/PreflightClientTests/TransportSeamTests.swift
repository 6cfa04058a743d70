import Foundation
import PreflightClient
import Testing

/// The client over a substituted `Transport`: the open seam works without libcurl or sockets.
@Suite("Substituted transport")
struct TransportSeamTests {
    /// Answers every request with one canned reply and remembers the URLs asked for.
    struct CannedTransport: Transport {
        let status: Int
        let body: String

        func send(_ request: HTTPRequest) async throws -> TransportResponse {
            let (stream, sink) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
            sink.yield(Array(body.utf8))
            sink.finish()
            return TransportResponse(
                head: HTTPResponseHead(status: status, headers: [HTTPHeader("Content-Type", "application/json")]), body: stream)
        }
    }

    @Test("a canned reply through a custom transport decodes like a real one")
    func cannedReply() async throws {
        let client = WorkersAIClient(
            credentials: try Credentials(accountID: ClientHarness.accountID, apiToken: ClientHarness.token),
            transport: CannedTransport(status: 200, body: #"{"result":{"response":"stub"},"success":true,"errors":[]}"#),
            retryPolicy: .never)
        let reply = try await client.run(RunRequest(model: ClientHarness.model, input: .prompt("x")))
        #expect(reply.text == "stub")
        #expect(reply.attempts == 1)
    }

    @Test("with RetryPolicy.never a 429 fails on the first attempt")
    func neverRetries() async throws {
        let client = WorkersAIClient(
            credentials: try Credentials(accountID: ClientHarness.accountID, apiToken: ClientHarness.token),
            transport: CannedTransport(status: 429, body: #"{"success":false,"errors":[{"code":3040,"message":"busy"}]}"#),
            retryPolicy: .never)
        await #expect {
            _ = try await client.run(RunRequest(model: ClientHarness.model, input: .prompt("x")))
        } throws: { error in
            guard case .api(429, let errors) = error as? WorkersAIError else { return false }
            return errors.first?.meaning?.name == "Out of capacity"
        }
    }
}
