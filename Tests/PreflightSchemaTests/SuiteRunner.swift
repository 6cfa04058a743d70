import Foundation
import PreflightSchema

/// Runs JSON-Schema-Test-Suite files (layout: /work/shared/json-schema-test-suite/README.md).
struct SuiteRunner {
    /// One test's outcome.
    struct Outcome {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    /// The suite folder: `shared/json-schema-test-suite` next to the repository root or one of its
    /// ancestors (the main checkout sits beside `shared/`, worktrees one level deeper).
    static func suiteDirectory(filePath: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()  // Tests/PreflightSchemaTests
            .deletingLastPathComponent().deletingLastPathComponent()  // repository root
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("../shared/json-schema-test-suite").standardized
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("tests").path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    let suite: URL
    let draft: Draft
    let assertsFormat: Bool

    /// The JSON files directly in `folder` (relative to `tests/<draft>/`), sorted.
    func files(in folder: String) -> [URL] {
        let directory = suite.appendingPathComponent("tests").appendingPathComponent(draft == .draft7 ? "draft7" : "draft2020-12")
            .appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Runs every test in `files`.
    func run(_ files: [URL]) -> Outcome {
        var outcome = Outcome()
        let options = SchemaOptions(
            defaultDraft: draft, assertsFormat: assertsFormat,
            resources: SchemaResources(mappings: [.init(prefix: "http://localhost:1234/",
                                                        directory: suite.appendingPathComponent("remotes").path)]))
        for file in files {
            let name = file.lastPathComponent
            guard let data = FileManager.default.contents(atPath: file.path),
                  case .array(let groups)? = try? JSONParser().parse([UInt8](data)) else {
                outcome.failures.append("\(name): unreadable")
                continue
            }
            for group in groups {
                let description = group["description"]?.stringValue ?? "?"
                let tests = group["tests"]?.arrayValue ?? []
                let schema: CompiledSchema
                do {
                    schema = try CompiledSchema(group["schema"] ?? .null, options: options)
                } catch {
                    outcome.total += tests.count
                    outcome.failures.append("\(name) / \(description): schema did not compile: \(error)")
                    continue
                }
                for test in tests {
                    outcome.total += 1
                    let expected = test["valid"] == .bool(true)
                    let instance = test["data"] ?? .null
                    let report = schema.validate(instance)
                    let quick = schema.isValid(instance)
                    if report.isValid == expected && quick == expected && report.violations.isEmpty == expected {
                        outcome.passed += 1
                    } else {
                        let detail = report.violations.first.map { " [\($0.keywordLocation): \($0.message)]" } ?? ""
                        outcome.failures.append("\(name) / \(description) / \(test["description"]?.stringValue ?? "?"): expected \(expected ? "valid" : "invalid"), got \(report.isValid ? "valid" : "invalid") (isValid \(quick))\(detail)")
                    }
                }
            }
        }
        return outcome
    }
}
