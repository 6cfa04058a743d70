import Foundation
import PreflightCatalog
import PreflightClient
import PreflightSchema
import PreflightTestSupport
import Testing

@Suite("Client end to end: replies, JSON mode, gateway, pre-flight")
struct ClientRunTests {
    static let reply = #"{"result":{"response":"Paris.","usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}},"success":true,"errors":[],"messages":[]}"#

    @Test("a normal reply: POST to the native run path with Bearer auth and a JSON body; text and usage come back")
    func normalReply() async throws {
        let harness = try ClientHarness([.json(Self.reply)])
        defer { harness.server.stop() }
        let reply = try await harness.client.run(
            RunRequest(model: ClientHarness.model, input: .prompt("Capital of France?"), maxTokens: 16))
        #expect(reply.text == "Paris.")
        #expect(reply.usage?.promptTokens == 12)
        #expect(reply.usage?.completionTokens == 3)
        #expect(reply.usage?.reported == ["prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15])
        #expect(reply.attempts == 1)
        let received = try #require(harness.server.requests.first)
        #expect(harness.server.requests.count == 1)
        #expect(received.method == "POST")
        #expect(received.path == ClientHarness.runPath)
        #expect(received.header("Authorization") == "Bearer \(ClientHarness.token)")
        #expect(received.header("Content-Type") == "application/json")
        let body = try #require(received.jsonBody)
        #expect(body["prompt"] as? String == "Capital of France?")
        #expect(body["max_tokens"] as? Int == 16)
        #expect(body["stream"] == nil)
        #expect(!harness.logs.lines.isEmpty)
        #expect(!harness.logsLeakCredentials)
    }

    @Test("OpenAI-compatible chat completions: path, model in the body, messages; choices[0] read back")
    func chatCompletions() async throws {
        let harness = try ClientHarness([
            .json(#"{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hi!"}}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}"#)
        ])
        defer { harness.server.stop() }
        let reply = try await harness.client.run(
            RunRequest(
                model: ClientHarness.model, input: .chat(Chat(messages: [ChatMessage(role: .user, content: "Hello")])),
                endpoint: .chatCompletions))
        #expect(reply.text == "Hi!")
        #expect(reply.usage?.totalTokens == 11)
        let received = try #require(harness.server.requests.first)
        #expect(received.path == "/client/v4/accounts/\(ClientHarness.accountID)/ai/v1/chat/completions")
        let body = try #require(received.jsonBody)
        #expect(body["model"] as? String == ClientHarness.model)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "Hello"]])
    }

    @Test("embeddings, native and OpenAI-compatible, come back as vectors")
    func embeddings() async throws {
        let harness = try ClientHarness([
            .json(#"{"result":{"shape":[2,3],"data":[[0.5,1,-2],[0,0.25,3]]},"success":true,"errors":[]}"#),
            .json(#"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1.5,2]}],"usage":{"prompt_tokens":3,"total_tokens":3}}"#),
        ])
        defer { harness.server.stop() }
        let native = try await harness.client.run(RunRequest(model: "@cf/baai/bge-base-en-v1.5", input: .texts(["a", "b"])))
        #expect(native.output == .embeddings([[0.5, 1, -2], [0, 0.25, 3]]))
        let openAI = try await harness.client.run(
            RunRequest(model: "@cf/baai/bge-base-en-v1.5", input: .texts(["a"]), endpoint: .embeddings))
        #expect(openAI.output == .embeddings([[1.5, 2]]))
        let requests = harness.server.requests
        #expect(requests[0].jsonBody?["text"] as? [String] == ["a", "b"])
        #expect(requests[1].path == "/client/v4/accounts/\(ClientHarness.accountID)/ai/v1/embeddings")
        #expect(requests[1].jsonBody?["input"] as? [String] == ["a"])
    }

    @Test("images: a binary body, and a base64 `image` field, both come back as bytes with a media type")
    func images() async throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        let harness = try ClientHarness([
            LoopbackResponse(status: 200, headers: [("Content-Type", "image/png")], body: png),
            .json(#"{"result":{"image":"\#(Data(png).base64EncodedString())"},"success":true,"errors":[]}"#),
        ])
        defer { harness.server.stop() }
        let request = RunRequest(model: "@cf/black-forest-labs/flux-1-schnell", input: .prompt("a cat"))
        #expect(try await harness.client.run(request).output == .binary(bytes: png, contentType: "image/png"))
        #expect(try await harness.client.run(request).output == .binary(bytes: png, contentType: "image/png"))
    }

    static let schema = JSONSchema.object(["city": .string()], required: ["city"])

    @Test("speech: the text goes in `text`, and base64 `audio` comes back as MP3 bytes")
    func speech() async throws {
        let mp3: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0, 0, 0, 9]
        let harness = try ClientHarness([
            .json(#"{"result":{"audio":"\#(Data(mp3).base64EncodedString())"},"success":true,"errors":[]}"#)
        ])
        defer { harness.server.stop() }
        let reply = try await harness.client.run(RunRequest(model: "@cf/myshell-ai/melotts", input: .speech("Bonjour")))
        #expect(reply.output == .binary(bytes: mp3, contentType: "audio/mpeg"))
        #expect(harness.server.requests.first?.jsonBody?["text"] as? String == "Bonjour")
    }

    /// The schema module's validator, as `preflight run --schema` uses it.
    static var jsonMode: JSONMode {
        get throws { try JSONMode(validating: schema) }
    }

    @Test("JSON mode: response_format carries the schema; an object reply is validated and returned")
    func jsonModeValid() async throws {
        let harness = try ClientHarness([.json(#"{"result":{"response":{"city":"Paris"}},"success":true,"errors":[]}"#)])
        defer { harness.server.stop() }
        let reply = try await harness.client.run(
            RunRequest(
                model: ClientHarness.model, input: .prompt("Where?"),
                jsonMode: try Self.jsonMode))
        #expect(reply.json == ["city": "Paris"])
        let body = try #require(harness.server.requests.first?.jsonBody)
        let format = try #require(body["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        #expect((format["json_schema"] as? [String: Any])?["required"] as? [String] == ["city"])
    }

    @Test("JSON mode: a reply wrapped in prose is extracted; a reply missing a field is refused with the errors")
    func jsonModeWrappedAndInvalid() async throws {
        let harness = try ClientHarness([
            .json(#"{"result":{"response":"Sure! Here it is:\n```json\n{\"city\": \"Lyon\"}\n```"},"success":true,"errors":[]}"#),
            .json(#"{"result":{"response":{"town":"Lyon"}},"success":true,"errors":[]}"#),
            .json(#"{"result":{"response":"I cannot answer that."},"success":true,"errors":[]}"#),
        ])
        defer { harness.server.stop() }
        let request = RunRequest(
            model: ClientHarness.model, input: .prompt("Where?"),
            jsonMode: try Self.jsonMode)
        #expect(try await harness.client.run(request).json == ["city": "Lyon"])
        await #expect {
            _ = try await harness.client.run(request)
        } throws: { error in
            guard case .invalidJSONReply(let errors, let reply) = error as? WorkersAIError else { return false }
            // The builder's object schema is closed: the missing member and the stray one are both reported.
            return errors.count == 2 && errors.contains { $0.contains("\"city\" is missing") }
                && errors.contains { $0.contains("\"town\" is not allowed") } && reply.contains("town")
        }
        await #expect {
            _ = try await harness.client.run(request)
        } throws: { error in
            guard case .invalidJSONReply(let errors, _) = error as? WorkersAIError else { return false }
            return errors == ["no JSON value found in the reply"]
        }
    }

    @Test("JSON mode with streaming is refused before sending")
    func jsonModeNoStreaming() async throws {
        let harness = try ClientHarness([])
        defer { harness.server.stop() }
        let request = RunRequest(model: ClientHarness.model, input: .prompt("x"), jsonMode: JSONMode(schema: Self.schema, validator: nil))
        await #expect(throws: WorkersAIError.self) { _ = try await harness.client.stream(request) }
        #expect(harness.server.requests.isEmpty)
    }

    @Test("through AI Gateway: the gateway path, the cache headers, and cf-aig-cache-status read back")
    func gatewayCache() async throws {
        let harness = try ClientHarness(
            [.json(Self.reply, headers: [("cf-aig-cache-status", "HIT")])],
            route: { .gateway(id: "my-gateway", baseURL: $0.appendingPathComponent("v1")) })
        defer { harness.server.stop() }
        let reply = try await harness.client.run(
            RunRequest(
                model: ClientHarness.model, input: .prompt("Capital of France?"),
                cache: GatewayCacheOptions(ttlSeconds: 3600, skipCache: true, cacheKey: "france-capital")))
        #expect(reply.cacheStatus == "HIT")
        let received = try #require(harness.server.requests.first)
        #expect(received.path == "/v1/\(ClientHarness.accountID)/my-gateway/workers-ai/\(ClientHarness.model)")
        #expect(received.header("cf-aig-cache-ttl") == "3600")
        #expect(received.header("cf-aig-skip-cache") == "true")
        #expect(received.header("cf-aig-cache-key") == "france-capital")
        #expect(received.header("Authorization") == "Bearer \(ClientHarness.token)")
    }

    @Test("a cache TTL outside 60 s … one month is refused before anything is sent", arguments: [0, 59, 2_592_001])
    func gatewayTTLRange(ttl: Int) async throws {
        let harness = try ClientHarness([.json(Self.reply)], route: { .gateway(id: "gw", baseURL: $0) })
        defer { harness.server.stop() }
        await #expect {
            _ = try await harness.client.run(
                RunRequest(model: ClientHarness.model, input: .prompt("x"), cache: GatewayCacheOptions(ttlSeconds: ttl)))
        } throws: { error in
            guard case .invalidRequest(let reason) = error as? WorkersAIError else { return false }
            return reason.contains("60...2592000")
        }
        #expect(harness.server.requests.isEmpty)
    }

    @Test("the edges of the TTL range are accepted", arguments: [60, 2_592_000])
    func gatewayTTLEdges(ttl: Int) async throws {
        let harness = try ClientHarness([.json(Self.reply)], route: { .gateway(id: "gw", baseURL: $0) })
        defer { harness.server.stop() }
        _ = try await harness.client.run(
            RunRequest(model: ClientHarness.model, input: .prompt("x"), cache: GatewayCacheOptions(ttlSeconds: ttl)))
        #expect(harness.server.requests.first?.header("cf-aig-cache-ttl") == String(ttl))
    }

    @Test("a prompt that cannot fit is refused with the overflow figure, and the server receives nothing")
    func preflightRefusal() async throws {
        let harness = try ClientHarness([.json(Self.reply)])
        defer { harness.server.stop() }
        let check = Preflight { request in
            PreflightAssessment(
                modelID: request.model, promptTokens: request.input.countedText.unicodeScalars.count,
                maxTokens: request.maxTokens ?? 256, contextWindow: 100)
        }
        let request = RunRequest(
            model: ClientHarness.model, input: .prompt(String(repeating: "x", count: 90)), maxTokens: 20, preflight: check)
        await #expect {
            _ = try await harness.client.run(request)
        } throws: { error in
            guard case .refusedByPreflight(let assessment) = error as? WorkersAIError else { return false }
            return assessment.overflowTokens == 10 && !assessment.fits
        }
        await #expect(throws: WorkersAIError.self) { _ = try await harness.client.stream(request) }
        #expect(harness.server.requests.isEmpty)
        let fitting = RunRequest(model: ClientHarness.model, input: .prompt("short"), maxTokens: 20, preflight: check)
        let reply = try await harness.client.run(fitting)
        #expect(reply.assessment?.promptTokens == 5)
        #expect(reply.assessment?.overflowTokens == 0)
        #expect(harness.server.requests.count == 1)
    }
}
