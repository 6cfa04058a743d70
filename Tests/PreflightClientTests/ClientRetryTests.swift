import Foundation
import PreflightClient
import PreflightTestSupport
import Testing

@Suite("Client retries and failures against the loopback server")
struct ClientRetryTests {
    static let success = #"{"result":{"response":"ok"},"success":true,"errors":[]}"#
    static func envelope(_ code: Int, _ message: String) -> String {
        #"{"result":null,"success":false,"errors":[{"code":\#(code),"message":"\#(message)"}],"messages":[]}"#
    }
    static let request = RunRequest(model: ClientHarness.model, input: .prompt("hi"))

    @Test("429 with Retry-After: 1, then success: one wait of exactly 1 s, two requests")
    func tooManyRequests() async throws {
        let harness = try ClientHarness([
            .json(Self.envelope(3040, "No more data centers to forward the request to"), status: 429, headers: [("Retry-After", "1")]),
            .json(Self.success),
        ])
        defer { harness.server.stop() }
        let reply = try await harness.client.run(Self.request)
        #expect(reply.text == "ok")
        #expect(reply.attempts == 2)
        #expect(harness.waits.recorded == [.seconds(1)])
        #expect(harness.server.requests.count == 2)
        #expect(harness.server.requests.allSatisfy { $0.header("Authorization") == "Bearer \(ClientHarness.token)" })
        #expect(harness.logs.lines.contains { $0.contains("retrying") && $0.contains("attempt=1") })
        #expect(!harness.logsLeakCredentials)
    }

    @Test("code 7505 twice, then success: exponential backoff with jitter, three requests")
    func rateLimitedCode() async throws {
        let harness = try ClientHarness([
            .json(Self.envelope(7505, "Rate limited"), status: 400),
            .json(Self.envelope(7505, "Rate limited"), status: 400),
            .json(Self.success),
        ])
        defer { harness.server.stop() }
        let reply = try await harness.client.run(Self.request)
        #expect(reply.attempts == 3)
        // Equal jitter with the test's jitter of 0.5: step/2 + step/4, steps 0.5 s then 1 s.
        #expect(harness.waits.recorded == [.milliseconds(375), .milliseconds(750)])
        #expect(harness.server.requests.count == 3)
    }

    @Test("a permanent 7504 is not retried; the error carries the code and message")
    func permanentValidationError() async throws {
        let harness = try ClientHarness([.json(Self.envelope(7504, "Input validation failed"), status: 400), .json(Self.success)])
        defer { harness.server.stop() }
        await #expect {
            _ = try await harness.client.run(Self.request)
        } throws: { error in
            guard case .api(let status, let errors) = error as? WorkersAIError else { return false }
            return status == 400 && errors.map(\.code) == [7504] && errors[0].message == "Input validation failed"
        }
        #expect(harness.server.requests.count == 1)
        #expect(harness.waits.recorded.isEmpty)
    }

    @Test("a documented code carries its meaning from the error table")
    func documentedMeaning() async throws {
        let harness = try ClientHarness([.json(Self.envelope(5007, "No such model @cf/nope"), status: 400)])
        defer { harness.server.stop() }
        await #expect {
            _ = try await harness.client.run(Self.request)
        } throws: { error in
            guard case .api(_, let errors) = error as? WorkersAIError, let meaning = errors.first?.meaning else { return false }
            return meaning.name == "No such model" && meaning.httpStatus == 400
        }
    }

    @Test("401 is not retried, and nothing secret appears in the error or the logs")
    func unauthorized() async throws {
        let harness = try ClientHarness([
            .json(Self.envelope(10000, "Authentication error for token \(ClientHarness.token)"), status: 401),
            .json(Self.success),
        ])
        defer { harness.server.stop() }
        var caught: (any Error)?
        do { _ = try await harness.client.run(Self.request) } catch { caught = error }
        let error = try #require(caught as? WorkersAIError)
        guard case .api(401, let errors) = error else {
            Issue.record("expected an API error with status 401, got \(error)")
            return
        }
        #expect(errors.map(\.code) == [10000])
        #expect(harness.server.requests.count == 1)
        for text in [String(describing: error), String(reflecting: error), error.description] {
            #expect(!text.contains(ClientHarness.token))
            #expect(!text.contains(ClientHarness.accountID))
        }
        #expect(harness.logs.lines.contains { $0.contains("not retrying") })
        #expect(!harness.logsLeakCredentials)
    }

    @Test("a 503 without an envelope is retried with backoff, then succeeds")
    func serviceUnavailable() async throws {
        let harness = try ClientHarness([
            LoopbackResponse(status: 503, headers: [("Content-Type", "text/html")], body: Array("<html>busy</html>".utf8)),
            .json(Self.success),
        ])
        defer { harness.server.stop() }
        #expect(try await harness.client.run(Self.request).attempts == 2)
        #expect(harness.waits.recorded == [.milliseconds(375)])
    }

    @Test("the retry budget stops retries: three 429s with four attempts allowed but Retry-After beyond the budget")
    func retryBudget() async throws {
        let harness = try ClientHarness([
            .json(Self.envelope(3040, "busy"), status: 429, headers: [("Retry-After", "30")]),
            .json(Self.envelope(3040, "busy"), status: 429, headers: [("Retry-After", "31")]),
            .json(Self.success),
        ])
        defer { harness.server.stop() }
        await #expect {
            _ = try await harness.client.run(Self.request)
        } throws: { error in
            if case .api(429, _) = error as? WorkersAIError { return true }
            return false
        }
        #expect(harness.waits.recorded == [.seconds(30)])  // 30 + 31 > 60 s: the second wait is not taken
        #expect(harness.server.requests.count == 2)
    }

    @Test("a server that stalls past the timeout: a timeout error, not retried")
    func stall() async throws {
        let harness = try ClientHarness(
            [.stall(seconds: 5), .json(Self.success)],
            timeouts: TransportTimeouts(connect: .seconds(2), total: .seconds(3), idle: .seconds(1)))
        defer { harness.server.stop() }
        await #expect {
            _ = try await harness.client.run(Self.request)
        } throws: { error in
            if case .timeout = error as? WorkersAIError { return true }
            return false
        }
        #expect(harness.server.requests.count == 1)
    }

    @Test("a connection refused is retried up to the attempt limit, then reported as a transport error")
    func connectionRefused() async throws {
        let harness = try ClientHarness([])
        harness.server.stop()
        while !harness.server.isFinished { try await Task.sleep(for: .milliseconds(10)) }
        await #expect {
            _ = try await harness.client.run(Self.request)
        } throws: { error in
            if case .transport(.couldNotConnect) = error as? WorkersAIError { return true }
            return false
        }
        #expect(harness.waits.recorded.count == 3)
    }

    @Test("Retry-After as an HTTP date is honoured against the policy's clock; a malformed one falls back to backoff")
    func retryAfterDate() async throws {
        var harness = try ClientHarness([
            .json(Self.envelope(3040, "busy"), status: 503, headers: [("Retry-After", "Sun, 06 Nov 1994 08:49:47 GMT")]),
            .json(Self.envelope(3040, "busy"), status: 503, headers: [("Retry-After", "Sun, 06 Nov 1994 08:49:27 GMT")]),
            .json(Self.envelope(3040, "busy"), status: 503, headers: [("Retry-After", "soon")]),
            .json(Self.success),
        ])
        defer { harness.server.stop() }
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        harness.client.retryPolicy.now = { now }
        #expect(try await harness.client.run(Self.request).attempts == 4)
        // 10 s ahead; a date in the past means no wait; "soon" is ignored: third backoff step 2 s → 1.5 s.
        #expect(harness.waits.recorded == [.seconds(10), .zero, .milliseconds(1500)])
    }
}

@Suite("Cancellation")
struct CancellationTests {
    @Test("cancelling the calling task aborts a transfer stuck on a silent server; it is not retried")
    func cancelDuringStall() async throws {
        let harness = try ClientHarness(
            [.stall(seconds: 8), .json(ClientRetryTests.success)],
            timeouts: TransportTimeouts(connect: .seconds(5), total: .seconds(30), idle: .seconds(30)))
        defer { harness.server.stop() }
        let client = harness.client
        let task = Task { try await client.run(ClientRetryTests.request) }
        for _ in 0..<3000 where harness.server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        task.cancel()
        let result = await task.result
        #expect {
            _ = try result.get()
        } throws: { error in
            if case .transport(.cancelled) = error as? WorkersAIError { return true }
            return false
        }
        #expect(harness.server.requests.count == 1)
        #expect(harness.waits.recorded.isEmpty)
    }
}
