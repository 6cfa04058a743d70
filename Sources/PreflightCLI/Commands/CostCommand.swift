import ArgumentParser
import Foundation
import PreflightCatalog
import PreflightTokenizer

/// `preflight cost`: neurons and dollars of a request, before and after the daily free allocation;
/// with `--compare`, the same request on every model that can run it, cheapest first.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Estimate the neurons and dollars of a request (or --requests of them) on a model.",
        discussion: """
            The prompt's tokens are counted exactly with the model's tokenizer (or given with \
            --input-tokens). Without --output-tokens the model's default max_tokens is assumed (the \
            worst case) and the output says so. Billing: $0.011 per 1,000 neurons after 10,000 free \
            neurons per UTC day (usd_after_free_allocation assumes all --requests fall on one day). \
            Neurons and dollars are exact decimals in JSON; text shows dollars rounded half-to-even to \
            6 places. Image, audio and speech models: give --quantity UNIT=N (units: \
            \(BillingUnit.allCases.map(\.rawValue).joined(separator: ", "))); a text-to-speech prompt \
            is counted in characters. "exact": false (with "reason") when the tokenizer is a stand-in \
            or a price is unknown.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The Workers AI model id, e.g. @cf/meta/llama-3.2-1b-instruct.")
    var model: String

    @Option(name: .customLong("input-tokens"), help: "Prompt tokens per request (instead of reading a prompt).")
    var inputTokens: Int?

    @Option(name: .customLong("output-tokens"), help: "Output tokens per request (default: the model's max_tokens, the worst case).")
    var outputTokens: Int?

    @Option(name: .customLong("cached-input-tokens"), help: "Of the prompt tokens, how many are billed as cached input.")
    var cachedInputTokens: Int = 0

    @Option(name: .customLong("quantity"), help: "Another billed quantity per request, UNIT=N (e.g. image_tiles=4, steps=4, audio_minutes=1.5). Repeatable.")
    var quantities: [QuantityArgument] = []

    @Option(help: "How many such requests (default 1).")
    var requests: Int = 1

    @Flag(help: "The input is a JSON chat; count the prompt after the model's chat template.")
    var messages = false

    @Flag(help: "Also cost the request on every current model of the same task that it fits, cheapest first (with --messages: the models whose chat template Preflight reproduces).")
    var compare = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: "Prompt file, or - for standard input (the default when --input-tokens is not given).")
    var input: InputSource?

    func validate() throws {
        if let inputTokens, inputTokens < 0 { throw ValidationError("--input-tokens must be 0 or more, not \(inputTokens)") }
        if let outputTokens, outputTokens < 0 { throw ValidationError("--output-tokens must be 0 or more, not \(outputTokens)") }
        if cachedInputTokens < 0 { throw ValidationError("--cached-input-tokens must be 0 or more, not \(cachedInputTokens)") }
        if requests < 0 { throw ValidationError("--requests must be 0 or more, not \(requests)") }
        if inputTokens != nil, input != nil { throw ValidationError("give either --input-tokens or a prompt FILE, not both") }
        if let inputTokens, cachedInputTokens > inputTokens {
            throw ValidationError("--cached-input-tokens (\(cachedInputTokens)) exceeds --input-tokens (\(inputTokens))")
        }
    }

    func run() throws {
        let catalog = try Catalog.bundled()
        let spec = try catalog.model(id: model)
        let policy = BillingPolicy(catalog.billing)
        let measured = try measure(spec)
        var usage = BillableUsage()
        var caveats = measured.caveats
        let output: Int?
        if spec.task.generatesTokens {
            output = outputTokens ?? spec.assumedMaxTokens
            if outputTokens == nil { caveats.append(.outputTokensAssumed(maxTokens: spec.assumedMaxTokens)) }
        } else {
            output = outputTokens
        }
        if let tokens = measured.tokens {
            usage = BillableUsage(inputTokens: tokens, outputTokens: output ?? 0, cachedInputTokens: min(cachedInputTokens, tokens))
        }
        if let characters = measured.characters { usage[.characters] = Decimal(characters) }
        for quantity in quantities { usage[quantity.unit] = quantity.value }
        guard !usage.units.isEmpty || measured.tokens != nil else {
            let units = spec.rateCard.rates.map(\.unit.rawValue).joined(separator: ", ")
            throw ValidationError("\(spec.id) is priced per \(units.isEmpty ? "nothing published" : units); give --quantity UNIT=N")
        }
        let estimate = spec.rateCard.estimate(usage, requests: requests, policy: policy, caveats: caveats)
        var comparison: [CostComparisonEntry]?
        if compare {
            comparison = try compareModels(catalog: catalog, spec: spec, measured: measured, policy: policy)
        }
        let report = CostReport(estimate: estimate, spec: spec, policy: policy, tokens: measured.tokens, outputTokens: output,
                                outputAssumed: outputTokens == nil && spec.task.generatesTokens, tokenizer: measured.tokenizer,
                                comparison: comparison)
        switch format {
        case .json: try JSONOutput.printLine(report)
        case .text: print(report.text, terminator: "")
        }
    }

    /// What was measured of the prompt: tokens (text models), characters (speech), and how.
    struct Measurement {
        var tokens: Int?
        var characters: Int?
        var text: String?
        var chat: Chat?
        var tokenizer: String?
        var caveats: [CostCaveat] = []
    }

    private func measure(_ spec: ModelSpec) throws -> Measurement {
        if let inputTokens { return Measurement(tokens: inputTokens) }
        let needsPrompt = spec.task.takesTokenPrompt || spec.task == .textToSpeech
        guard needsPrompt else {
            if let input { throw ValidationError("\(spec.id) (\(spec.task.rawValue)) is not priced by its prompt; drop \(input.displayName) and give --quantity UNIT=N") }
            return Measurement()
        }
        if messages {
            guard spec.task.generatesTokens, let name = spec.tokenizer, spec.tokenizerExactness != .none else {
                throw ValidationError("--messages needs a chat model with a bundled tokenizer; \(spec.id) has none (give --input-tokens N)")
            }
            let chat = try ChatInput.chats(from: input ?? .standardInput, jsonl: false)[0]
            let template = try ChatInput.template(explicit: nil, modelID: spec.id, tokenizer: name)
            let count = try BundledTokenizers.tokenizer(named: name).count(of: chat, template: template)
            return Measurement(tokens: count, chat: chat, tokenizer: name, caveats: spec.tokenCountCaveats)
        }
        let text = try (input ?? .standardInput).readText()
        if spec.task == .textToSpeech {
            return Measurement(characters: text.unicodeScalars.count, text: text)
        }
        guard let name = spec.tokenizer, spec.tokenizerExactness != .none else {
            throw ValidationError("no tokenizer is bundled for \(spec.id) (\(spec.tokenizerNote)); give --input-tokens N")
        }
        let count = try BundledTokenizers.tokenizer(named: name).count(of: text)
        return Measurement(tokens: count, text: text, tokenizer: name, caveats: spec.tokenCountCaveats + [.chatTemplateNotCounted])
    }

    private func compareModels(catalog: Catalog, spec: ModelSpec, measured: Measurement, policy: BillingPolicy) throws -> [CostComparisonEntry] {
        guard spec.task.takesTokenPrompt else {
            throw ValidationError("--compare works for token-priced models; \(spec.id) is \(spec.task.rawValue)")
        }
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        if let chat = measured.chat {
            return catalog.costComparison(task: spec.task, outputTokens: outputTokens, today: today, policy: policy) { model in
                guard let name = model.tokenizer, model.tokenizerExactness != .none,
                      let template = ChatTemplate.forModel(id: model.id, tokenizer: name),
                      let tokenizer = try? BundledTokenizers.tokenizer(named: name) else { return nil }
                return try? tokenizer.count(of: chat, template: template)
            }
        }
        if let text = measured.text {
            return catalog.costComparison(
                task: spec.task, outputTokens: outputTokens, today: today, policy: policy, countCaveat: .chatTemplateNotCounted
            ) { model in
                guard let name = model.tokenizer, model.tokenizerExactness != .none,
                      let tokenizer = try? BundledTokenizers.tokenizer(named: name) else { return nil }
                return tokenizer.count(of: text)
            }
        }
        let tokens = measured.tokens ?? 0
        return catalog.costComparison(
            task: spec.task, outputTokens: outputTokens, today: today, policy: policy,
            countCaveat: .tokenCountsFromOtherTokenizer(modelID: spec.id)) { model in tokens }
            .map { entry in
                var entry = entry
                if entry.modelID == spec.id { entry.estimate.caveats.removeAll { $0 == .tokenCountsFromOtherTokenizer(modelID: spec.id) } }
                return entry
            }
    }
}

/// `UNIT=N` for `--quantity`.
struct QuantityArgument: ExpressibleByArgument {
    var unit: BillingUnit
    var value: Decimal

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let unit = BillingUnit(rawValue: parts[0]), let value = Decimal(string: parts[1]), value >= 0,
              parts[1].allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        self.unit = unit
        self.value = value
    }
}
