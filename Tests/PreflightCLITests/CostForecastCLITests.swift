import Foundation
import Testing

/// Runs the built `preflight` executable for the cost and forecast commands.
enum CostForecastCLI {
    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `preflight` binary beside the test bundle (same build directory).
    static var executable: URL? {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var url = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(url.appendingPathComponent("preflight"))
                url = url.deletingLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("preflight"))
        candidates.append(root.appendingPathComponent(".build/debug/preflight"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let binary = try #require(executable, "build the preflight product first (swift build --build-tests builds it)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

@Suite struct CostCommandTests {
    static let llama = "@cf/meta/llama-3.2-1b-instruct"

    @Test func jsonAgreesWithThePublishedPrices() throws {
        // Hand arithmetic from the pricing page (2457 / 18252 neurons per M input / output tokens):
        // per request 1000 × 2457/1e6 + 500 × 18252/1e6 = 2.457 + 9.126 = 11.583 neurons;
        // 1,000 requests = 11,583 neurons × $0.000011 = $0.127413; after 10,000 free: 1,583 × 0.000011 = $0.017413.
        let result = try CostForecastCLI.run(["cost", "--model", Self.llama, "--input-tokens", "1000", "--output-tokens", "500",
                                              "--requests", "1000", "--format", "json"])
        #expect(result.status == 0)
        for fragment in ["\"input_tokens\":1000", "\"output_tokens\":500", "\"neurons\":11583", "\"usd\":0.127413",
                         "\"usd_after_free_allocation\":0.017413", "\"neurons_per_request\":11.583", "\"requests_within_free_allocation\":863",
                         "\"exact\":true"] {
            #expect(result.stdout.contains(fragment), "missing \(fragment) in \(result.stdout)")
        }
        #expect(result.stdout.hasSuffix("}\n"))
    }

    @Test func withoutOutputTokensTheDefaultMaxTokensIsAssumedAndSaid() throws {
        let result = try CostForecastCLI.run(["cost", "--model", Self.llama, "--input-tokens", "0", "--format", "json"])
        #expect(result.status == 0)
        // 256 × 18252 / 1e6 = 4.672512 neurons.
        #expect(result.stdout.contains("\"output_tokens\":256"))
        #expect(result.stdout.contains("\"output_tokens_assumed\":true"))
        #expect(result.stdout.contains("\"neurons\":4.672512"))
        #expect(result.stdout.contains("max_tokens = 256"))
    }

    @Test func promptFromStandardInputIsCountedWithTheModelsTokenizer() throws {
        // llama3 (tiktoken-style BPE): "Hello world" = ["Hello", " world"] = 2 tokens.
        let result = try CostForecastCLI.run(["cost", "--model", Self.llama, "--output-tokens", "0", "--format", "json", "-"], stdin: "Hello world")
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"input_tokens\":2"))
        // 2 × 2457 / 1e6 = 0.004914 neurons.
        #expect(result.stdout.contains("\"neurons\":0.004914"))
        #expect(result.stdout.contains("\"exact\":false"))
        #expect(result.stdout.contains("chat template"))
    }

    @Test func textOutputShowsTheArithmetic() throws {
        let result = try CostForecastCLI.run(["cost", "--model", Self.llama, "--input-tokens", "1000", "--output-tokens", "500"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1,000 input tokens × 2,457 neurons per M input tokens = 2.457 neurons"))
        #expect(result.stdout.contains("per request: 11.583 neurons = $0.000127"))
    }

    @Test func imageModelsTakeQuantities() throws {
        // flux-1-schnell: 4 tiles × 4.8 + 4 steps × 9.6 = 57.6 neurons × 0.000011 = $0.0006336.
        let result = try CostForecastCLI.run(["cost", "--model", "@cf/black-forest-labs/flux-1-schnell", "--quantity", "image_tiles=4",
                                              "--quantity", "steps=4", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"neurons\":57.6"))
        #expect(result.stdout.contains("\"usd\":0.0006336"))
    }

    @Test func compareListsModelsCheapestFirst() throws {
        let result = try CostForecastCLI.run(["cost", "--model", Self.llama, "--input-tokens", "1000", "--output-tokens", "500",
                                              "--compare", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let comparison = try #require(object["comparison"] as? [[String: Any]])
        let neurons = comparison.compactMap { ($0["neurons_per_request"] as? NSNumber)?.doubleValue }
        #expect(neurons.count == comparison.count && comparison.count > 3)
        #expect(neurons == neurons.sorted())
        #expect(comparison.contains { $0["model"] as? String == Self.llama && $0["exact"] as? Bool == true })
        // Counts given as --input-tokens are another model's tokens for the rest: flagged.
        #expect(comparison.contains { ($0["reason"] as? String)?.contains("not recounted") == true })
    }

    @Test(arguments: [
        (["cost", "--model", "@cf/nope/model", "--input-tokens", "5"], "unknown model"),
        (["cost", "--model", "@cf/meta/llama-3.2-1b-instruct", "--input-tokens=-5"], "--input-tokens must be 0 or more"),
        (["cost", "--model", "@cf/meta/llama-3.2-1b-instruct", "--input-tokens", "5", "--requests=-1"], "--requests must be 0 or more"),
        (["cost", "--model", "@cf/meta/llama-3.2-1b-instruct", "--input-tokens", "5", "--quantity", "bogus=1"], "quantity"),
    ])
    func badInputExitsTwo(arguments: [String], message: String) throws {
        let result = try CostForecastCLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

@Suite struct ForecastCommandTests {
    static let workload = "Examples/workloads/support-assistant.json"

    @Test(arguments: ["markdown", "html", "json", "csv"])
    func sampleWorkloadRendersInEveryFormat(format: String) throws {
        let result = try CostForecastCLI.run(["forecast", Self.workload, "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "markdown": #expect(result.stdout.hasPrefix("# Cost forecast: Northwind support assistant"))
        case "html":
            #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
            #expect(result.stdout.contains("<svg"))
            #expect(result.stdout.contains("free allocation: 10,000 neurons/day"))
            // Self-contained: nothing fetched (the only URL is the SVG namespace).
            #expect(!result.stdout.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        case "json":
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect((object["daily"] as? [Any])?.count == 90)
            #expect(object["total"] != nil && object["request_types"] != nil && object["is_exact"] != nil)
        default:
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 91)
            #expect(lines.first?.hasPrefix("date,requests,neurons,free_neurons,billed_neurons,usd_before_free_allocation,usd") == true)
        }
    }

    @Test func sameWorkloadSameReport() throws {
        let first = try CostForecastCLI.run(["forecast", Self.workload, "--format", "json"])
        let second = try CostForecastCLI.run(["forecast", Self.workload, "--format", "json"])
        #expect(first.stdout == second.stdout)
    }

    @Test func committedSampleReportsAreCurrent() throws {
        for (format, file) in [("markdown", "md"), ("csv", "csv"), ("json", "json"), ("html", "html")] {
            let result = try CostForecastCLI.run(["forecast", Self.workload, "--format", format])
            let committed = try String(contentsOf: CostForecastCLI.root.appendingPathComponent("Examples/reports/support-assistant.\(file)"), encoding: .utf8)
            #expect(result.stdout == committed, "Examples/reports/support-assistant.\(file) is stale: rerun the forecast")
        }
        let reconciled = try CostForecastCLI.run(["forecast", Self.workload, "--reconcile", "Examples/workloads/usage-2027-01-01.jsonl"])
        let committed = try String(contentsOf: CostForecastCLI.root.appendingPathComponent("Examples/reports/support-assistant-reconciled.md"), encoding: .utf8)
        #expect(reconciled.stdout == committed, "Examples/reports/support-assistant-reconciled.md is stale")
    }

    @Test(arguments: [
        ("\"model\": \"@cf/meta/llama-3.2-1b-instruct\"", "\"model\": \"@cf/meta/no-such-model\"", "/request_types/1/model"),
        ("\"requests_per_day\": 2500", "\"requests_per_day\": -2500", "/request_types/1/requests_per_day"),
        ("\"days\": 90", "\"days\": 0", "/days"),
        ("\"samples\": 2000,", "\"samples\": 2000,,", "malformed JSON"),
    ])
    func badWorkloadNamesTheField(replacing: String, with replacement: String, expected: String) throws {
        let original = try String(contentsOf: CostForecastCLI.root.appendingPathComponent(Self.workload), encoding: .utf8)
        let changed = original.replacingOccurrences(of: replacing, with: replacement)
        #expect(changed != original)
        let file = try CostForecastCLI.temporaryFile("workload.json", changed)
        let result = try CostForecastCLI.run(["forecast", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func reconciliationExplainsTheDifference() throws {
        // triage is estimated at 83 prompt tokens (its chat after the Llama 3.2 template) and 4 output
        // tokens on llama-3.2-1b; the platform reported 90 prompt tokens and 3 output tokens for 10 requests.
        let usage = (0..<10).map { _ in
            "{\"model\": \"@cf/meta/llama-3.2-1b-instruct\", \"usage\": {\"prompt_tokens\": 90, \"completion_tokens\": 3, \"total_tokens\": 93}}"
        }.joined(separator: "\n")
        let file = try CostForecastCLI.temporaryFile("usage.jsonl", usage)
        let result = try CostForecastCLI.run(["forecast", Self.workload, "--reconcile", file.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let reconciliation = try #require(object["reconciliation"] as? [String: Any])
        let row = try #require((reconciliation["models"] as? [[String: Any]])?.first)
        #expect(row["requests"] as? Int == 10)
        // Input effect: (90 − 83) × 2457/1e6 × 10 = 0.17199 neurons; output: (3 − 4) × 18252/1e6 × 10 = −0.18252.
        let causes = try #require(row["explanations"] as? [[String: Any]])
        #expect(causes.first { $0["cause"] as? String == "input_tokens" }?["neurons"] as? Double == 0.17199)
        #expect(causes.first { $0["cause"] as? String == "output_tokens" }?["neurons"] as? Double == -0.18252)
        #expect((causes.first { $0["cause"] as? String == "input_tokens" }?["text"] as? String)?.contains("7 more prompt tokens per request") == true)
        // The causes sum to the difference: 0.17199 − 0.18252 = −0.01053 neurons.
        #expect(row["difference"] as? Double == -0.01053)
    }

    @Test func badUsageFileNamesTheLine() throws {
        let file = try CostForecastCLI.temporaryFile("usage.jsonl", "{\"model\": \"x\", \"usage\": {\"prompt_tokens\": 1, \"completion_tokens\": 1}}\n{\"model\": \"x\", \"usage\": {\"prompt_tokens\": -4, \"completion_tokens\": 1}}\n")
        let result = try CostForecastCLI.run(["forecast", Self.workload, "--reconcile", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("usage.jsonl:2: /usage/prompt_tokens"), "\(result.stderr)")
    }
}
