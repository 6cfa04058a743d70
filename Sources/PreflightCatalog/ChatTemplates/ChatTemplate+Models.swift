extension ChatTemplate {
    /// One mapping rule: models whose tokenizer is `tokenizer` and whose catalog id contains every
    /// string of `idContains` (case-insensitive) use `template`. The first matching rule wins.
    struct ModelRule: Sendable {
        let tokenizer: String
        let idContains: [String]
        let template: ChatTemplate?
    }

    /// Which template each Workers AI model family uses. Keyed by the bundled tokenizer name, then
    /// refined by the model id, since one vocabulary serves several templates (Llama 3.0/3.1/3.2,
    /// Qwen 2.5/3, Mistral v1 and its ChatML or Zephyr fine-tunes). Models no rule names (Llama
    /// Guard, Llama 3.2 Vision, Qwen 1.5, DeepSeek-R1 distills, Gemma 4, OpenHermes, Zephyr,
    /// Starling, TinyLlama, SQLCoder, …) get `nil`: their templates are not reproduced here, and
    /// callers refuse rather than guess.
    static let modelRules: [ModelRule] = [
        ModelRule(tokenizer: "llama2", idContains: ["llama-2-", "-chat"], template: .llama2),
        ModelRule(tokenizer: "llama3", idContains: ["guard"], template: nil),
        ModelRule(tokenizer: "llama3", idContains: ["vision"], template: nil),
        ModelRule(tokenizer: "llama3", idContains: ["llama-3.1-"], template: .llama3_1),
        ModelRule(tokenizer: "llama3", idContains: ["llama-3.3-"], template: .llama3_1),
        ModelRule(tokenizer: "llama3", idContains: ["llama-3.2-"], template: .llama3_2),
        ModelRule(tokenizer: "llama3", idContains: ["llama-3-"], template: .llama3),
        ModelRule(tokenizer: "llama4", idContains: ["llama-4-"], template: .llama4),
        ModelRule(tokenizer: "mistral-v1", idContains: ["mistral-7b-instruct"], template: .mistralV1),
        ModelRule(tokenizer: "tekken", idContains: ["mistral-small-3"], template: .mistralTekkenV7),
        ModelRule(tokenizer: "qwen2", idContains: ["qwen3-", "-a3b"], template: .qwen3),
        ModelRule(tokenizer: "qwen2", idContains: ["qwen2.5-"], template: .qwen2_5),
        ModelRule(tokenizer: "qwen2", idContains: ["qwq-"], template: .qwq),
        ModelRule(tokenizer: "gemma3", idContains: ["gemma-3-"], template: .gemma3),
        ModelRule(tokenizer: "gemma3", idContains: ["gemma-sea-lion-v4"], template: .gemma3),
        ModelRule(tokenizer: "o200k_harmony", idContains: ["gpt-oss"], template: .gptOSS),
        ModelRule(tokenizer: "o200k_base", idContains: ["gpt-oss"], template: .gptOSS),
        ModelRule(tokenizer: "bert-base-uncased", idContains: [], template: .bert),
    ]

    /// The chat template of a catalog model, from its tokenizer name and id; `nil` when Preflight
    /// does not reproduce that model's template exactly.
    /// - Complexity: O(r) in the number of rules.
    public static func forModel(id: String, tokenizer: String) -> ChatTemplate? {
        let lowered = id.lowercased()
        for rule in modelRules where rule.tokenizer == tokenizer {
            if rule.idContains.allSatisfy({ lowered.contains($0) }) { return rule.template }
        }
        return nil
    }
}

extension ChatTemplate {
    /// The bundled tokenizer (a `BundledTokenizers` name) whose special tokens this template uses.
    public var tokenizerName: String {
        switch self {
        case .llama2: return "llama2"
        case .llama3, .llama3_1, .llama3_2: return "llama3"
        case .llama4: return "llama4"
        case .mistralV1: return "mistral-v1"
        case .mistralTekkenV7: return "tekken"
        case .qwen2_5, .qwen3, .qwq: return "qwen2"
        case .gemma3: return "gemma3"
        case .gptOSS: return "o200k_harmony"
        case .bert: return "bert-base-uncased"
        }
    }
}

extension ChatTemplate {
    /// The template to assume when only a tokenizer is named (`count --tokenizer llama3 --messages`):
    /// the one most Workers AI models on that vocabulary use (Llama 3.1/3.3 for `llama3`, Qwen 2.5
    /// for `qwen2`, gpt-oss for the o200k vocabularies). `nil` when no bundled model family fits.
    public static func defaultTemplate(forTokenizer name: String) -> ChatTemplate? {
        switch name {
        case "llama2": return .llama2
        case "llama3": return .llama3_1
        case "llama4": return .llama4
        case "mistral-v1": return .mistralV1
        case "tekken": return .mistralTekkenV7
        case "qwen2": return .qwen2_5
        case "gemma3": return .gemma3
        case "o200k_harmony", "o200k_base": return .gptOSS
        case "bert-base-uncased": return .bert
        default: return nil
        }
    }
}
