import Foundation
import PreflightSchema
import Testing

/// Property test: the suite's schemas with random mutations either compile or throw a typed
/// `SchemaError`, and compiled ones validate random instances without crashing; `isValid` always
/// agrees with `validate(_:).isValid`.
@Suite("Validator fuzzing (seeded)")
struct ValidatorFuzzTests {
    @Test("mutated schemas and random instances never crash")
    func mutatedSchemas() throws {
        let suite = try #require(SuiteRunner.suiteDirectory(), "JSON-Schema-Test-Suite not found")
        let runner = SuiteRunner(suite: suite, draft: .draft2020_12, assertsFormat: true)
        var schemas: [JSONValue] = []
        var instances: [JSONValue] = []
        for file in runner.files(in: "") {
            guard let data = FileManager.default.contents(atPath: file.path),
                  case .array(let groups)? = try? JSONParser().parse([UInt8](data)) else { continue }
            for group in groups {
                if let schema = group["schema"] { schemas.append(schema) }
                for test in group["tests"]?.arrayValue ?? [] { if let data = test["data"] { instances.append(data) } }
            }
        }
        #expect(schemas.count == 383)
        var random = FuzzTests.SplitMix(state: 0xF00D)
        var compiled = 0
        var rejected = 0
        let options = SchemaOptions(
            assertsFormat: true,
            resources: SchemaResources(mappings: [.init(prefix: "http://localhost:1234/",
                                                        directory: suite.appendingPathComponent("remotes").path)]))
        for round in 0..<1_500 {
            var schema = schemas[round % schemas.count]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                schema = Self.mutate(schema, with: instances.randomElement(using: &random) ?? .null, using: &random)
            }
            do {
                let validator = try CompiledSchema(schema, options: options)
                compiled += 1
                for _ in 0..<3 {
                    let instance = instances.randomElement(using: &random) ?? .null
                    #expect(validator.isValid(instance) == validator.validate(instance).isValid, "\(schema) on \(instance)")
                }
            } catch {
                rejected += 1
            }
        }
        #expect(compiled + rejected == 1_500)
        #expect(compiled > 500)
    }

    /// Replaces one randomly chosen value inside `value` with `replacement`.
    static func mutate(_ value: JSONValue, with replacement: JSONValue, using random: inout FuzzTests.SplitMix) -> JSONValue {
        switch value {
        case .object(var object) where !object.keys.isEmpty && Int.random(in: 0..<4, using: &random) > 0:
            let key = object.keys.randomElement(using: &random) ?? ""
            object[key] = mutate(object[key] ?? .null, with: replacement, using: &random)
            return .object(object)
        case .array(var items) where !items.isEmpty && Int.random(in: 0..<4, using: &random) > 0:
            let index = Int.random(in: 0..<items.count, using: &random)
            items[index] = mutate(items[index], with: replacement, using: &random)
            return .array(items)
        default:
            return replacement
        }
    }
}
