import Foundation
import PreflightCatalog
import PreflightForecast

/// Hand-made model directory for forecast tests: published llama-3.2-1b prices, a model at exactly
/// half those prices, and a word-counting stand-in tokenizer (one token per space-separated word).
enum TestModels {
    static let wordCounter = TokenCounter(name: "words") { text in text.split(separator: " ").count }

    static let llama = ForecastModel(
        id: "@cf/meta/llama-3.2-1b-instruct", task: "text-generation", contextWindow: 60_000, requestsPerMinuteLimit: 300,
        defaultMaxTokens: 256,
        rateCard: RateCard(modelID: "@cf/meta/llama-3.2-1b-instruct", rates: [
            UnitRate(unit: .inputTokens, neuronsPerQuote: Neurons(2457)),
            UnitRate(unit: .outputTokens, neuronsPerQuote: Neurons(18252)),
        ]),
        tokenCounter: wordCounter)

    static let half = ForecastModel(
        id: "test/half-price", task: "text-generation", contextWindow: 1000, requestsPerMinuteLimit: nil, defaultMaxTokens: 256,
        rateCard: RateCard(modelID: "test/half-price", rates: [
            UnitRate(unit: .inputTokens, neuronsPerQuote: Neurons(Decimal(string: "1228.5")!)),
            UnitRate(unit: .outputTokens, neuronsPerQuote: Neurons(9126)),
        ]),
        tokenCounter: TokenCounter(name: "words-approx", approximation: "test stand-in", count: wordCounter.count))

    static let embedder = ForecastModel(
        id: "test/embedder", task: "text-embeddings", contextWindow: 512, requestsPerMinuteLimit: 3000, defaultMaxTokens: nil,
        generatesTokens: false,
        rateCard: RateCard(modelID: "test/embedder", rates: [UnitRate(unit: .inputTokens, neuronsPerQuote: Neurons(6058))]),
        tokenCounter: nil)

    static let directory = ModelDirectory(models: [llama, half, embedder])

    static func workload(_ json: String) throws -> Workload {
        try Workload.read(from: Array(json.utf8), file: "test.json")
    }

    static func forecast(_ json: String, base: URL = URL(fileURLWithPath: "/nonexistent")) throws -> Forecast {
        try ForecastEngine(directory: directory).forecast(workload(json), baseDirectory: base, file: "test.json")
    }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }
}
