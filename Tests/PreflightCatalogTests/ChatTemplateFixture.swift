import Foundation
import PreflightCatalog
import Testing

/// One line of `Fixtures/chat/*.jsonl`: a chat, the reference renderer's prompt text and token ids.
struct ChatTemplateFixture: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let family: String
    let source: String
    /// `{"messages": …, "tools": …}` rebuilt from the line, read the way `--messages` input is.
    let chatJSON: ChatJSON
    let options: ChatRenderOptions
    let text: String
    let ids: [UInt32]

    var testDescription: String { "\(family) \(file):\(line)" }

    /// The template the fixture's family names, or `nil` for a family this package does not render.
    var template: ChatTemplate? { ChatTemplate(rawValue: family) ?? Self.resourceFamilies[family] ?? nil }

    /// The family names of `Scripts/generate_chat_fixtures.py` (the resources helper's fixtures),
    /// mapped to templates; `nil` marks the families not rendered here (see `unrenderedFamilies`).
    static let resourceFamilies: [String: ChatTemplate?] = [
        "bge": .bert, "gemma-3": .gemma3, "gpt-oss": .gptOSS, "llama-2": .llama2, "llama-3.1": .llama3_1,
        "llama-3.2": .llama3_2, "llama-3.3": .llama3_1, "llama-4": .llama4, "mistral-small-3": .mistralTekkenV7,
        "mistral-v1": .mistralV1, "qwen2.5": .qwen2_5, "qwen3": .qwen3,
        "qwq": .qwq, "deepseek-r1-distill-qwen": nil, "gpt-oss-hf": nil,
    ]

    /// Families with fixtures but no renderer here: DeepSeek-R1 distills (their special tokens are not
    /// in the bundled qwen2 tokenizer), gpt-oss through llama.cpp's Jinja (gpt-oss follows
    /// openai-harmony instead).
    static let unrenderedFamilies: Set<String> = ["deepseek-r1-distill-qwen", "gpt-oss-hf"]

    /// Whether `text` is the renderer's own string. mistral-common returns ids; the resources
    /// fixtures rebuild their `text` by decoding (SentencePiece drops word-start spaces), so only
    /// their ids are compared.
    var hasRendererText: Bool { !(file.hasPrefix("mistral-") && !file.hasSuffix(".templates.jsonl")) }

    /// Every fixture line under `Fixtures/chat/`, in file and line order. A line that cannot be read
    /// becomes a fixture whose family is `unreadable`, so the parity test fails on it visibly.
    static func all() -> [ChatTemplateFixture] {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/chat"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var fixtures: [ChatTemplateFixture] = []
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.isEmpty {
                fixtures.append(fixture(from: line, file: name, line: index + 1))
            }
        }
        return fixtures
    }

    private static func fixture(from bytes: Data.SubSequence, file: String, line: Int) -> ChatTemplateFixture {
        let unreadable = ChatTemplateFixture(file: file, line: line, family: "unreadable", source: "", chatJSON: .null,
                                             options: ChatRenderOptions(), text: "", ids: [])
        guard let value = try? ChatJSON(parsing: Array(bytes)), let family = value["family"]?.stringValue,
              let messages = value["messages"], let text = value["text"]?.stringValue,
              let idValues = value["ids"]?.arrayElements else { return unreadable }
        var members: [(key: String, value: ChatJSON)] = [("messages", messages)]
        if let tools = value["tools"] { members.append(("tools", tools)) }
        var options = ChatRenderOptions()
        if let given = value["options"] {
            if case .bool(let flag)? = given["add_generation_prompt"] { options.addsGenerationPrompt = flag }
            if case .bool(let flag)? = given["enable_thinking"] { options.enablesThinking = flag }
            if let date = (given["date"] ?? given["strftime_now"])?.stringValue { options.date = ChatDate(iso: date) }
            if let effort = given["reasoning_effort"]?.stringValue, let parsed = ChatRenderOptions.ReasoningEffort(rawValue: effort) {
                options.reasoningEffort = parsed
            }
        }
        // openai-harmony without a conversation start date prints no date line.
        if family == "gpt-oss", options.date == nil { options.includesDate = false }
        // llama.cpp's QwQ template reads an absent enable_thinking as false.
        if family == "qwq", value["options"]?["enable_thinking"] == nil { options.enablesThinking = false }
        var ids: [UInt32] = []
        for id in idValues {
            guard case .number(let lexeme) = id, let number = UInt32(lexeme) else { return unreadable }
            ids.append(number)
        }
        return ChatTemplateFixture(file: file, line: line, family: family, source: value["template_source"]?.stringValue ?? "",
                                   chatJSON: .object(members), options: options, text: text, ids: ids)
    }
}

/// Where two sequences first differ, for failure messages.
func firstMismatch<T: Equatable>(_ got: [T], _ want: [T]) -> String? {
    for index in 0..<min(got.count, want.count) where got[index] != want[index] {
        return "first mismatch at index \(index): got \(got[index]), want \(want[index]) (lengths \(got.count) vs \(want.count))"
    }
    return got.count == want.count ? nil : "lengths differ: got \(got.count), want \(want.count)"
}

/// The index of the first difference (or the shorter length).
func firstDifference<T: Equatable>(_ got: [T], _ want: [T]) -> Int {
    (0..<min(got.count, want.count)).first(where: { got[$0] != want[$0] }) ?? min(got.count, want.count)
}
