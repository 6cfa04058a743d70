import PreflightCatalog
import PreflightTokenizer
import Testing

/// Which template a catalog model gets, and that chats plug into `model.check`.
@Suite("Chat templates for catalog models")
struct ChatTemplateModelTests {
    static let expected: [(String, ChatTemplate?)] = [
        ("@cf/meta/llama-2-7b-chat-fp16", .llama2),
        ("@cf/meta/llama-3-8b-instruct", .llama3),
        ("@cf/meta/llama-3.1-8b-instruct", .llama3_1),
        ("@cf/meta/llama-3.3-70b-instruct-fp8-fast", .llama3_1),
        ("@cf/meta/llama-3.2-3b-instruct", .llama3_2),
        ("@cf/meta/llama-3.2-11b-vision-instruct", nil),
        ("@cf/meta/llama-guard-3-8b", nil),
        ("@cf/meta/llama-4-scout-17b-16e-instruct", .llama4),
        ("@hf/mistral/mistral-7b-instruct-v0.2", .mistralV1),
        ("@hf/thebloke/openhermes-2.5-mistral-7b-awq", nil),
        ("@cf/mistralai/mistral-small-3.1-24b-instruct", .mistralTekkenV7),
        ("@cf/qwen/qwen2.5-coder-32b-instruct", .qwen2_5),
        ("@cf/qwen/qwen3-30b-a3b-fp8", .qwen3),
        ("@cf/qwen/qwq-32b", .qwq),
        ("@cf/qwen/qwen1.5-7b-chat-awq", nil),
        ("@cf/google/gemma-3-12b-it", .gemma3),
        ("@cf/openai/gpt-oss-120b", .gptOSS),
        ("@cf/baai/bge-base-en-v1.5", .bert),
    ]

    @Test("representative models map to their template", arguments: expected)
    func mapping(_ id: String, _ template: ChatTemplate?) throws {
        let spec = try Catalog.bundled().model(id: id)
        let tokenizer = try #require(spec.tokenizer)
        #expect(ChatTemplate.forModel(id: spec.id, tokenizer: tokenizer) == template)
    }

    @Test("every mapped template uses the model's own tokenizer")
    func mappedTemplatesAgreeWithTokenizers() throws {
        for spec in try Catalog.bundled().models {
            guard let tokenizer = spec.tokenizer, let template = ChatTemplate.forModel(id: spec.id, tokenizer: tokenizer) else { continue }
            #expect(template.tokenizerName == tokenizer, "\(spec.id): \(template) needs \(template.tokenizerName), the catalog says \(tokenizer)")
        }
    }

    @Test("a chat plugs into model.check with its template's exact count")
    func chatCheck() throws {
        let spec = try Catalog.bundled().model(id: "@cf/meta/llama-3.1-8b-instruct")
        let tokenizer = try BundledTokenizers.tokenizer(named: "llama3")
        let chat = try Chat(jsonText: #"[{"role": "system", "content": "You are a concise assistant."}, {"role": "user", "content": "What is the capital of France?"}]"#)
        let prompt = try chat.renderedPrompt(for: .llama3_1)
        // 48 = the reference ids of llama3.1.templates.jsonl line 2 (same chat).
        let check = spec.check(try TokenCountSource(prompt: prompt, tokenizer: tokenizer), maxTokens: 100)
        #expect(check.promptTokens == 48)
        #expect(check.verdict == .fits)
    }

    @Test("model.check(chat) renders with the model's template")
    func modelCheckChat() throws {
        let catalog = try Catalog.bundled()
        let chat = try Chat(jsonText: #"[{"role": "system", "content": "You are a concise assistant."}, {"role": "user", "content": "What is the capital of France?"}]"#)
        let llama = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct")
        #expect(llama.chatTemplate == .llama3_1)
        #expect(try llama.check(chat, maxTokens: 100).promptTokens == 48)
        // qwen3.templates.jsonl line 2: the same chat, 26 ids.
        #expect(try catalog.model(id: "@cf/qwen/qwen3-30b-a3b-fp8").check(chat, maxTokens: 100).promptTokens == 26)
        let guardModel = try catalog.model(id: "@cf/meta/llama-guard-3-8b")
        #expect(throws: ChatError.noTemplate(modelID: "@cf/meta/llama-guard-3-8b")) { try guardModel.check(chat) }
        #expect(try guardModel.check(chat, maxTokens: 100, template: .llama3_1).promptTokens == 48)
    }

    @Test("special-token literals inside a message are counted as text, the template's own as one id")
    func literalsInContentStayText() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "llama3")
        let chat = try Chat(jsonText: #"[{"role": "user", "content": "<|eot_id|>"}]"#)
        let prompt = try chat.renderedPrompt(for: .llama3)
        let ids = try tokenizer.encode(prompt).map(\.rawValue)
        // <|begin_of_text|> <|start_header_id|> user <|end_header_id|> \n\n + "<|eot_id|>" as text + <|eot_id|> + header
        #expect(ids.filter { $0 == 128009 }.count == 1)
        let literal = tokenizer.encode("\n\n<|eot_id|>").map(\.rawValue)
        #expect(literal.count > 1)
        #expect(ids.count == 1 + 3 + literal.count + 1 + 4, "begin, user header, text, eot, assistant header")
    }

    @Test("a prompt rendered for one family is refused by another family's tokenizer")
    func mismatchedTokenizer() throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: "qwen2")
        let prompt = try Chat(jsonText: #"[{"role": "user", "content": "hi"}]"#).renderedPrompt(for: .llama3)
        #expect(throws: ChatError.missingSpecialToken("<|begin_of_text|>")) { try tokenizer.encode(prompt) }
    }
}
