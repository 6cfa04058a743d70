// swift-tools-version: 6.1
// Preflight's benchmarks: a package of its own so that the root `swift build` / `swift test`
// never build the benchmark dependencies. Run everything with `swift package benchmark`
// from this folder; see ../Docs/benchmarks.md for the figures and SideBySide/ for the
// comparison with tiktoken, Hugging Face tokenizers and sentencepiece.
import PackageDescription

let package = Package(
    name: "preflight-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // `name:` is required: without it the identity is the clone's folder name.
        .package(name: "preflight", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Inputs shared by the benchmarks and the side-by-side runner: corpus files, sized
        // slices and generated worst cases.
        .target(name: "BenchmarkInputs", path: "Sources/BenchmarkInputs"),
        .executableTarget(
            name: "TokenizerBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PreflightTokenizer", package: "preflight"),
                .product(name: "PreflightCatalog", package: "preflight"),
            ],
            path: "Benchmarks/TokenizerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SchemaBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PreflightSchema", package: "preflight"),
            ],
            path: "Benchmarks/SchemaBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // `side-by-side TOKENIZER FILE REPS`: single-threaded timings as JSON, driven by
        // SideBySide/side_by_side.py.
        .executableTarget(
            name: "SideBySide",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "PreflightTokenizer", package: "preflight"),
                .product(name: "PreflightCatalog", package: "preflight"),
            ],
            // Not directly under a folder named Benchmarks: the benchmark plugin runs every
            // executable target whose folder's parent is called that.
            path: "SideBySide/Runner"
        ),
    ]
)
