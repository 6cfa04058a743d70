import PreflightCatalog
import PreflightTokenizer
import Testing

/// The rendered prompt encodes to the reference renderer's token ids, id for id.
@Suite("Chat templates encode to the reference token ids")
struct ChatTemplateTokenTests {
    @Test("token ids match the reference", arguments: ChatTemplateFixture.all().filter { $0.template != nil })
    func idsMatch(_ fixture: ChatTemplateFixture) throws {
        let template = try #require(fixture.template, "unknown family \(fixture.family)")
        let loaded = Self.tokenizer(named: template.tokenizerName)
        guard let tokenizer = loaded.tokenizer else {
            // SentencePiece/WordPiece loading arrives on its own branch; until then those families
            // are a known gap, reported as such and never as a pass.
            withKnownIssue("tokenizer \(template.tokenizerName) not loadable in this build: \(loaded.problem)") {
                Issue.record("cannot encode \(fixture.testDescription)")
            }
            return
        }
        let prompt = try Chat(json: fixture.chatJSON).renderedPrompt(for: template, options: fixture.options)
        let got = try tokenizer.encode(prompt).map(\.rawValue)
        if fixture.family == "qwen2.5", fixture.ids.contains(151_665) {
            // Scripts/generate_chat_fixtures.py encodes Qwen 2.5 prompts with the bundled qwen2 tokenizer,
            // whose specials are Qwen 3's 26; Qwen 2.5's own tokenizer has 22 (151643-151664) and no
            // <tool_response> (151665), so HF encodes it as text, as this rendering does.
            withKnownIssue("resources fixture: <tool_response> is not a Qwen 2.5 token") {
                #expect(got == fixture.ids)
            }
            return
        }
        #expect(got == fixture.ids, "\(fixture.testDescription): \(firstMismatch(got, fixture.ids) ?? "")")
        #expect(try tokenizer.count(of: prompt) == fixture.ids.count)
        #expect(try tokenizer.count(of: prompt, upTo: fixture.ids.count) == .exact(fixture.ids.count))
        #expect(try tokenizer.count(of: prompt, upTo: fixture.ids.count - 1) == .exceeds(fixture.ids.count - 1))
    }

    /// The bundled tokenizer, or why it cannot be loaded (an unsupported kind is the only expected reason).
    static func tokenizer(named name: String) -> (tokenizer: Tokenizer?, problem: String) {
        do {
            return (try BundledTokenizers.tokenizer(named: name), "")
        } catch {
            if case .unsupportedEntry = error { return (nil, error.description) }
            return (nil, "unexpected: \(error.description)")
        }
    }
}
