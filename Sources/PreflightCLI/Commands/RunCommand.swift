import ArgumentParser
import Foundation
import Logging
import PreflightCatalog
import PreflightClient
import PreflightSchema

/// `preflight run`: check a prompt, then call the model on Workers AI.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check a prompt against the model, then run it on Workers AI.",
        discussion: """
            Credentials come from CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN and are never \
            printed or logged. The pre-flight check runs first: a prompt that does not fit the \
            model's context window with --max-tokens reserved is refused and nothing is sent. \
            Without --prompt or --messages the prompt is read from standard input. \
            Exit status: 0 success; 1 refused by the pre-flight check, or a --schema reply that is \
            invalid; 2 usage error or bad input (missing credentials, unknown model, unreadable \
            file); 3 remote failure after retries (network, HTTP or API error).
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "The Workers AI model id, e.g. @cf/meta/llama-3.1-8b-instruct.")
    var model: String

    @Option(help: "The prompt text.")
    var prompt: String?

    @Option(help: "A JSON chat file ([{role, content}…] or {messages, tools, response_format}), or - for standard input; counted through the model's chat template.")
    var messages: InputSource?

    @Option(name: .customLong("max-tokens"), help: "max_tokens for the reply (default: the platform default).")
    var maxTokens: Int?

    @Option(help: "A JSON Schema file: JSON mode, and the reply validated against it.")
    var schema: InputSource?

    @Flag(help: "Print the reply as it arrives (server-sent events).")
    var stream = false

    @Option(name: .customLong("base-url"), help: "Replaces https://api.cloudflare.com/client/v4.")
    var baseURL: String?

    @Option(help: "Send through this AI Gateway (https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/workers-ai/…).")
    var gateway: String?

    @Option(name: .customLong("gateway-url"), help: "Replaces https://gateway.ai.cloudflare.com/v1 (with --gateway).")
    var gatewayURL: String?

    @Option(name: .customLong("cache-ttl"), help: "AI Gateway cf-aig-cache-ttl in seconds (60 s to one month; needs --gateway).")
    var cacheTTL: Int?

    @Flag(name: .customLong("skip-cache"), help: "AI Gateway cf-aig-skip-cache: bypass the cache (needs --gateway).")
    var skipCache = false

    @Option(name: .customLong("cache-key"), help: "AI Gateway cf-aig-cache-key (needs --gateway).")
    var cacheKey: String?

    @Option(help: "Output format: text or json ({response, usage, estimate}).")
    var format: Format = .text

    @Flag(help: "Log each attempt (path, status, wait) on standard error; credentials are never logged.")
    var verbose = false

    func validate() throws {
        if prompt != nil && messages != nil { throw ValidationError("give --prompt or --messages, not both") }
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1, not \(maxTokens)") }
        if stream && schema != nil { throw ValidationError("--schema (JSON mode) cannot be combined with --stream") }
        for (option, value) in [("--base-url", baseURL), ("--gateway-url", gatewayURL)] {
            if let value, URL(string: value)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                throw ValidationError("\(option) must be an http or https URL, not '\(value)'")
            }
        }
        if gateway == nil && (cacheTTL != nil || skipCache || cacheKey != nil || gatewayURL != nil) {
            throw ValidationError("--cache-ttl, --skip-cache, --cache-key and --gateway-url need --gateway")
        }
        if gateway != nil && baseURL != nil { throw ValidationError("give --base-url or --gateway, not both") }
    }

    func run() async throws {
        let credentials: Credentials
        do {
            credentials = try Credentials.fromEnvironment()
        } catch {
            throw RunInputError(message: error.description)
        }
        let spec = try Catalog.bundled().model(id: model)
        var request = RunRequest(model: spec.id, input: try readInput(), maxTokens: maxTokens, preflight: .catalog(spec))
        if let schema {
            let document = try RunInputs.parseJSON(schema.readBytes(), source: schema.displayName)
            do {
                request.jsonMode = try JSONMode(validating: JSONSchema(document))
            } catch {
                throw RunInputError(message: "\(schema.displayName): \(error)")
            }
        }
        var route = Route.cloudflareAPI
        if let baseURL, let url = URL(string: baseURL) { route = .direct(baseURL: url) }
        if let gateway {
            route = .gateway(id: gateway, baseURL: gatewayURL.flatMap(URL.init(string:)) ?? Route.defaultGatewayBaseURL)
            if cacheTTL != nil || skipCache || cacheKey != nil {
                request.cache = GatewayCacheOptions(ttlSeconds: cacheTTL, skipCache: skipCache, cacheKey: cacheKey)
            }
        }
        var logger = Logger(label: "preflight.run")
        logger.logLevel = verbose ? .info : .critical  // quiet by default: failures get their one line from CLIFailure
        let client = WorkersAIClient(credentials: credentials, route: route, logger: logger)
        do {
            try await perform(request, with: client)
        } catch let error as WorkersAIError {
            try Self.rethrowClassified(error)
        }
    }

    private func readInput() throws -> RunInput {
        if let prompt { return .prompt(prompt) }
        if let messages {
            do {
                return .chat(try Chat(json: messages.readBytes()))
            } catch let error as ChatError {
                throw RunInputError(message: "\(messages.displayName): \(error)")
            }
        }
        return .prompt(try InputSource.standardInput.readText())
    }

    private func perform(_ request: RunRequest, with client: WorkersAIClient) async throws {
        if stream {
            let replies = try await client.stream(request)
            Self.printWarnings(replies.assessment)
            var text = ""
            for try await delta in replies {
                text += delta
                if format == .text { FileHandle.standardOutput.write(Data(delta.utf8)) }
            }
            switch format {
            case .text: FileHandle.standardOutput.write(Data("\n".utf8))
            case .json:
                print(RunReport.json(response: .string(text), usage: replies.usage, assessment: replies.assessment, cacheStatus: replies.cacheStatus))
            }
            return
        }
        let reply = try await client.run(request)
        Self.printWarnings(reply.assessment)
        if let status = reply.cacheStatus, format == .text { Self.printError("AI Gateway cache: \(status)") }
        switch format {
        case .json:
            print(RunReport.json(response: RunReport.value(of: reply), usage: reply.usage, assessment: reply.assessment, cacheStatus: reply.cacheStatus))
        case .text:
            switch reply.output {
            case .text(let text): print(text)
            case .json(let value): print(reply.json?.description ?? value.description)
            case .embeddings: print(RunReport.value(of: reply).description)
            case .binary(let bytes, _): FileHandle.standardOutput.write(Data(bytes))
            }
        }
    }

    /// Local failures exit 1 or 2 here; everything else is a remote failure (exit 3).
    private static func rethrowClassified(_ error: WorkersAIError) throws -> Never {
        switch error {
        case .refusedByPreflight, .invalidJSONReply:
            printError(error.description)
            throw CLIFailure.answerIsNo
        case .missingCredentials, .invalidRequest:
            printError(error.description)
            throw CLIFailure.badInput
        case .http, .api, .transport, .timeout, .stream, .unexpectedResponse:
            throw error
        }
    }

    private static func printWarnings(_ assessment: PreflightAssessment?) {
        for warning in assessment?.warnings ?? [] { printError("warning: \(warning)") }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("preflight: \(message)\n".utf8))
    }
}

/// The client's errors that reach the top of `run` are remote failures: exit 3.
extension WorkersAIError: RemoteFailure {}

/// Bad input to `run` (exit 2), said in one line.
struct RunInputError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
