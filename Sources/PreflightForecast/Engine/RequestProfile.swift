import Foundation
import PreflightCatalog

/// The sampled per-request figures of one request type on one model.
struct RequestProfile: Sendable {
    var meanInputTokens: Decimal
    var meanOutputTokens: Decimal
    var sortedInputTokens: [Int]
    var outputTokensAssumed: Bool
    var samplesNotFitting: Int
    var estimate: CostEstimate

    /// Prompt tokens at the given percentile (nearest rank).
    func inputTokens(percentile: Int) -> Int {
        guard !sortedInputTokens.isEmpty else { return 0 }
        let rank = (percentile * sortedInputTokens.count + 99) / 100
        return sortedInputTokens[max(0, min(sortedInputTokens.count - 1, rank - 1))]
    }
}

/// Platform default of `max_tokens` when neither the workload nor the catalog gives one
/// (release notes, 2025-02-21: "max_tokens really defaults to 256").
let platformDefaultMaxTokens = 256

extension RequestProfile {
    /// Samples `samples` requests of `type` for `model`.
    ///
    /// The generator is seeded from the workload seed and the request type's position only, so the
    /// same requests are drawn for every model a type is compared on (a paired comparison).
    /// - Parameter promptCounts: the token count of each corpus text with `model`'s tokenizer.
    /// - Complexity: O(samples).
    static func sample(
        _ type: RequestType, index: Int, model: ForecastModel,
        promptCounts: [Int], seed: UInt64, samples: Int
    ) -> RequestProfile {
        var generator = SeededGenerator(seed: seed &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
        var caveats: [CostCaveat] = []
        let outputs: TokenDistribution
        var outputAssumed = false
        if let given = type.outputTokens {
            outputs = given
        } else if !model.generatesTokens {
            outputs = .fixed(0)
        } else {
            let maxTokens = model.defaultMaxTokens ?? platformDefaultMaxTokens
            outputs = .fixed(maxTokens)
            outputAssumed = true
            caveats.append(.outputTokensAssumed(maxTokens: maxTokens))
        }
        switch type.prompt {
        case .tokens:
            if model.id != type.model { caveats.append(.tokenCountsFromOtherTokenizer(modelID: type.model)) }
        case .text, .file, .folder, .messages:
            if let counter = model.tokenCounter {
                if let reason = counter.approximation {
                    caveats.append(.tokenizerApproximate(tokenizer: counter.name, reason: reason))
                }
                if case .messages = type.prompt, counter.countChat != nil {} else { caveats.append(.chatTemplateNotCounted) }
            } else {
                caveats.append(.tokenizerMissing(modelID: model.id))
            }
        }
        var inputs: [Int] = []
        inputs.reserveCapacity(samples)
        var inputSum = 0
        var outputSum = 0
        var notFitting = 0
        for _ in 0..<samples {
            let input: Int
            if case .tokens(let distribution) = type.prompt {
                input = distribution.sample(using: &generator)
            } else {
                input = promptCounts.isEmpty ? 0 : promptCounts[generator.below(promptCounts.count)]
            }
            let output = outputs.sample(using: &generator)
            inputs.append(input)
            inputSum += input
            outputSum += output
            if let window = model.contextWindow, input + output > window { notFitting += 1 }
        }
        let meanInput = Decimal(inputSum) / Decimal(samples)
        let meanOutput = Decimal(outputSum) / Decimal(samples)
        var usage = BillableUsage()
        let cachedShare = model.rateCard.rate(for: .cachedInputTokens) == nil ? 0 : type.cachedInputPercent / 100
        usage[.inputTokens] = meanInput * (1 - cachedShare)
        if cachedShare > 0 { usage[.cachedInputTokens] = meanInput * cachedShare }
        usage[.outputTokens] = meanOutput
        return RequestProfile(
            meanInputTokens: meanInput, meanOutputTokens: meanOutput, sortedInputTokens: inputs.sorted(),
            outputTokensAssumed: outputAssumed, samplesNotFitting: notFitting,
            estimate: model.rateCard.estimate(usage, caveats: caveats))
    }
}

/// Counts every corpus text with a model's tokenizer (or estimates ~4 bytes per token without one).
func promptCounts(
    of corpus: PromptCorpus, for model: ForecastModel, progress: ForecastProgress?, file: String, pointer: JSONPointer
) throws(WorkloadError) -> [Int] {
    var counts: [Int] = []
    counts.reserveCapacity(corpus.texts.count)
    for (position, text) in corpus.texts.enumerated() {
        // Without a tokenizer, ~4 UTF-8 bytes per token (flagged tokenizerMissing by the caller).
        if let counter = model.tokenCounter {
            do {
                if let chat = corpus.chat, let countChat = counter.countChat {
                    counts.append(try countChat(chat))
                } else {
                    counts.append(try counter.count(text))
                }
            } catch {
                throw .tokenizerUnavailable(file: file, pointer: pointer, modelID: model.id, reason: String(describing: error))
            }
        } else {
            counts.append((text.utf8.count + 3) / 4)
        }
        progress?.report(step: position + 1, of: corpus.texts.count, what: "counting prompts for \(model.id)")
    }
    return counts
}

/// Receives progress of long forecasts (many prompt files); the CLI prints it on stderr.
public struct ForecastProgress: Sendable {
    /// Called with the step reached, the number of steps and what is being done.
    public var handler: @Sendable (Int, Int, String) -> Void
    /// Only report when there are at least this many steps.
    public var minimumSteps: Int

    /// A progress receiver.
    public init(minimumSteps: Int = 50, handler: @escaping @Sendable (Int, Int, String) -> Void) {
        self.handler = handler
        self.minimumSteps = minimumSteps
    }

    func report(step: Int, of total: Int, what: String) {
        guard total >= minimumSteps else { return }
        let every = max(1, total / 20)
        if step == total || step % every == 0 { handler(step, total, what) }
    }
}
