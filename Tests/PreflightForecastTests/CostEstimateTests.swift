import Foundation
import PreflightCatalog
import Testing

/// Worked examples written by hand from the published prices (cloudflare-docs pricing.mdx
/// @970ac7295d27cc146b7d88ed29f4463a4f02b78d), not from the code: each expected figure is derived in
/// the comment above it. Billing: $0.011 per 1,000 neurons = $0.000011 per neuron.
@Suite struct CostEstimateTests {
    // Published rates, typed in from the pricing page.
    static let llama1B = RateCard(modelID: "@cf/meta/llama-3.2-1b-instruct", rates: [
        UnitRate(unit: .inputTokens, neuronsPerQuote: Neurons(2457), publishedDollarsPerQuote: Dollars(Decimal(string: "0.027")!)),
        UnitRate(unit: .outputTokens, neuronsPerQuote: Neurons(18252), publishedDollarsPerQuote: Dollars(Decimal(string: "0.201")!)),
    ])
    static let glm53 = RateCard(modelID: "@cf/zai-org/glm-5.3", rates: [
        UnitRate(unit: .inputTokens, neuronsPerQuote: Neurons(127273)),
        UnitRate(unit: .cachedInputTokens, neuronsPerQuote: Neurons(23636)),
        UnitRate(unit: .outputTokens, neuronsPerQuote: Neurons(400000)),
    ])
    static let fluxSchnell = RateCard(modelID: "@cf/black-forest-labs/flux-1-schnell", rates: [
        UnitRate(unit: .imageTiles, neuronsPerQuote: Neurons(Decimal(string: "4.8")!)),
        UnitRate(unit: .steps, neuronsPerQuote: Neurons(Decimal(string: "9.6")!)),
    ])
    static let aura2 = RateCard(modelID: "@cf/deepgram/aura-2-en", rates: [
        UnitRate(unit: .characters, neuronsPerQuote: Neurons(Decimal(string: "2727.27")!)),
    ])
    static let whisper = RateCard(modelID: "@cf/openai/whisper", rates: [
        UnitRate(unit: .audioMinutes, neuronsPerQuote: Neurons(Decimal(string: "41.14")!)),
    ])

    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    @Test func llamaOneRequest() {
        // 1,000 input tokens × 2457 / 1,000,000 = 2.457 neurons
        // 500 output tokens × 18252 / 1,000,000 = 9.126 neurons
        // total 11.583 neurons × 0.000011 = $0.000127413
        let estimate = Self.llama1B.estimate(BillableUsage(inputTokens: 1000, outputTokens: 500))
        #expect(estimate.lines.map(\.neurons) == [Neurons(Self.decimal("2.457")), Neurons(Self.decimal("9.126"))])
        #expect(estimate.neurons == Neurons(Self.decimal("11.583")))
        #expect(estimate.dollars == Dollars(Self.decimal("0.000127413")))
        // Displayed half-to-even to 6 places: 0.000127|413 → $0.000127.
        #expect(estimate.dollars.description == "$0.000127")
        // 10,000 / 11.583 = 863.33… → 863 whole requests fit in a day's free allocation.
        #expect(estimate.requestsWithinFreeAllocation == 863)
        // One request is far inside the free allocation.
        #expect(estimate.dollarsAfterFreeAllocation == .zero)
        #expect(estimate.isExact)
    }

    @Test func llamaThousandRequestsInOneDay() {
        // 1,000 × 11.583 = 11,583 neurons → $0.127413 before the free allocation;
        // after it: (11,583 − 10,000) = 1,583 neurons × 0.000011 = $0.017413.
        let estimate = Self.llama1B.estimate(BillableUsage(inputTokens: 1000, outputTokens: 500), requests: 1000)
        #expect(estimate.neurons == Neurons(11583))
        #expect(estimate.dollars == Dollars(Self.decimal("0.127413")))
        #expect(estimate.dollarsAfterFreeAllocation == Dollars(Self.decimal("0.017413")))
    }

    @Test func publishedDollarsAgreeWithNeuronsWithinRounding() {
        // Pricing page: $0.027 per M input = 2457 neurons; 2457 × 0.000011 = $0.027027 (page rounds to 3 places).
        let policy = BillingPolicy.workersAI
        #expect(policy.dollars(for: Neurons(2457)) == Dollars(Self.decimal("0.027027")))
        #expect(policy.dollars(for: Neurons(2457)).rounded(scale: 3) == Self.decimal("0.027"))
        // 18252 × 0.000011 = $0.200772 → $0.201 at 3 places.
        #expect(policy.dollars(for: Neurons(18252)).rounded(scale: 3) == Self.decimal("0.201"))
    }

    @Test func cachedInputIsBilledAtTheCachedRate() {
        // 10,000 prompt tokens of which 4,000 cached, 1,000 output:
        // 6,000 × 127273 / 1e6 = 763.638; 4,000 × 23636 / 1e6 = 94.544; 1,000 × 400000 / 1e6 = 400
        // total 1,258.182 neurons × 0.000011 = $0.013840002; 10,000 / 1,258.182 = 7.9 → 7 requests free.
        let estimate = Self.glm53.estimate(BillableUsage(inputTokens: 10_000, outputTokens: 1000, cachedInputTokens: 4000))
        #expect(estimate.lines.map(\.unit) == [.inputTokens, .cachedInputTokens, .outputTokens])
        #expect(estimate.lines.map(\.neurons) == [Neurons(Self.decimal("763.638")), Neurons(Self.decimal("94.544")), Neurons(400)])
        #expect(estimate.neurons == Neurons(Self.decimal("1258.182")))
        #expect(estimate.dollars == Dollars(Self.decimal("0.013840002")))
        #expect(estimate.requestsWithinFreeAllocation == 7)
    }

    @Test func imageTilesAndSteps() {
        // 1024×1024 = 4 tiles of 512×512, 4 steps: 4 × 4.8 + 4 × 9.6 = 19.2 + 38.4 = 57.6 neurons
        // × 0.000011 = $0.0006336.
        let estimate = Self.fluxSchnell.estimate(BillableUsage([.imageTiles: 4, .steps: 4]))
        #expect(estimate.neurons == Neurons(Self.decimal("57.6")))
        #expect(estimate.dollars == Dollars(Self.decimal("0.0006336")))
    }

    @Test func speechCharactersRoundHalfToEvenForDisplay() {
        // 2,500 characters = 2.5 × 1k: 2.5 × 2727.27 = 6,818.175 neurons × 0.000011 = $0.074999925,
        // displayed $0.075000 (…999|925 rounds up at 6 places).
        let estimate = Self.aura2.estimate(BillableUsage([.characters: 2500]))
        #expect(estimate.neurons == Neurons(Self.decimal("6818.175")))
        #expect(estimate.dollars == Dollars(Self.decimal("0.074999925")))
        #expect(estimate.dollars.description == "$0.075000")
    }

    @Test func audioMinutes() {
        // 90 minutes × 41.14 = 3,702.6 neurons × 0.000011 = $0.0407286.
        let estimate = Self.whisper.estimate(BillableUsage([.audioMinutes: 90]))
        #expect(estimate.neurons == Neurons(Self.decimal("3702.6")))
        #expect(estimate.dollars == Dollars(Self.decimal("0.0407286")))
    }

    @Test(arguments: [("0.0000125", "$0.000012"), ("0.0000135", "$0.000014"), ("0.0000005", "$0.000000"), ("12.5", "$12.500000")])
    func displayRoundingIsHalfToEven(exact: String, shown: String) {
        #expect(Dollars(Self.decimal(exact)).description == shown)
    }

    @Test func unknownUnitPriceMakesTheEstimateInexact() {
        let estimate = Self.llama1B.estimate(BillableUsage([.inputTokens: 1000, .characters: 10]))
        #expect(!estimate.isExact)
        #expect(estimate.caveats.contains(.priceUnknown(unit: .characters)))
        #expect(estimate.neurons == Neurons(Self.decimal("2.457")))
    }

    @Test func unpricedModelSaysSo() {
        let estimate = RateCard(modelID: "x", rates: []).estimate(BillableUsage(inputTokens: 5, outputTokens: 5))
        #expect(!estimate.isExact)
        #expect(estimate.caveats == [.unpriced(modelID: "x")])
        #expect(estimate.requestsWithinFreeAllocation == nil)
    }

    @Test func assumedOutputIsStatedButNotInexact() {
        let estimate = Self.llama1B.estimate(BillableUsage(inputTokens: 10, outputTokens: 256), caveats: [.outputTokensAssumed(maxTokens: 256)])
        #expect(estimate.isExact)
        #expect(estimate.caveats.first?.description.contains("max_tokens = 256") == true)
    }

    @Test(arguments: [("per M input tokens", BillingUnit.inputTokens), ("per audio minute input", .audioMinutes),
                      ("per 1k characters input", .characters), ("per input 512x512 tile, per step", .inputTileSteps)])
    func publishedUnitPhrasesParse(phrase: String, unit: BillingUnit) {
        #expect(BillingUnit(publishedUnit: phrase) == unit)
    }

    @Test func freeAllocationIsPerDayAndNeverNegative() {
        let policy = BillingPolicy.workersAI
        #expect(policy.dollarsAfterFreeAllocation(ofDay: Neurons(9999)) == .zero)
        // 10,001 − 10,000 = 1 neuron = $0.000011.
        #expect(policy.dollarsAfterFreeAllocation(ofDay: Neurons(10_001)) == Dollars(Self.decimal("0.000011")))
    }
}
