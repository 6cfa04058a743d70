import Foundation
import PreflightCatalog
import Testing

@Suite struct CatalogLookupTests {
    let catalog: Catalog

    init() throws { catalog = try Catalog.bundled() }

    @Test(arguments: [
        "@cf/meta/llama-3.1-8b-instruct",
        "meta/llama-3.1-8b-instruct",
        "llama-3.1-8b-instruct",
        "@CF/Meta/Llama-3.1-8B-Instruct",
        "  @cf/meta/llama-3.1-8b-instruct\n",
    ])
    func acceptsTheUsualSpellings(_ spelling: String) throws {
        #expect(try catalog.model(id: spelling).id == "@cf/meta/llama-3.1-8b-instruct")
    }

    @Test func unknownIdSuggestsTheClosest() {
        #expect(throws: CatalogError.self) { try catalog.model(id: "@cf/meta/llama-3.1-8b-instrct") }
        do {
            _ = try catalog.model(id: "@cf/meta/llama-3.1-8b-instrct")
        } catch {
            guard case .unknownModel(let id, let suggestions) = error else { Issue.record("wrong error \(error)"); return }
            #expect(id == "@cf/meta/llama-3.1-8b-instrct")
            #expect(suggestions.first == "@cf/meta/llama-3.1-8b-instruct")
            #expect(error.description.contains("did you mean @cf/meta/llama-3.1-8b-instruct"))
        }
    }

    @Test func nothingCloseMeansNoSuggestion() {
        do {
            _ = try catalog.model(id: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")
            Issue.record("expected an error")
        } catch {
            #expect(error == .unknownModel(id: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", suggestions: []))
        }
    }

    @Test func filtersByTask() {
        // ../shared/workers-ai/README.md: 8 embedding models, 11 text-to-image, 5 speech recognition.
        #expect(catalog.models(for: .textEmbeddings).count == 8)
        #expect(catalog.models(for: .textToImage).count == 11)
        #expect(catalog.models(for: .automaticSpeechRecognition).count == 5)
        #expect(catalog.models(for: .textEmbeddings).allSatisfy { $0.task == .textEmbeddings })
        #expect(ModelTask.allCases.map { catalog.models(for: $0).count }.reduce(0, +) == catalog.models.count)
    }

    @Test func sharedCatalogLoadsOnceAcrossTasks() async throws {
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask { try Catalog.bundled().model(id: "gpt-oss-120b").id }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(ids == Array(repeating: "@cf/openai/gpt-oss-120b", count: 16))
    }
}

@Suite struct CatalogDecodingErrorTests {
    /// A one-model catalog with `patch` applied to the model record.
    func catalogData(patch: (inout [String: Any]) -> Void) throws -> Data {
        var model: [String: Any] = [
            "id": "@cf/test/model", "task": "text-generation", "task_source": "test", "tokenizer": "llama3",
            "tokenizer_exactness": "exact", "tokenizer_note": "test", "context_window": 100,
            "context_window_provenance": "cloudflare", "context_window_source": "test",
            "context_window_other_figures": [], "input_limits": [:],
            "output": ["default_max_tokens": 10, "default_max_tokens_source": "t", "max_output_tokens": NSNull(), "max_output_tokens_source": "unknown"],
            "pricing": ["items": [["unit": "input_tokens_per_million", "published_unit": "per M input tokens", "usd": "0.282", "neurons": "25608", "variant": NSNull()]],
                        "source": "t", "as_of": "2026-10-09"],
            "rate_limit": NSNull(),
            "flags": ["beta": NSNull(), "lora": false, "function_calling": false, "json_mode": false, "vision": false, "reasoning": false, "async_queue": false, "paid_plan_required": false],
            "deprecation": NSNull(),
            "source": ["docs_file": "x", "commit": NSNull(), "read": false, "id_source": "test"],
        ]
        patch(&model)
        let document: [String: Any] = [
            "format": 1,
            "billing": ["usd_per_1000_neurons": "0.011", "free_neurons_per_day": 10000, "source": "t", "as_of": "t"],
            "legacy_character_limit": ["characters": 6144, "source": "t"],
            "models": [model],
        ]
        return try JSONSerialization.data(withJSONObject: document)
    }

    @Test func validCatalogDecodes() throws {
        let catalog = try Catalog(data: try catalogData { _ in })
        #expect(try catalog.model(id: "@cf/test/model").contextWindow.tokens == 100)
        #expect(try catalog.model(id: "@cf/test/model").legacyCharacterLimit?.characters == 6144)
    }

    @Test func badPriceNamesItsJSONPointer() throws {
        let data = try catalogData { model in
            var pricing = model["pricing"] as! [String: Any]
            var items = pricing["items"] as! [[String: Any]]
            items[0]["usd"] = "1e-3"
            pricing["items"] = items
            model["pricing"] = pricing
        }
        #expect(throws: CatalogError.malformed(
            file: "models.json", jsonPointer: "/models/0/pricing/items/0/usd",
            reason: "'1e-3' is not a plain decimal string such as \"0.011\"")) {
            try Catalog(data: data)
        }
    }

    @Test func missingFieldNamesItsJSONPointer() throws {
        let data = try catalogData { model in model["flags"] = ["lora": false] }
        do {
            _ = try Catalog(data: data)
            Issue.record("expected an error")
        } catch {
            guard case .malformed(_, let pointer, _) = error else { Issue.record("\(error)"); return }
            #expect(pointer.hasPrefix("/models/0/flags/"))
        }
    }

    @Test func unknownTaskIsRejected() throws {
        let data = try catalogData { model in model["task"] = "telepathy" }
        do {
            _ = try Catalog(data: data)
            Issue.record("expected an error")
        } catch {
            guard case .malformed(_, let pointer, _) = error else { Issue.record("\(error)"); return }
            #expect(pointer == "/models/0/task")
        }
    }

    @Test func duplicateIdsAreRejected() throws {
        var object = try JSONSerialization.jsonObject(with: try catalogData { _ in }) as! [String: Any]
        let models = object["models"] as! [Any]
        object["models"] = models + models
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: CatalogError.duplicateModel(id: "@cf/test/model", file: "models.json")) { try Catalog(data: data) }
    }

    @Test func unknownWindowMustSayUnknown() throws {
        let data = try catalogData { model in model["context_window"] = NSNull() }
        do {
            _ = try Catalog(data: data)
            Issue.record("expected an error")
        } catch {
            guard case .malformed(_, let pointer, _) = error else { Issue.record("\(error)"); return }
            #expect(pointer == "/models/0/context_window_provenance")
        }
    }
}
