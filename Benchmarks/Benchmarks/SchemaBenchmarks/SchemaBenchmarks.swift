import Benchmark
import BenchmarkInputs
import PreflightSchema

/// JSON Schema validation throughput on reply-sized documents (Corpus/schema: one structured
/// output schema, 1,000 replies of 0.3–1.5 KB, every tenth invalid). The schema is compiled and
/// the replies read in setup, outside the measured region.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, SchemaInputs.bytesPerSecond],
        timeUnits: .microseconds,
        maxDuration: .seconds(1),
        maxIterations: 200
    )

    /// Parse each reply from text and validate it, collecting every violation: what
    /// `schema.validate(reply)` costs an app per reply.
    Benchmark("validate 1000 replies (parse + validate)") { benchmark in
        let (schema, replies, bytes) = try SchemaInputs.loaded()
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        for reply in replies { blackHole(try schema.validate(reply)) }
        let elapsed = clock.now - start
        benchmark.stopMeasurement()
        benchmark.measurement(SchemaInputs.bytesPerSecond, Rate.bytesPerSecond(bytes, in: elapsed))
    } setup: {
        _ = try SchemaInputs.loaded()
    }

    /// Validation alone, on replies parsed beforehand, stopping at the first failure.
    Benchmark("isValid 1000 parsed replies") { benchmark in
        let (schema, replies, bytes) = try SchemaInputs.loaded()
        let values = try replies.map { try JSONParser().parse($0) }
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        for value in values { blackHole(schema.isValid(value)) }
        let elapsed = clock.now - start
        benchmark.stopMeasurement()
        benchmark.measurement(SchemaInputs.bytesPerSecond, Rate.bytesPerSecond(bytes, in: elapsed))
    } setup: {
        _ = try SchemaInputs.loaded()
    }

    /// Compiling the schema: paid once per schema.
    Benchmark("compile reply schema", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { benchmark in
        let text = try Inputs.corpusFile("schema/reply.schema.json")
        benchmark.startMeasurement()
        blackHole(try CompiledSchema(json: text))
        benchmark.stopMeasurement()
    }
}

/// The schema corpus, loaded once per process.
enum SchemaInputs {
    /// Reply bytes validated per second of wall-clock time.
    static let bytesPerSecond = BenchmarkMetric.custom("bytes/s", polarity: .prefersLarger, useScalingFactor: false)

    /// The compiled schema, the replies (one per line of replies.jsonl) and their total size.
    static func loaded() throws -> (CompiledSchema, [String], Int) {
        let schema = try CompiledSchema(json: try Inputs.corpusFile("schema/reply.schema.json"))
        let lines = String(decoding: try Inputs.corpusFile("schema/replies.jsonl"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        return (schema, lines, lines.reduce(0) { $0 + $1.utf8.count })
    }
}
