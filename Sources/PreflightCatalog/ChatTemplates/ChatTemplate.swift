/// The chat templates Preflight renders exactly, one per model family on Workers AI.
///
/// Each case reproduces its reference renderer: the Hugging Face `chat_template` of the model
/// (Jinja, as transformers runs it), mistral-common for Mistral, openai-harmony for gpt-oss. The
/// result is a `ChatPrompt` of special tokens and text, so the prompt encodes to the exact ids the
/// model receives. Fixtures from those renderers live in `Tests/PreflightCatalogTests/Fixtures/chat/`.
public enum ChatTemplate: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Llama 2 chat: `<s>[INST] <<SYS>>\n…\n<</SYS>>\n\n… [/INST] … </s>`.
    case llama2 = "llama2"
    /// Llama 3 (3.0) headers: `<|start_header_id|>role<|end_header_id|>\n\n…<|eot_id|>`.
    case llama3 = "llama3"
    /// Llama 3.1 and 3.3: Llama 3 headers plus the system preamble ("Cutting Knowledge Date …
    /// Today Date: 26 Jul 2024" unless `options.date` is set) and JSON tool calling.
    case llama3_1 = "llama3.1"
    /// Llama 3.2: as 3.1, but the date defaults to today (`strftime_now`).
    case llama3_2 = "llama3.2"
    /// Llama 4: `<|header_start|>role<|header_end|>\n\n…<|eot|>`.
    case llama4 = "llama4"
    /// Mistral v1 SentencePiece (Mistral 7B Instruct v0.1/v0.2): `<s>[INST] … [/INST]…</s>`,
    /// the system prompt folded into the first user turn; every piece encoded on its own, as
    /// mistral-common does.
    case mistralV1 = "mistral-v1"
    /// Mistral Tekken, instruct v7 (Mistral Small 3.1): `[SYSTEM_PROMPT]…[/SYSTEM_PROMPT]`,
    /// `[INST]…[/INST]`, `[AVAILABLE_TOOLS]`, `[TOOL_CALLS]`, `[TOOL_RESULTS]` as control tokens.
    case mistralTekkenV7 = "mistral-v7-tekken"
    /// Qwen 2.5 ChatML, with its default system prompt when none is given and `<tools>` tool calling.
    case qwen2_5 = "qwen2.5"
    /// Qwen 3 ChatML: no default system prompt, `<think>` handling, `enable_thinking`.
    case qwen3 = "qwen3"
    /// QwQ ChatML: Qwen 2.5's layout without a default system prompt, reasoning dropped from history,
    /// a generation prompt that opens `<think>`.
    case qwq = "qwq"
    /// Gemma 3 turns: `<start_of_turn>user\n…<end_of_turn>\n`, the system prompt folded into the first user turn.
    case gemma3 = "gemma3"
    /// gpt-oss harmony: a system message (identity, knowledge cutoff, date, reasoning effort,
    /// channels), a developer message for instructions and tools, `<|start|>role<|message|>…<|end|>`.
    case gptOSS = "gpt-oss"
    /// BERT-style embedding models (bge): each message's text encoded alone as `[CLS] … [SEP]`,
    /// as an embedding request's `text` array is.
    case bert = "bert"

    /// The template's name, as used in fixtures and on the command line.
    public var description: String { rawValue }

    /// Applies the template to `chat`, giving the exact prompt the model receives.
    /// - Complexity: O(n) in the size of the chat.
    public func render(_ chat: Chat, options: ChatRenderOptions = ChatRenderOptions()) throws(ChatError) -> ChatPrompt {
        guard !chat.messages.isEmpty else {
            throw .invalidValue(pointer: chat.messagesPointer, reason: "a chat needs at least one message")
        }
        var context = ChatRenderContext(chat: chat, template: self, options: options)
        switch self {
        case .llama2: try context.renderLlama2()
        case .llama3: try context.renderLlama3()
        case .llama3_1: try context.renderLlama31(defaultDate: options.date ?? ChatDate(year: 2024, month: 7, day: 26))
        case .llama3_2: try context.renderLlama31(defaultDate: options.date ?? ChatDate.today())
        case .llama4: try context.renderLlama4()
        case .mistralV1: try context.renderMistralV1()
        case .mistralTekkenV7: try context.renderMistralTekkenV7()
        case .qwen2_5: try context.renderQwen25()
        case .qwen3: try context.renderQwen3()
        case .qwq: try context.renderQwQ()
        case .gemma3: try context.renderGemma3()
        case .gptOSS: try context.renderHarmony()
        case .bert: try context.renderBERT()
        }
        return context.prompt
    }
}

extension Chat {
    /// The prompt `template` makes of this chat: what the model actually reads.
    /// - Complexity: O(n) in the size of the chat.
    public func renderedPrompt(for template: ChatTemplate, options: ChatRenderOptions = ChatRenderOptions()) throws(ChatError) -> ChatPrompt {
        try template.render(self, options: options)
    }
}

/// Settings that change a rendering, as the reference renderers' keyword arguments do.
public struct ChatRenderOptions: Sendable, Equatable {
    /// How hard gpt-oss should think; printed in its system message.
    public enum ReasoningEffort: String, Sendable, CaseIterable {
        case low, medium, high
    }

    /// Whether to end with the assistant's header so the model replies (`add_generation_prompt`).
    /// Templates without one (Llama 2, Mistral, BERT) ignore it. It counts: it is part of the input.
    public var addsGenerationPrompt: Bool
    /// The date printed by templates that print one (Llama 3.1–3.2, gpt-oss). `nil` uses the
    /// template's own default: 26 Jul 2024 for Llama 3.1 (`date_string`), today (UTC) otherwise.
    public var date: ChatDate?
    /// Qwen 3's `enable_thinking`: `false` appends an empty `<think>\n\n</think>\n\n` to the generation prompt.
    public var enablesThinking: Bool
    /// gpt-oss reasoning effort.
    public var reasoningEffort: ReasoningEffort
    /// gpt-oss: whether the system message has a "Current date" line. openai-harmony prints it only
    /// when the conversation has a start date; vLLM sets one, so the default is `true`.
    public var includesDate: Bool

    /// Options with the reference renderers' defaults.
    public init(addsGenerationPrompt: Bool = true, date: ChatDate? = nil, enablesThinking: Bool = true,
                reasoningEffort: ReasoningEffort = .medium, includesDate: Bool = true) {
        self.addsGenerationPrompt = addsGenerationPrompt
        self.date = date
        self.enablesThinking = enablesThinking
        self.reasoningEffort = reasoningEffort
        self.includesDate = includesDate
    }
}
