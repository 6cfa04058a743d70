import Foundation
import PreflightClient
import PreflightTestSupport
import Testing

@Suite("Client streaming against the loopback server")
struct ClientStreamTests {
    static let words = ["The", " capital", " of", " France", " is", " Paris", " — ", "naïve", " 🇫🇷", "."]

    static func nativeEvents(_ words: [String], usage: Bool, done: Bool) -> String {
        var text = ": stream opened\r\n\r\n"
        for word in words {
            let escaped = word.replacingOccurrences(of: "\"", with: "\\\"")
            text += "data: {\"response\":\"\(escaped)\",\"p\":\"abc\"}\r\n\r\n"
        }
        if usage { text += "data: {\"response\":\"\",\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":10,\"total_tokens\":17}}\n\n" }
        if done { text += "data: [DONE]\n\n" }
        return text
    }

    @Test("a reply streamed in pieces of a few bytes arrives as text deltas, in order, with usage at the end", arguments: [1, 3, 7])
    func smallChunks(pieceSize: Int) async throws {
        let harness = try ClientHarness([.eventStream(Self.nativeEvents(Self.words, usage: true, done: true), pieceSize: pieceSize)])
        defer { harness.server.stop() }
        let stream = try await harness.client.stream(RunRequest(model: ClientHarness.model, input: .prompt("Capital?")))
        var deltas: [String] = []
        for try await delta in stream { deltas.append(delta) }
        #expect(deltas == Self.words)
        #expect(stream.usage?.completionTokens == 10)
        let received = try #require(harness.server.requests.first)
        #expect(received.path == ClientHarness.runPath)
        #expect(received.jsonBody?["stream"] as? Bool == true)
        #expect(received.header("Accept") == "text/event-stream")
    }

    @Test("an OpenAI-style stream from chat completions yields choices[0].delta.content")
    func openAIStream() async throws {
        let events = """
            data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}

            data: {"choices":[{"index":0,"delta":{"content":"Bon"}}]}

            data: {"choices":[{"index":0,"delta":{"content":"jour"}}]}

            data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6}}

            data: [DONE]


            """
        let harness = try ClientHarness([.eventStream(events, pieceSize: 5)])
        defer { harness.server.stop() }
        let stream = try await harness.client.stream(
            RunRequest(model: ClientHarness.model, input: .prompt("Salut"), endpoint: .chatCompletions))
        let reply = try await stream.collect()
        #expect(reply.text == "Bonjour")
        #expect(reply.usage?.totalTokens == 6)
    }

    @Test("a stream cut mid-transfer throws an interruption carrying all the text received")
    func cutMidTransfer() async throws {
        let harness = try ClientHarness([.eventStream(Self.nativeEvents(Array(Self.words.prefix(4)), usage: false, done: false), pieceSize: 6, cutBeforeEnd: true)])
        defer { harness.server.stop() }
        let stream = try await harness.client.stream(RunRequest(model: ClientHarness.model, input: .prompt("Capital?")))
        var deltas: [String] = []
        await #expect {
            for try await delta in stream { deltas.append(delta) }
        } throws: { error in
            guard case .stream(.interrupted(let received, .transport(.connectionLost))) = error as? WorkersAIError else { return false }
            return received == "The capital of France"
        }
        #expect(deltas.joined() == "The capital of France")
    }

    @Test("a stream that ends cleanly without [DONE] is an interruption too")
    func endsWithoutDone() async throws {
        let harness = try ClientHarness([.eventStream(Self.nativeEvents(["Hello", " wor"], usage: false, done: false), pieceSize: 4)])
        defer { harness.server.stop() }
        let stream = try await harness.client.stream(RunRequest(model: ClientHarness.model, input: .prompt("x")))
        await #expect {
            _ = try await stream.collect()
        } throws: { error in
            guard case .stream(let failure) = error as? WorkersAIError,
                case .interrupted(_, .endedWithoutDone) = failure
            else { return false }
            return failure.received == "Hello wor"
        }
    }

    @Test("an error status before the stream starts is retried like any call")
    func retriedBeforeFirstByte() async throws {
        let harness = try ClientHarness([
            .json(#"{"success":false,"errors":[{"code":3040,"message":"busy"}]}"#, status: 429, headers: [("Retry-After", "1")]),
            .eventStream(Self.nativeEvents(["ok"], usage: false, done: true), pieceSize: 8),
        ])
        defer { harness.server.stop() }
        let stream = try await harness.client.stream(RunRequest(model: ClientHarness.model, input: .prompt("x")))
        #expect(stream.attempts == 2)
        #expect(try await stream.collect().text == "ok")
        #expect(harness.waits.recorded == [.seconds(1)])
    }
}
