import Foundation
import Synchronization
import PreflightCatalog
import PreflightForecast
import Testing

/// The bundled catalog's prices give the same figures as the pricing page, worked by hand.
@Suite struct CatalogCostTests {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    @Test func billingFactsComeFromTheCatalog() throws {
        let policy = BillingPolicy(try Catalog.bundled().billing)
        #expect(policy == BillingPolicy.workersAI)
    }

    @Test(arguments: [
        // (model, usage, neurons by hand)
        // llama-3.2-1b: 1,000 × 2457/1e6 + 500 × 18252/1e6 = 2.457 + 9.126
        ("@cf/meta/llama-3.2-1b-instruct", BillableUsage(inputTokens: 1000, outputTokens: 500), "11.583"),
        // llama-3.3-70b fp8-fast: 2,000 × 26668/1e6 + 300 × 204805/1e6 = 53.336 + 61.4415
        ("@cf/meta/llama-3.3-70b-instruct-fp8-fast", BillableUsage(inputTokens: 2000, outputTokens: 300), "114.7775"),
        // gpt-oss-120b: 10,000 × 31818/1e6 + 1,000 × 68182/1e6 = 318.18 + 68.182
        ("@cf/openai/gpt-oss-120b", BillableUsage(inputTokens: 10_000, outputTokens: 1000), "386.362"),
        // glm-5.3: 6,000 × 127273/1e6 + 4,000 cached × 23636/1e6 + 1,000 × 400000/1e6 = 763.638 + 94.544 + 400
        ("@cf/zai-org/glm-5.3", BillableUsage(inputTokens: 10_000, outputTokens: 1000, cachedInputTokens: 4000), "1258.182"),
        // bge-base-en-v1.5: 512 × 6058/1e6 = 3.101696
        ("@cf/baai/bge-base-en-v1.5", BillableUsage(inputTokens: 512, outputTokens: 0), "3.101696"),
        // flux-1-schnell: 4 tiles × 4.8 + 4 steps × 9.6 = 57.6
        ("@cf/black-forest-labs/flux-1-schnell", BillableUsage([.imageTiles: 4, .steps: 4]), "57.6"),
        // aura-2-en: 2.5 × 2727.27 per 1k characters = 6818.175
        ("@cf/deepgram/aura-2-en", BillableUsage([.characters: 2500]), "6818.175"),
    ])
    func catalogPricesMatchThePricingPage(model: String, usage: BillableUsage, neurons: String) throws {
        let spec = try Catalog.bundled().model(id: model)
        let estimate = spec.rateCard.estimate(usage)
        #expect(estimate.neurons == Neurons(Self.decimal(neurons)))
        #expect(!estimate.caveats.contains { if case .priceUnknown = $0 { return true } else { return false } })
    }

    @Test func websocketVariantsDoNotReplaceThePlainPrice() throws {
        // Every audio model priced per minute keeps exactly one audio-minute rate.
        for spec in try Catalog.bundled().models where spec.pricing != nil {
            let units = spec.rateCard.rates.map(\.unit)
            #expect(Set(units).count == units.count, "\(spec.id) has duplicate rates")
        }
    }

    @Test func comparisonIsSortedAndSkipsModelsThePromptDoesNotFit() throws {
        let catalog = try Catalog.bundled()
        // 30,000 prompt tokens do not fit llama-3.3-70b-fp8-fast's 24,000-token window.
        let entries = catalog.costComparison(task: .textGeneration, outputTokens: 100, today: "2026-11-25", policy: .workersAI) { _ in 30_000 }
        #expect(!entries.contains { $0.modelID == "@cf/meta/llama-3.3-70b-instruct-fp8-fast" })
        #expect(entries.contains { $0.modelID == "@cf/meta/llama-3.2-1b-instruct" })
        let neurons = entries.map(\.estimate.neuronsPerRequest)
        #expect(neurons == neurons.sorted())
        #expect(entries.allSatisfy { entry in entry.contextWindow.map { 30_100 <= $0 } ?? true })
    }
}

/// Reconciliation arithmetic and usage parsing, by hand.
@Suite struct ReconciliationTests {
    @Test func csvUsageIsRead() throws {
        let csv = "date,model,requests,input_tokens,output_tokens,cached_input_tokens,neurons\n2027-01-01,\"@cf/meta/llama-3.2-1b-instruct\",10,1200,40,0,\n"
        let records = try UsageRecords.read(Array(csv.utf8), file: "usage.csv")
        #expect(records.count == 1)
        #expect(records[0].requests == 10 && records[0].inputTokens == 1200 && records[0].outputTokens == 40 && records[0].neurons == nil)
    }

    @Test func csvWithoutARequiredColumnIsRejected() {
        #expect(throws: UsageError.missingColumn(file: "u.csv", column: "output_tokens' or 'completion_tokens")) {
            try UsageRecords.read(Array("model,input_tokens\nx,1\n".utf8), file: "u.csv")
        }
    }

    @Test func differenceSplitsIntoItsCauses() throws {
        let forecast = try TestModels.forecast(ForecastEngineTests.fixed)
        // Estimate: 1,000 in / 500 out = 11.583 neurons per request. Actual: 10 requests, 10,200 prompt
        // tokens (1,020 each) and 4,000 output tokens (400 each); the platform reported 90 neurons.
        let records = try UsageRecords.read(Array("""
            {"model": "@cf/meta/llama-3.2-1b-instruct", "requests": 10, "usage": {"prompt_tokens": 10200, "completion_tokens": 4000}, "neurons": 90}
            """.utf8), file: "u.jsonl")
        let row = try #require(Reconciliation(forecast: forecast, actual: records, directory: TestModels.directory, billing: .workersAI).models.first)
        // Estimated: 10 × 11.583 = 115.83. From tokens: 10,200 × 2457/1e6 + 4,000 × 18252/1e6 = 25.0614 + 73.008 = 98.0694.
        #expect(row.estimatedNeurons == Neurons(TestModels.decimal("115.83")))
        #expect(row.actualNeuronsFromTokens == Neurons(TestModels.decimal("98.0694")))
        #expect(row.difference == Neurons(TestModels.decimal("-25.83")))  // 90 − 115.83
        let byCause = Dictionary(uniqueKeysWithValues: row.explanations.map { ($0.cause, $0.neurons) })
        // Input: +20 tokens × 2457/1e6 × 10 = 0.4914; output: −100 × 18252/1e6 × 10 = −18.252;
        // rest: 90 − 98.0694 = −8.0694 (reported vs price table).
        #expect(byCause["input_tokens"] == Neurons(TestModels.decimal("0.4914")))
        #expect(byCause["output_tokens"] == Neurons(TestModels.decimal("-18.252")))
        #expect(byCause["cached_input"] == .zero)
        #expect(byCause["reported_vs_price_table"] == Neurons(TestModels.decimal("-8.0694")))
        #expect(row.explanations.map(\.neurons).reduce(.zero, +) == row.difference)
    }

    @Test func manyPromptFilesReportProgress() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0..<60 {
            try "prompt number \(index)".write(to: folder.appendingPathComponent("p\(index).txt"), atomically: true, encoding: .utf8)
        }
        let json = ForecastEngineTests.fixed.replacingOccurrences(of: "{\"tokens\": 1000}", with: "{\"folder\": \".\"}")
        let steps = Mutex<[Int]>([])
        let progress = ForecastProgress { step, total, _ in steps.withLock { $0.append(step) }; #expect(total == 60) }
        _ = try ForecastEngine(directory: TestModels.directory, progress: progress)
            .forecast(TestModels.workload(json), baseDirectory: folder, file: "test.json")
        let seen = steps.withLock { $0 }
        #expect(seen.last == 60)
        #expect(seen.count >= 10 && seen == seen.sorted())
    }
}
