import Benchmark
import BenchmarkInputs
import PreflightCatalog
import PreflightTokenizer

/// Tokenizer throughput (bytes/s) and allocations per call, per bundled tokenizer, input kind and
/// size; vocabulary load time; early exit of `count(of:upTo:)`.
///
/// Every benchmark runs in its own process (the benchmark tool spawns one per benchmark), so the
/// setup hook loads the vocabulary and builds the text there, outside the measured region. A
/// tokenizer that this build cannot load fails its benchmarks with the loader's message and the
/// run goes on.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, BenchmarkTokenizers.bytesPerSecond],
        timeUnits: .microseconds,
        warmupIterations: 1,
        maxDuration: .milliseconds(400),
        maxIterations: 1_000
    )

    for name in BenchmarkTokenizers.names {
        for kind in InputKind.allCases {
            for size in kind.sizes {
                for operation in Operation.allCases {
                    registerThroughput(operation, tokenizer: name, kind: kind, bytes: size)
                }
            }
        }
        registerLoad(tokenizer: name)
    }
    registerEarlyExit(tokenizer: "o200k_base")
    registerEarlyExit(tokenizer: "llama3")
}

/// What a throughput benchmark measures.
enum Operation: String, CaseIterable {
    /// `encode(_:)`: the id array.
    case encode
    /// `count(of:)`: the number of ids, without building the array.
    case count
}

/// `encode`/`count` of one text: bytes/s (custom metric), calls/s (throughput), wall clock and
/// mallocs per call. 10-byte texts run a thousand calls per iteration so that the clock's
/// resolution does not dominate; the per-call figures are scaled back.
func registerThroughput(_ operation: Operation, tokenizer name: String, kind: InputKind, bytes: Int) {
    let scaling: BenchmarkScalingFactor = bytes <= 100 ? .kilo : .one
    let large = bytes >= 1_000_000
    Benchmark(
        "\(operation.rawValue) \(name) \(kind.rawValue) \(Inputs.label(bytes: bytes))",
        configuration: .init(
            warmupIterations: large ? 0 : 1,
            scalingFactor: scaling,
            maxDuration: .milliseconds(large ? 2_000 : 400),
            maxIterations: large ? 3 : 1_000,
            setup: {
                _ = try BundledTokenizers.tokenizer(named: name)
                _ = try Inputs.cachedText(kind, bytes: bytes)
            }
        )
    ) { benchmark in
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        let text = try Inputs.cachedText(kind, bytes: bytes)
        let byteCount = text.utf8.count * benchmark.scaledIterations.count
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        switch operation {
        case .encode:
            for _ in benchmark.scaledIterations { blackHole(tokenizer.encode(text)) }
        case .count:
            for _ in benchmark.scaledIterations { blackHole(tokenizer.count(of: text)) }
        }
        let elapsed = clock.now - start
        benchmark.stopMeasurement()
        benchmark.measurement(BenchmarkTokenizers.bytesPerSecond, Rate.bytesPerSecond(byteCount, in: elapsed))
    }
}

/// The first `BundledTokenizers.tokenizer(named:)` of a process: reading and indexing the
/// vocabulary file. One iteration, no warm-up, because later calls hit the cache.
func registerLoad(tokenizer name: String) {
    Benchmark(
        "load \(name)",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
            timeUnits: .milliseconds, warmupIterations: 0, maxIterations: 1
        )
    ) { benchmark in
        blackHole(try BundledTokenizers.tokenizer(named: name))
    }
}

/// `count(of:upTo: 8_192)` on 5 MB of prose: stops at the first piece past the limit, so it
/// should cost about what counting the first ~40 KB costs, not the whole 5 MB.
func registerEarlyExit(tokenizer name: String) {
    let bytes = 5_000_000
    Benchmark(
        "count upTo 8k \(name) prose 5MB",
        configuration: .init(
            setup: {
                _ = try BundledTokenizers.tokenizer(named: name)
                _ = try Inputs.cachedText(.prose, bytes: bytes)
            }
        )
    ) { benchmark in
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        let text = try Inputs.cachedText(.prose, bytes: bytes)
        benchmark.startMeasurement()
        blackHole(tokenizer.count(of: text, upTo: 8_192))
        benchmark.stopMeasurement()
    }
}

/// The tokenizers measured and the custom metric they report.
enum BenchmarkTokenizers {
    /// The list: three tiktoken encodings, Qwen's NFC byte-level BPE, two SentencePiece
    /// vocabularies and BERT's WordPiece.
    static let names = ["o200k_base", "cl100k_base", "llama3", "qwen2", "llama2", "gemma3", "bert-base-uncased"]

    /// Input bytes per second of wall-clock time within the measured region.
    static let bytesPerSecond = BenchmarkMetric.custom("bytes/s", polarity: .prefersLarger, useScalingFactor: false)
}
