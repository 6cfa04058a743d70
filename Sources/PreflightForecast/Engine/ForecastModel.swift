public import PreflightCatalog

/// What the forecast needs to know about a model, whatever catalog it came from.
public struct ForecastModel: Sendable {
    /// Catalog id.
    public var id: String
    /// Task name, e.g. "Text Generation"; alternatives are only compared within a task.
    public var task: String
    /// Prompt plus output tokens allowed, when known.
    public var contextWindow: Int?
    /// Requests per minute allowed, when documented.
    public var requestsPerMinuteLimit: Int?
    /// `max_tokens` when a request does not set it: the worst-case output.
    public var defaultMaxTokens: Int?
    /// Whether the model writes tokens back (text generation); embedders and classifiers do not,
    /// so their output defaults to 0 tokens instead of `max_tokens`.
    public var generatesTokens: Bool
    /// Prices.
    public var rateCard: RateCard
    /// Counts prompt tokens; `nil` when no tokenizer is known.
    public var tokenCounter: TokenCounter?

    /// A model description.
    public init(
        id: String, task: String, contextWindow: Int?, requestsPerMinuteLimit: Int?, defaultMaxTokens: Int?,
        generatesTokens: Bool = true, rateCard: RateCard, tokenCounter: TokenCounter?
    ) {
        self.generatesTokens = generatesTokens
        self.id = id
        self.task = task
        self.contextWindow = contextWindow
        self.requestsPerMinuteLimit = requestsPerMinuteLimit
        self.defaultMaxTokens = defaultMaxTokens
        self.rateCard = rateCard
        self.tokenCounter = tokenCounter
    }
}

/// Counts the tokens of a prompt for one model, and says whether the count is exact.
public struct TokenCounter: Sendable {
    /// The tokenizer's name, e.g. `llama3`.
    public var name: String
    /// Why counts are approximate; `nil` when they are exact.
    public var approximation: String?
    /// Counts the tokens of a text; throws when the tokenizer cannot be loaded.
    public var count: @Sendable (String) throws -> Int
    /// Counts the prompt a chat becomes after the model's chat template; `nil` when Preflight does
    /// not reproduce that template (then the messages' text is counted, and the answer says so).
    public var countChat: (@Sendable (Chat) throws -> Int)?

    /// A counter named `name`.
    public init(
        name: String, approximation: String? = nil, count: @escaping @Sendable (String) throws -> Int,
        countChat: (@Sendable (Chat) throws -> Int)? = nil
    ) {
        self.countChat = countChat
        self.name = name
        self.approximation = approximation
        self.count = count
    }
}

/// The models a forecast may refer to, by id.
public struct ModelDirectory: Sendable {
    /// Every model, in catalog order.
    public var models: [ForecastModel]
    private var index: [String: Int]

    /// A directory of `models` (later duplicates of an id are ignored).
    public init(models: [ForecastModel]) {
        self.models = models
        var index: [String: Int] = [:]
        for (position, model) in models.enumerated() where index[model.id] == nil { index[model.id] = position }
        self.index = index
    }

    /// The model with this id.
    public func model(id: String) -> ForecastModel? { index[id].map { models[$0] } }
}
