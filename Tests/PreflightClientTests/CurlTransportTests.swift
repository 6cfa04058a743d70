import Foundation
import PreflightClient
import PreflightTestSupport
import Testing

@Suite("libcurl transport against the loopback server")
struct CurlTransportTests {
    @Test("a POST arrives with its method, path, headers and body; the reply comes back whole")
    func roundTrip() async throws {
        let server = try LoopbackServer(script: [.json(#"{"ok":true}"#, headers: [("X-Reply", "yes")])])
        defer { server.stop() }
        let request = HTTPRequest(
            method: "POST", url: server.baseURL.appendingPathComponent("echo/path"),
            headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("X-Test", "1")],
            body: Array(#"{"a":1}"#.utf8))
        let response = try await CurlTransport().send(request)
        let body = try await response.collectBody()
        #expect(response.head.status == 200)
        #expect(response.head.header("x-reply") == "yes")
        #expect(String(decoding: body, as: UTF8.self) == #"{"ok":true}"#)
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.path == "/echo/path")
        #expect(received.header("X-Test") == "1")
        #expect(received.header("Expect") == nil)
        #expect(received.body == Array(#"{"a":1}"#.utf8))
    }

    @Test("a chunked body arrives complete however it was cut")
    func chunked() async throws {
        let text = String(repeating: "data: {\"response\":\"héllo\"}\r\n\r\n", count: 20)
        let server = try LoopbackServer(script: [.eventStream(text, pieceSize: 7)])
        defer { server.stop() }
        let response = try await CurlTransport().send(HTTPRequest(method: "POST", url: server.baseURL))
        #expect(try await response.collectBody() == Array(text.utf8))
    }

    @Test("a server that goes silent trips the idle timeout")
    func stall() async throws {
        let server = try LoopbackServer(script: [.stall(seconds: 5)])
        defer { server.stop() }
        let request = HTTPRequest(
            method: "POST", url: server.baseURL,
            timeouts: TransportTimeouts(connect: .seconds(2), total: .seconds(3), idle: .seconds(1)))
        await #expect {
            _ = try await CurlTransport().send(request)
        } throws: { error in
            if case .timedOut = error as? TransportError { return true }
            return false
        }
    }

    @Test("a body cut before its last chunk ends the body stream with a lost connection")
    func cut() async throws {
        let server = try LoopbackServer(script: [.eventStream("data: partial\n\n", pieceSize: 4, cutBeforeEnd: true)])
        defer { server.stop() }
        let response = try await CurlTransport().send(HTTPRequest(method: "POST", url: server.baseURL))
        var received: [UInt8] = []
        await #expect {
            for try await chunk in response.body { received += chunk }
        } throws: { error in
            if case .connectionLost = error as? TransportError { return true }
            return false
        }
        #expect(received == Array("data: partial\n\n".utf8))
    }

    @Test("a refused connection is reported as such, and is retryable")
    func refused() async throws {
        let server = try LoopbackServer(script: [])
        let url = server.baseURL
        server.stop()
        while !server.isFinished { try await Task.sleep(for: .milliseconds(10)) }
        await #expect {
            _ = try await CurlTransport().send(HTTPRequest(method: "GET", url: url))
        } throws: { error in
            (error as? TransportError)?.isRetryable == true
        }
    }

    @Test("a header value with a line break is refused before anything is sent")
    func headerInjection() async throws {
        let server = try LoopbackServer(script: [.json("{}")])
        defer { server.stop() }
        let request = HTTPRequest(method: "POST", url: server.baseURL, headers: [HTTPHeader("X-Bad", "a\r\nInjected: 1")])
        await #expect(throws: TransportError.invalidHeader(name: "X-Bad")) {
            _ = try await CurlTransport().send(request)
        }
        #expect(server.requests.isEmpty)
    }
}
