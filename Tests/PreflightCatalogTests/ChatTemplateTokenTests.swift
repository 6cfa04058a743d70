import PreflightCatalog
import PreflightTokenizer
import Testing

/// The rendered prompt encodes to the reference renderer's token ids, id for id.
@Suite("Chat templates encode to the reference token ids")
struct ChatTemplateTokenTests {
    @Test("token ids match the reference", arguments: ChatTemplateFixture.all().filter { $0.template != nil })
    func idsMatch(_ fixture: ChatTemplateFixture) throws {
        let template = try #require(fixture.template, "unknown family \(fixture.family)")
        let tokenizer = try BundledTokenizers.tokenizer(named: template.tokenizerName)
        let prompt = try Chat(json: fixture.chatJSON).renderedPrompt(for: template, options: fixture.options)
        let got = try tokenizer.encode(prompt).map(\.rawValue)
        #expect(got == fixture.ids, "\(fixture.testDescription): \(firstMismatch(got, fixture.ids) ?? "")")
        #expect(try tokenizer.count(of: prompt) == fixture.ids.count)
        #expect(try tokenizer.count(of: prompt, upTo: fixture.ids.count) == .exact(fixture.ids.count))
        #expect(try tokenizer.count(of: prompt, upTo: fixture.ids.count - 1) == .exceeds(fixture.ids.count - 1))
    }
}
