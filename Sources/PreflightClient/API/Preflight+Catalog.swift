import PreflightCatalog
import PreflightTokenizer

extension Preflight {
    /// The catalog's check for `model`: the prompt counted with the model's bundled tokenizer
    /// against its context window with `max_tokens` reserved (`ModelSpec.check(_:maxTokens:)`), and
    /// the request costed from the model's published neuron rates (`RateCard.estimate`).
    ///
    /// When nothing can be decided (no window documented, no bundled tokenizer, not a token model)
    /// the assessment has no window, so the request is sent, and its warnings say why.
    /// A chat is counted as the model reads it, through its chat template (`ChatTemplate.forModel`),
    /// and so is a plain prompt to a text-generation model (sent as one user message, unless the
    /// request's parameters set `raw: true`); for a model whose template is not reproduced, only
    /// the text is counted (a lower bound, said in the warnings).
    public static func catalog(_ model: ModelSpec, billing: BillingPolicy = .workersAI) -> Preflight {
        Preflight { request in try assessment(of: request, against: model, billing: billing) }
    }

    /// Embedding inputs are checked text by text (each is embedded on its own): the assessment is
    /// that of the longest, and the estimate bills all of them.
    /// - Complexity: O(k) in the part of the prompt the tokenizer reads.
    static func assessment(of request: RunRequest, against model: ModelSpec, billing: BillingPolicy) throws
        -> PreflightAssessment
    {
        guard case .texts(let texts) = request.input, texts.count > 1 else {
            return try assessment(of: request.input.countedText, request: request, against: model, billing: billing)
        }
        var longest: PreflightAssessment?
        var totalTokens = 0
        for text in texts {
            let single = try assessment(of: text, request: request, against: model, billing: billing)
            totalTokens += single.promptTokens
            if single.overflowTokens > longest?.overflowTokens ?? -1
                || (single.overflowTokens == longest?.overflowTokens && single.promptTokens > longest?.promptTokens ?? -1)
            {
                longest = single
            }
        }
        guard var result = longest else {
            return try assessment(of: "", request: request, against: model, billing: billing)
        }
        if result.estimate != nil {
            result.estimate = estimate(model, inputTokens: totalTokens, outputTokens: 0, billing: billing)
        }
        return result
    }

    private static func assessment(
        of text: String, request: RunRequest, against model: ModelSpec, billing: BillingPolicy
    ) throws -> PreflightAssessment {
        var warnings: [String] = []
        let source: TokenCountSource
        if let name = model.tokenizer, model.task.takesTokenPrompt {
            let tokenizer: Tokenizer
            do {
                tokenizer = try BundledTokenizers.tokenizer(named: name)
            } catch {
                // Nothing can be counted, so nothing is refused; the caller is told why.
                return PreflightAssessment(
                    modelID: model.id, promptTokens: 0, maxTokens: request.maxTokens ?? model.output.defaultMaxTokens ?? 0,
                    contextWindow: nil, warnings: ["not checked: \(error)"])
            }
            if let chat = chatToRender(request, model: model), let template = ChatTemplate.forModel(id: model.id, tokenizer: name) {
                // The prompt the model reads: the chat through its template, special tokens included.
                source = try TokenCountSource(prompt: chat.renderedPrompt(for: template), tokenizer: tokenizer)
            } else {
                if case .chat = request.input {
                    warnings.append(
                        "\(model.id)'s chat template is not reproduced: only the messages' text was counted (a lower bound)")
                }
                source = TokenCountSource(text: text) { text, limit in tokenizer.count(of: text, upTo: limit) }
            }
        } else {
            source = TokenCountSource(text: text) { _, limit in .exceeds(limit) }
        }
        let check = model.check(source, maxTokens: request.maxTokens)
        warnings = check.warnings + warnings
        let decided = check.verdict == .fits || check.verdict == .overflows
        if !decided { warnings.append("not checked: \(check.verdict.rawValue)") }
        let promptTokens = check.promptTokens ?? 0
        let outputTokens = model.task.generatesTokens ? check.maxTokens : 0
        // Costed whenever the prompt was counted in full, even if the window is unknown.
        let counted = check.promptTokens != nil && !check.promptTokensIsLowerBound
        return PreflightAssessment(
            modelID: model.id, promptTokens: promptTokens, maxTokens: check.maxTokens,
            contextWindow: decided ? check.contextWindow : nil,
            estimate: counted ? estimate(model, inputTokens: promptTokens, outputTokens: outputTokens, billing: billing) : nil,
            warnings: warnings)
    }

    /// The chat the model's template is applied to: the request's chat, or — since Workers AI wraps
    /// a plain `prompt` for a text-generation model in its chat template as one user message unless
    /// `raw: true` is sent — that message. `nil` when the text is read as it is.
    private static func chatToRender(_ request: RunRequest, model: ModelSpec) -> Chat? {
        switch request.input {
        case .chat(let chat):
            return chat
        case .prompt(let text) where model.task.generatesTokens && request.parameters["raw"] != .bool(true):
            return Chat(messages: [ChatMessage(role: .user, content: text)])
        default:
            return nil
        }
    }

    /// Neurons and dollars for one request from the model's token prices; `nil` when it has none.
    static func estimate(_ model: ModelSpec, inputTokens: Int, outputTokens: Int, billing: BillingPolicy) -> RequestEstimate? {
        guard let pricing = model.pricing else { return nil }
        let units: [(PriceUnit, BillingUnit)] = [
            (.inputTokensPerMillion, .inputTokens), (.outputTokensPerMillion, .outputTokens),
        ]
        let rates = units.compactMap { priceUnit, billingUnit in
            pricing.item(for: priceUnit).map {
                UnitRate(unit: billingUnit, neuronsPerQuote: Neurons($0.neurons), publishedDollarsPerQuote: Dollars($0.usd))
            }
        }
        guard !rates.isEmpty else { return nil }
        let cost = RateCard(modelID: model.id, rates: rates).estimate(
            BillableUsage(inputTokens: inputTokens, outputTokens: outputTokens), policy: billing)
        return RequestEstimate(inputTokens: inputTokens, outputTokens: outputTokens, neurons: cost.neurons, dollars: cost.dollars)
    }
}
