import Foundation
import PreflightTestSupport
import Synchronization
import Testing

/// `preflight run` end to end: the built executable against the loopback server.
@Suite("preflight run against the loopback server")
struct RunCommandTests {
    static let account = "acctCLI0123456789"
    static let token = "tok_CLI_SECRET_a1b2c3"
    static let model = "@cf/meta/llama-3.1-8b-instruct"
    static let reply = #"{"result":{"response":"Paris.","usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}},"success":true,"errors":[]}"#

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the `preflight` built beside the test bundle, with only the given environment.
    static func preflight(_ arguments: [String], environment: [String: String], stdin: String = "") throws -> Outcome {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var executable = directory.appendingPathComponent("preflight")
        if !FileManager.default.fileExists(atPath: executable.path) {
            executable = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("preflight")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let errorData = PipeCapture()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    static func environment(_ server: LoopbackServer) -> [String: String] {
        ["CLOUDFLARE_ACCOUNT_ID": account, "CLOUDFLARE_API_TOKEN": token]
    }

    static func baseURL(_ server: LoopbackServer) -> String { server.baseURL.absoluteString + "/client/v4" }

    @Test("a normal run prints the reply; the server got the request with the token, which is never printed")
    func normal() throws {
        let server = try LoopbackServer(script: [.json(Self.reply)])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "Capital of France?", "--max-tokens", "32", "--base-url", Self.baseURL(server)],
            environment: Self.environment(server))
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "Paris.\n")
        let received = try #require(server.requests.first)
        #expect(received.path == "/client/v4/accounts/\(Self.account)/ai/run/\(Self.model)")
        #expect(received.header("Authorization") == "Bearer \(Self.token)")
        #expect(received.jsonBody?["max_tokens"] as? Int == 32)
        #expect(!(outcome.stdout + outcome.stderr).contains(Self.token))
        #expect(!(outcome.stdout + outcome.stderr).contains(Self.account))
    }

    @Test("--format json prints response, usage as reported, and the estimate made before sending")
    func jsonFormat() throws {
        let server = try LoopbackServer(script: [.json(Self.reply)])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "hello", "--max-tokens", "32", "--base-url",
             Self.baseURL(server), "--format", "json"],
            environment: Self.environment(server))
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["response"] as? String == "Paris.")
        let usage = try #require(object["usage"] as? [String: Int])
        #expect(usage == ["prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15])
        let estimate = try #require(object["estimate"] as? [String: Any])
        #expect(estimate["max_tokens"] as? Int == 32)
        // "hello" as Workers AI sends it: one user message through the Llama 3.1 template, 36 tokens.
        #expect(estimate["prompt_tokens"] as? Int == 36)
        #expect(estimate["tokens"] as? Int == 68)
        // By hand: 36 × 25,608 / 1M + 32 × 75,147 / 1M = 3.326592 neurons; × $0.011 / 1000 = $0.000036592512.
        #expect(outcome.stdout.contains(#""neurons":3.326592"#))
        #expect(outcome.stdout.contains(#""dollars":0.000036592512"#))
    }

    @Test("--stream prints the text as it arrives")
    func streaming() throws {
        let events = (["Bon", "jour", " à", " tous"].map { "data: {\"response\":\"\($0)\"}\n\n" }).joined() + "data: [DONE]\n\n"
        let server = try LoopbackServer(script: [.eventStream(events, pieceSize: 5)])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "Salut", "--stream", "--base-url", Self.baseURL(server)],
            environment: Self.environment(server))
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "Bonjour à tous\n")
        #expect(server.requests.first?.jsonBody?["stream"] as? Bool == true)
    }

    @Test("a prompt that cannot fit is refused with exit 1, and nothing is sent")
    func refused() throws {
        let server = try LoopbackServer(script: [.json(Self.reply)])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "hello", "--max-tokens", "100000000", "--base-url", Self.baseURL(server)],
            environment: Self.environment(server))
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("exceed"))
        #expect(server.requests.isEmpty)
    }

    @Test("missing credentials exit 2 with a message naming the variable; nothing is sent")
    func missingCredentials() throws {
        let server = try LoopbackServer(script: [.json(Self.reply)])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "hi", "--base-url", Self.baseURL(server)],
            environment: ["CLOUDFLARE_ACCOUNT_ID": Self.account])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("CLOUDFLARE_API_TOKEN"))
        #expect(server.requests.isEmpty)
    }

    @Test("a 401 is a remote failure: exit 3, one line on stderr without the token")
    func unauthorized() throws {
        let server = try LoopbackServer(script: [
            .json(#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"result":null}"#, status: 401)
        ])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "hi", "--base-url", Self.baseURL(server)],
            environment: Self.environment(server))
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("10000"))
        #expect(!outcome.stderr.contains(Self.token))
        #expect(server.requests.count == 1)
    }
}

extension RunCommandTests {
    static func temporaryFile(_ name: String, _ contents: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-run-\(UUID().uuidString)-\(name)")
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    @Test("--messages sends the chat; --schema sends response_format and checks the reply (exit 1 when invalid)")
    func messagesAndSchema() throws {
        let server = try LoopbackServer(script: [
            .json(#"{"result":{"response":{"city":"Paris"}},"success":true,"errors":[]}"#),
            .json(#"{"result":{"response":{"town":"Paris"}},"success":true,"errors":[]}"#),
        ])
        defer { server.stop() }
        let chat = try Self.temporaryFile("chat.json", #"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Capital of France?"}]}"#)
        let schema = try Self.temporaryFile("schema.json", #"{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"#)
        defer {
            try? FileManager.default.removeItem(atPath: chat)
            try? FileManager.default.removeItem(atPath: schema)
        }
        let arguments = ["run", "--model", Self.model, "--messages", chat, "--schema", schema, "--base-url", Self.baseURL(server)]
        let valid = try Self.preflight(arguments, environment: Self.environment(server))
        #expect(valid.status == 0)
        #expect(valid.stdout == #"{"city":"Paris"}"# + "\n")
        let body = try #require(server.requests.first?.jsonBody)
        #expect((body["messages"] as? [[String: String]])?.map { $0["role"] } == ["system", "user"])
        #expect((body["response_format"] as? [String: Any])?["type"] as? String == "json_schema")
        let invalid = try Self.preflight(arguments, environment: Self.environment(server))
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("city"))
    }

    @Test("a malformed --messages file is bad input (exit 2) naming the file; nothing is sent")
    func malformedMessages() throws {
        let server = try LoopbackServer(script: [.json(Self.reply)])
        defer { server.stop() }
        let chat = try Self.temporaryFile("bad.json", #"[{"role":"user","content":"Hi"},"#)
        defer { try? FileManager.default.removeItem(atPath: chat) }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--messages", chat, "--base-url", Self.baseURL(server)], environment: Self.environment(server))
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.json"))
        #expect(server.requests.isEmpty)
    }
}

extension RunCommandTests {
    @Test("--gateway sends through AI Gateway with the cache headers; cache_status comes back in the JSON")
    func gateway() throws {
        let server = try LoopbackServer(script: [.json(Self.reply, headers: [("cf-aig-cache-status", "MISS")])])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "hi", "--gateway", "gw-1", "--gateway-url", server.baseURL.absoluteString + "/v1",
             "--cache-ttl", "600", "--cache-key", "k1", "--format", "json"],
            environment: Self.environment(server))
        #expect(outcome.status == 0)
        let received = try #require(server.requests.first)
        #expect(received.path == "/v1/\(Self.account)/gw-1/workers-ai/\(Self.model)")
        #expect(received.header("cf-aig-cache-ttl") == "600")
        #expect(received.header("cf-aig-cache-key") == "k1")
        #expect(received.header("cf-aig-skip-cache") == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["cache_status"] as? String == "MISS")
    }

    @Test("a cache TTL below 60 s is refused before sending (exit 2)")
    func gatewayTTLTooShort() throws {
        let server = try LoopbackServer(script: [.json(Self.reply)])
        defer { server.stop() }
        let outcome = try Self.preflight(
            ["run", "--model", Self.model, "--prompt", "hi", "--gateway", "gw-1", "--gateway-url", server.baseURL.absoluteString,
             "--cache-ttl", "59"],
            environment: Self.environment(server))
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cf-aig-cache-ttl"))
        #expect(server.requests.isEmpty)
    }
}

/// Standard error, read to its end on a separate thread so neither pipe can fill and block.
final class PipeCapture: Sendable {
    private let state = Mutex<Data?>(nil)
    func set(_ value: Data) { state.withLock { $0 = value } }
    var isSet: Bool { state.withLock { $0 != nil } }
    var value: Data { state.withLock { $0 ?? Data() } }
}
