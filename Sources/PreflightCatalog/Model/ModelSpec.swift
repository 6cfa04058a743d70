/// Everything the catalog knows about one Workers AI model, each fact with its source.
///
/// Values come only from `Resources/catalog/models.json` (built by `Scripts/build_catalog.py`);
/// a fact no source states is `nil` with its source saying `unknown`, never a guess.
public struct ModelSpec: Sendable, Hashable {
    /// The canonical id, for example `@cf/meta/llama-3.1-8b-instruct`.
    public let id: String
    /// What the model does.
    public let task: ModelTask
    /// Where the task came from (`model JSON`, or `inferred …` when the model's JSON was not read).
    public let taskSource: String
    /// The bundled tokenizer that counts this model's prompts (a `BundledTokenizers` name), if any.
    public let tokenizer: String?
    /// How far that tokenizer matches the model's own.
    public let tokenizerExactness: TokenizerExactness
    /// Why the tokenizer is exact, approximate or missing.
    public let tokenizerNote: String
    /// The context window (prompt plus reply tokens) and where that figure came from.
    public let contextWindow: ContextWindow
    /// Input limits other than the token window (character caps, image steps, legacy limits).
    public let inputLimits: InputLimits
    /// Output token limits: the platform default for `max_tokens` and any documented maximum.
    public let output: OutputLimits
    /// Published prices with their neuron equivalents, or `nil` when the pricing page lists none.
    public let pricing: Pricing?
    /// The requests-per-minute limit of the model's task (or its own override), if documented.
    public let rateLimit: RateLimit?
    /// Capability and plan flags.
    public let flags: ModelFlags
    /// Deprecation state, when any source mentions one.
    public let deprecation: Deprecation?
    /// The Cloudflare docs file this record rests on.
    public let source: ModelSource
    /// The catalog-wide pre-2025 character rule, attached when the catalog loads.
    public internal(set) var legacyCharacterLimit: LegacyCharacterLimit?
}

/// A model's context window: the tokens of prompt plus reply that one request may use.
public struct ContextWindow: Sendable, Hashable {
    /// The window the checks use, or `nil` when no source states one.
    public let tokens: Int?
    /// Whether `tokens` is Cloudflare's figure, a third party's, or unknown.
    public let provenance: Provenance
    /// The document (path@commit or URL) the figure comes from, or `unknown`.
    public let source: String
    /// Other figures seen for this model (kept for the record; not used by checks).
    public let otherFigures: [ReportedFigure]
}

/// A figure some source reported, with where it came from.
public struct ReportedFigure: Sendable, Hashable, Codable {
    /// The number reported.
    public let value: Int
    /// Whose figure it is.
    public let provenance: Provenance
    /// Where it was read.
    public let source: String
}

/// Output token limits.
public struct OutputLimits: Sendable, Hashable {
    /// What `max_tokens` is when the request leaves it out, or `nil` when no default is documented.
    public let defaultMaxTokens: Int?
    /// Where that default comes from (the model's schema, or the platform-wide release note).
    public let defaultMaxTokensSource: String
    /// A documented maximum for `max_tokens`, or `nil` (none found in any source read).
    public let maxOutputTokens: Int?
    /// Where that maximum comes from, or `unknown`.
    public let maxOutputTokensSource: String
}

/// Input limits other than the token window.
public struct InputLimits: Sendable, Hashable {
    /// A documented cap on the prompt's length in characters (a JSON Schema `maxLength`).
    public let promptMaxCharacters: SourcedLimit?
    /// Bounds on an image model's diffusion steps.
    public let steps: StepLimits?
    /// 2024-era limits (`context_length_limit`, `sequence_length_limit`) from the old YAML schemas.
    public let legacy: LegacyLimits?
    /// The length of an embedding vector, for embedding models.
    public let embeddingDimensions: Int?
}

/// A limit with its source.
public struct SourcedLimit: Sendable, Hashable, Codable {
    /// The limit.
    public let value: Int
    /// Where it is documented.
    public let source: String
}

/// Bounds on an image model's number of diffusion steps.
public struct StepLimits: Sendable, Hashable, Codable {
    /// The request parameter's name (`steps`, or `num_steps` in older schemas).
    public let parameter: String
    /// The default number of steps.
    public let `default`: Int
    /// The most steps a request may ask for.
    public let maximum: Int
    /// Where the bounds are documented.
    public let source: String
}

/// The 2024 YAML schemas' limits, kept for history.
public struct LegacyLimits: Sendable, Hashable, Codable {
    /// `context_length_limit` in the 2024 schema.
    public let contextLengthLimit: Int
    /// `sequence_length_limit` in the 2024 schema.
    public let sequenceLengthLimit: Int
    /// Where they are documented.
    public let source: String

    enum CodingKeys: String, CodingKey {
        case contextLengthLimit = "context_length_limit"
        case sequenceLengthLimit = "sequence_length_limit"
        case source
    }
}

/// A documented requests-per-minute limit.
public struct RateLimit: Sendable, Hashable, Codable {
    /// Whether the limit is the task's default or this model's own override.
    public enum Scope: String, Sendable, Hashable, Codable {
        /// The task's default limit.
        case task
        /// A limit set for this model.
        case model
    }
    /// Requests per minute.
    public let requestsPerMinute: Int
    /// Whose limit it is.
    public let scope: Scope
    /// Where it is documented.
    public let source: String

    enum CodingKeys: String, CodingKey {
        case requestsPerMinute = "requests_per_minute"
        case scope, source
    }
}

/// Capability and plan flags, as the model's docs state them (false when not stated).
public struct ModelFlags: Sendable, Hashable, Codable {
    /// Marked beta (`nil` when the docs read say neither).
    public let beta: Bool?
    /// Accepts LoRA adapters.
    public let lora: Bool
    /// Supports function calling (tools).
    public let functionCalling: Bool
    /// Supports JSON mode (`response_format`).
    public let jsonMode: Bool
    /// Accepts images.
    public let vision: Bool
    /// A reasoning model.
    public let reasoning: Bool
    /// Accepts asynchronous batch (queue) requests.
    public let asyncQueue: Bool
    /// Requires the Workers Paid plan (HTTP 403, code 5035 on Free).
    public let paidPlanRequired: Bool

    enum CodingKeys: String, CodingKey {
        case beta, lora, vision, reasoning
        case functionCalling = "function_calling"
        case jsonMode = "json_mode"
        case asyncQueue = "async_queue"
        case paidPlanRequired = "paid_plan_required"
    }

    /// Encodes every flag, `beta` as `null` when unstated, so the shape never varies.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(beta, forKey: .beta)
        try c.encode(lora, forKey: .lora)
        try c.encode(functionCalling, forKey: .functionCalling)
        try c.encode(jsonMode, forKey: .jsonMode)
        try c.encode(vision, forKey: .vision)
        try c.encode(reasoning, forKey: .reasoning)
        try c.encode(asyncQueue, forKey: .asyncQueue)
        try c.encode(paidPlanRequired, forKey: .paidPlanRequired)
    }
}

/// A model's deprecation, as announced.
public struct Deprecation: Sendable, Hashable, Codable {
    /// Whether the model is retired (or scheduled to be) per the source.
    public let deprecated: Bool
    /// The retirement date (`YYYY-MM-DD`), when given.
    public let date: String?
    /// A planned deprecation date from the model's own properties.
    public let plannedDate: String?
    /// A remark from the source (for example "remains active").
    public let note: String?
    /// Where it is announced.
    public let source: String?

    enum CodingKeys: String, CodingKey {
        case deprecated, date, note, source
        case plannedDate = "planned_date"
    }
}

/// The Cloudflare docs file a model record rests on.
public struct ModelSource: Sendable, Hashable, Codable {
    /// Path in cloudflare/cloudflare-docs (`nil` for ids found only on the pricing page).
    public let docsFile: String?
    /// The commit of the version read or listed.
    public let commit: String?
    /// Whether that version was actually read (otherwise only listed).
    public let read: Bool
    /// Where the id itself was found.
    public let idSource: String

    enum CodingKeys: String, CodingKey {
        case commit, read
        case docsFile = "docs_file"
        case idSource = "id_source"
    }
}
