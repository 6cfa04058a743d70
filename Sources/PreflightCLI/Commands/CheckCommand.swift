import ArgumentParser
import Foundation
import PreflightCatalog
import PreflightTokenizer

/// `preflight check`: does a prompt plus the requested reply fit the model's context window?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that a prompt plus max_tokens fits a model's context window.",
        discussion: """
            Exit status: 0 it fits; 1 it does not (the report says how much to cut); 2 bad input \
            (unknown model, unreadable file, invalid UTF-8), or nothing could be decided: the model's \
            context window is unknown, no tokenizer is bundled for it, or it takes no token prompt. \
            Without --max-tokens the platform default (256 for most text models) is reserved, with a \
            warning. legacy_character_limit_exceeded tells whether the pre-2025 rule of 6,144 \
            characters (a figure from the project brief, not from a Cloudflare document) would have \
            refused the prompt.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "The Workers AI model id, e.g. @cf/meta/llama-3.1-8b-instruct.")
    var model: String

    @Option(name: .customLong("max-tokens"), help: "The max_tokens the request will send (default: the platform default).")
    var maxTokens: Int?

    @Flag(help: "The input is a JSON chat ([{role, content}…] or {messages, tools…}), counted after the chat template.")
    var messages = false

    @Option(help: "With --messages: the chat template (default: the model's).")
    var template: ChatTemplate?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .customLong("trimmed-output"), help: "When the prompt does not fit, write the longest prefix that does to this file.")
    var trimmedOutput: String?

    @Argument(help: "Input file, or - for standard input (the default).")
    var input: InputSource = .standardInput

    func validate() throws {
        if let maxTokens, maxTokens < 0 { throw ValidationError("--max-tokens must be 0 or more, not \(maxTokens)") }
    }

    func run() throws {
        let spec = try Catalog.bundled().model(id: model)
        if messages {
            try report(try checkChat(spec), for: spec)
            return
        }
        let prompt = try input.readText()
        if let image = spec.checkImagePrompt(prompt) {
            try report(image)
            return
        }
        let check: PreflightCheck
        var counter: (@Sendable (String, Int) -> TokenCount)?
        if let name = spec.tokenizer, spec.task.takesTokenPrompt {
            let tokenizer = try BundledTokenizers.tokenizer(named: name)
            let count: @Sendable (String, Int) -> TokenCount = { tokenizer.count(of: $0, upTo: $1) }
            counter = count
            check = spec.check(TokenCountSource(text: prompt, counting: count), maxTokens: maxTokens)
                .adding(warning: Self.templateNote(for: spec))
        } else {
            check = spec.check(TokenCountSource(text: prompt) { _, limit in .exceeds(limit) }, maxTokens: maxTokens)
        }
        if check.verdict == .overflows, let trimmedOutput, let counter, let budget = check.promptBudgetTokens, budget > 0 {
            let trimmed = prompt.truncated(toTokens: budget, counting: counter)
            guard FileManager.default.createFile(atPath: trimmedOutput, contents: Data(trimmed.utf8)) else {
                throw InputError.unreadable(path: trimmedOutput)
            }
        }
        try report(check, for: spec)
    }

    /// What one request costs with this prompt and the reserved `max_tokens` as the reply (the worst
    /// case), or `nil` when the request would be refused (it does not fit) or the model has no published price.
    private static func estimate(for check: PreflightCheck, on spec: ModelSpec) -> CostEstimate? {
        guard check.verdict == .fits, let promptTokens = check.promptTokens else { return nil }
        let rateCard = spec.rateCard
        guard rateCard.isPriced else { return nil }
        return rateCard.estimate(BillableUsage(inputTokens: promptTokens, outputTokens: check.maxTokens))
    }

    /// A note that a plain prompt is counted as given, before Workers AI wraps it in the chat template.
    private static func templateNote(for spec: ModelSpec) -> String? {
        spec.task.generatesTokens
            ? "counted as plain text: Workers AI wraps a prompt in the model's chat template (a few more tokens) unless raw is set; use --messages for the exact chat count"
            : nil
    }

    /// `--messages`: the chat rendered through the model's template, counted exactly.
    private func checkChat(_ spec: ModelSpec) throws -> PreflightCheck {
        if trimmedOutput != nil {
            throw ValidationError("--trimmed-output trims plain-text prompts; with --messages, drop messages instead")
        }
        guard let chat = try ChatInput.chats(from: input, jsonl: false).first else {
            throw ValidationError("no chat in the input")
        }
        guard let name = spec.tokenizer, spec.task.takesTokenPrompt else {
            return spec.check(TokenCountSource(characterCount: 0) { limit in .exceeds(limit) }, maxTokens: maxTokens)
        }
        let chosen = try ChatInput.template(explicit: template, modelID: spec.id, tokenizer: name)
        let prompt = try chat.renderedPrompt(for: chosen)
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        return spec.check(try TokenCountSource(prompt: prompt, tokenizer: tokenizer), maxTokens: maxTokens)
    }

    private func report(_ check: PreflightCheck, for spec: ModelSpec) throws {
        let estimate = Self.estimate(for: check, on: spec)
        switch format {
        case .json: try JSONOutput.printLine(CheckReport(check, estimate: estimate))
        case .text: print(CheckReport.text(check, estimate: estimate, trimmedTo: check.verdict == .overflows ? trimmedOutput : nil))
        }
        switch check.verdict {
        case .fits: return
        case .overflows: throw CLIFailure.answerIsNo
        case .unknownContextWindow, .noTokenizer, .notATokenModel:
            FileHandle.standardError.write(Data("preflight: cannot check \(check.modelID): \(CheckReport.undecidedReason(check))\n".utf8))
            throw CLIFailure.badInput
        }
    }

    private func report(_ image: ImagePromptCheck) throws {
        switch format {
        case .json: try JSONOutput.printLine(ImageCheckReport(image))
        case .text: print(ImageCheckReport.text(image))
        }
        if !image.fits { throw CLIFailure.answerIsNo }
    }
}
