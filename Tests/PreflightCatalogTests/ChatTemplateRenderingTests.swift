import PreflightCatalog
import Testing

/// The rendered prompt text equals the reference renderer's, for every fixture line.
@Suite("Chat templates render the reference prompt text")
struct ChatTemplateRenderingTests {
    @Test("fixtures are present for every template")
    func everyTemplateHasFixtures() {
        let families = Set(ChatTemplateFixture.all().map(\.family))
        for template in ChatTemplate.allCases {
            #expect(families.contains(template.rawValue), "no fixture for \(template.rawValue)")
        }
        #expect(!families.contains("unreadable"))
    }

    @Test("fixture families without a renderer are exactly the documented ones")
    func unrenderedFamilies() {
        let families = Set(ChatTemplateFixture.all().filter { $0.template == nil }.map(\.family))
        #expect(families == ChatTemplateFixture.unrenderedFamilies)
    }

    @Test("rendered text matches the reference", arguments: ChatTemplateFixture.all().filter { $0.template != nil && $0.hasRendererText })
    func renderedTextMatches(_ fixture: ChatTemplateFixture) throws {
        let template = try #require(fixture.template, "unknown family \(fixture.family)")
        let chat = try Chat(json: fixture.chatJSON)
        let prompt = try chat.renderedPrompt(for: template, options: fixture.options)
        let got = Array(prompt.text.unicodeScalars)
        let want = Array(fixture.text.unicodeScalars)
        let mismatch = firstMismatch(got, want)
        #expect(mismatch == nil, "\(fixture.testDescription): \(mismatch ?? "") near \(String(String.UnicodeScalarView(got.dropFirst(max(0, firstDifference(got, want) - 20)).prefix(60))).debugDescription)")
    }
}
