import Foundation
import PreflightCatalog
import PreflightSchema

/// One call to a Workers AI model: what to send, where, and what to check first.
public struct RunRequest: Sendable {
    /// The catalog id, e.g. `@cf/meta/llama-3.1-8b-instruct`.
    public var model: String
    /// The input.
    public var input: RunInput
    /// The API to use.
    public var endpoint: Endpoint
    /// `max_tokens` for generation; `nil` leaves the platform default (256).
    public var maxTokens: Int?
    /// JSON mode: the schema sent as `response_format`, and how the reply is checked against it.
    public var jsonMode: JSONMode?
    /// AI Gateway cache controls (only with a gateway route).
    public var cache: GatewayCacheOptions?
    /// Further body members (temperature, image steps, voice, …), sent as given; the members the
    /// client sets itself (the input, `max_tokens`, `stream`, `response_format`) take precedence.
    public var parameters: JSONObject
    /// The check run before sending; `nil` sends without one.
    public var preflight: Preflight?

    /// Creates a request; by default the native endpoint with no pre-flight check.
    public init(
        model: String, input: RunInput, endpoint: Endpoint = .native, maxTokens: Int? = nil,
        jsonMode: JSONMode? = nil, cache: GatewayCacheOptions? = nil, parameters: JSONObject = JSONObject(),
        preflight: Preflight? = nil
    ) {
        self.model = model
        self.input = input
        self.endpoint = endpoint
        self.maxTokens = maxTokens
        self.jsonMode = jsonMode
        self.cache = cache
        self.parameters = parameters
        self.preflight = preflight
    }
}

/// What a model is given, by task kind.
public enum RunInput: Sendable, Equatable {
    /// A text prompt (text generation, text-to-image).
    case prompt(String)
    /// A chat, with optional tools and `response_format` (text generation); the catalog's `Chat`,
    /// so the pre-flight check counts it through the model's chat template.
    case chat(Chat)
    /// Texts to embed (text embeddings).
    case texts([String])
    /// Text to speak (text-to-speech models that take `text`).
    case speech(String)
    /// A body built by the caller, for task kinds with other inputs (audio, images).
    case body(JSONObject)

    /// The plain text of the input: the prompt, the messages' contents, the texts (joined by "\n").
    /// - Complexity: O(n) in the input's size.
    public var countedText: String {
        switch self {
        case .prompt(let text), .speech(let text): text
        case .chat(let chat): chat.messages.map(\.text).joined(separator: "\n")
        case .texts(let texts): texts.joined(separator: "\n")
        case .body: ""
        }
    }
}

/// JSON mode: the schema sent with the request and the check applied to the reply.
public struct JSONMode: Sendable {
    /// The JSON Schema the reply must meet (sent as `response_format`).
    public var schema: JSONSchema
    /// Finds the JSON value in a reply and validates it; `nil` sends the schema without checking.
    public var validator: ReplyValidator?

    /// Sends `schema` and checks replies with `validator` (none: the reply is returned unchecked).
    public init(schema: JSONSchema, validator: ReplyValidator?) {
        self.schema = schema
        self.validator = validator
    }

    /// Sends `schema` and validates every reply against it with the schema module's validator.
    public init(validating schema: JSONSchema, options: SchemaOptions = SchemaOptions()) throws(SchemaError) {
        self.init(schema: schema, validator: .schema(try schema.compiled(options: options)))
    }
}

/// How a JSON-mode reply is checked: find the JSON value in the reply text, then validate it.
public struct ReplyValidator: Sendable {
    /// Finds the JSON value in a reply that came back as text (code fences, prose around it);
    /// throws an error whose description says why none was found.
    public var extract: @Sendable (String) throws -> JSONValue
    /// Validates a value; returns one message per violation (empty when valid).
    public var validate: @Sendable (JSONValue) -> [String]

    /// Creates a validator from its two steps.
    public init(
        extract: @escaping @Sendable (String) throws -> JSONValue, validate: @escaping @Sendable (JSONValue) -> [String]
    ) {
        self.extract = extract
        self.validate = validate
    }
}

/// The check run before a request is sent: whether the prompt fits, and what it should cost.
public struct Preflight: Sendable {
    /// Assesses a request; the client refuses it, sending nothing, when the assessment does not fit.
    public var assess: @Sendable (RunRequest) throws -> PreflightAssessment

    /// Creates a check from a closure (the catalog adapter is `Preflight.catalog(_:)`).
    public init(assess: @escaping @Sendable (RunRequest) throws -> PreflightAssessment) {
        self.assess = assess
    }
}

/// The result of a pre-flight check: token figures and, when priced, the cost estimate.
public struct PreflightAssessment: Sendable, Hashable {
    /// The model checked.
    public var modelID: String
    /// Tokens in the prompt as the model will see it.
    public var promptTokens: Int
    /// The output tokens reserved (`max_tokens` or the platform default).
    public var maxTokens: Int
    /// The model's context window, `nil` when unknown (then nothing is refused).
    public var contextWindow: Int?
    /// The estimate made before sending, `nil` when the model has no price.
    public var estimate: RequestEstimate?
    /// What the caller should know: approximate counts, defaults taken, why nothing could be decided.
    public var warnings: [String]

    /// Creates an assessment.
    public init(
        modelID: String, promptTokens: Int, maxTokens: Int, contextWindow: Int?, estimate: RequestEstimate? = nil,
        warnings: [String] = []
    ) {
        self.modelID = modelID
        self.promptTokens = promptTokens
        self.maxTokens = maxTokens
        self.contextWindow = contextWindow
        self.estimate = estimate
        self.warnings = warnings
    }

    /// Tokens beyond the window: `promptTokens + maxTokens - contextWindow`, or 0 when it fits.
    public var overflowTokens: Int {
        guard let contextWindow else { return 0 }
        return max(0, promptTokens + maxTokens - contextWindow)
    }

    /// Whether the prompt and the reserved output fit the window.
    public var fits: Bool { overflowTokens == 0 }

    /// `8,000 prompt + 512 output tokens exceed @cf/…'s 8,192-token window by 320`.
    public var summary: String {
        let window = contextWindow.map { "\($0)-token window" } ?? "unknown window"
        if fits { return "\(promptTokens) prompt + \(maxTokens) output tokens fit \(modelID)'s \(window)" }
        return "\(promptTokens) prompt + \(maxTokens) output tokens exceed \(modelID)'s \(window) by \(overflowTokens)"
    }
}

/// Tokens, neurons and dollars estimated for one request before it was sent.
public struct RequestEstimate: Sendable, Hashable {
    /// Prompt tokens billed.
    public var inputTokens: Int
    /// Output tokens assumed (the reserved `max_tokens`, an upper bound).
    public var outputTokens: Int
    /// Neurons.
    public var neurons: Neurons
    /// US dollars before the free allocation.
    public var dollars: Dollars

    /// Creates an estimate.
    public init(inputTokens: Int, outputTokens: Int, neurons: Neurons, dollars: Dollars) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.neurons = neurons
        self.dollars = dollars
    }
}
