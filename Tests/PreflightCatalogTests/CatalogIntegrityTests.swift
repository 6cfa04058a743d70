import Foundation
import PreflightCatalog
import PreflightResources
import Testing

/// The bundled catalog is whole and consistent: every model present once, every tokenizer bundled,
/// every price non-negative and in line with the neuron price.
@Suite struct CatalogIntegrityTests {
    let catalog: Catalog

    init() throws { catalog = try Catalog.bundled() }

    /// Models whose published dollar figure does not reconcile with its neuron figure.
    /// smart-turn-v2: 0.51 neurons × $0.011/1000 = $0.0000056, but the page says $0.00033795
    /// (= 30.72 neurons, i.e. 0.512 neurons per audio *second* × 60): a docs inconsistency
    /// (../shared/workers-ai/README.md, "Ratio check").
    static let documentedPriceExceptions: Set<String> = ["@cf/pipecat-ai/smart-turn-v2"]

    @Test func everyWorkersAIModelIsPresentOnce() throws {
        struct Fixture: Decodable { let ids: [String] }
        let url = try #require(Bundle.module.url(forResource: "Fixtures/workers-ai-model-ids", withExtension: "json"))
        let expected = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).ids
        #expect(expected.count == 114)
        let ids = catalog.models.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        let missing = Set(expected).subtracting(ids)
        #expect(missing.isEmpty, "missing from the catalog: \(missing.sorted())")
        #expect(ids.count == expected.count)
        #expect(ids == ids.sorted())
    }

    @Test func everyNamedTokenizerIsInTheBundledManifest() throws {
        struct Manifest: Decodable {
            struct Entry: Decodable { let name: String }
            let tokenizers: [Entry]
        }
        let url = BundledResources.vocabularyDirectory.appendingPathComponent("tokenizers.json")
        // Must fail, not skip, when the manifest is missing.
        let data = try #require(FileManager.default.contents(atPath: url.path), "Resources/vocab/tokenizers.json is missing")
        let names = Set(try JSONDecoder().decode(Manifest.self, from: data).tokenizers.map(\.name))
        #expect(names.isSuperset(of: ["o200k_base", "o200k_harmony", "cl100k_base", "llama3", "llama4", "llama2",
                                      "mistral-v1", "tekken", "qwen2", "gemma3", "bert-base-uncased"]))
        #expect(Set(BundledTokenizers.names) == names, "the engine's registry and the manifest disagree")
        for model in catalog.models {
            switch model.tokenizerExactness {
            case .none:
                #expect(model.tokenizer == nil, "\(model.id) has exactness none but names a tokenizer")
            case .exact, .approximate:
                let name = try #require(model.tokenizer, "\(model.id) is \(model.tokenizerExactness) without a tokenizer")
                #expect(names.contains(name), "\(model.id) names tokenizer '\(name)', which is not bundled")
            }
            #expect(!model.tokenizerNote.isEmpty, "\(model.id) gives no reason for its tokenizer")
        }
    }

    @Test func everyNamedTokenizerLoads() throws {
        for name in Set(catalog.models.compactMap(\.tokenizer)).sorted() {
            let tokenizer = try BundledTokenizers.tokenizer(named: name)
            #expect(tokenizer.count(of: "Hello, world") > 0, "\(name) counts nothing")
        }
    }

    @Test func everyPriceIsNonNegativeAndAgreesWithNeurons() throws {
        let perNeuron = catalog.billing.usdPerThousandNeurons / 1000
        #expect(catalog.billing.usdPerThousandNeurons == Decimal(string: "0.011"))
        var inconsistent: Set<String> = []
        var checked = 0
        for model in catalog.models {
            for item in model.pricing?.items ?? [] {
                #expect(item.usd >= 0 && item.neurons >= 0, "\(model.id) \(item.unit): negative price")
                // The page prints dollars with few digits: allow half a unit in the last printed place.
                let tolerance = halfUnitInLastPlace(of: item.publishedUSD)
                var difference = item.neurons * perNeuron - item.usd
                if difference < 0 { difference = -difference }
                if difference > tolerance { inconsistent.insert(model.id) }
                checked += 1
            }
        }
        #expect(checked == 123)
        #expect(inconsistent == Self.documentedPriceExceptions)
    }

    @Test func contextWindowsStateTheirProvenance() {
        for model in catalog.models {
            switch model.contextWindow.provenance {
            case .unknown:
                #expect(model.contextWindow.tokens == nil && model.contextWindow.source == "unknown", "\(model.id)")
            case .cloudflare, .thirdParty:
                #expect((model.contextWindow.tokens ?? 0) > 0 && model.contextWindow.source != "unknown", "\(model.id)")
            }
        }
        // Hand-checked against the sources named in Scripts/catalog_supplement.json and models.json.
        #expect(catalog.models.filter { $0.contextWindow.provenance == .cloudflare }.count == 37)
        #expect(catalog.models.filter { $0.contextWindow.provenance == .thirdParty }.count == 37)
        #expect(catalog.models.filter { $0.contextWindow.provenance == .unknown }.count == 40)
    }

    @Test func pricesKeepThePublishedDecimals() throws {
        let flux = try catalog.model(id: "@cf/black-forest-labs/flux-1-schnell")
        let tile = try #require(flux.pricing?.item(for: .tile512))
        #expect(tile.usd == Decimal(string: "0.0000528"))
        #expect(tile.publishedNeurons == "4.80")
        let llama = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct")
        #expect(llama.pricing?.item(for: .inputTokensPerMillion)?.usd == Decimal(string: "0.282"))
        #expect(llama.pricing?.item(for: .outputTokensPerMillion)?.neurons == 75147)
    }

    private func halfUnitInLastPlace(of published: String) -> Decimal {
        let decimals = published.split(separator: ".").dropFirst().first?.count ?? 0
        var unit = Decimal(1)
        for _ in 0..<decimals { unit /= 10 }
        return unit / 2
    }
}
